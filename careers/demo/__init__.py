"""Demo categories and careers (careers/demo/careers.yaml), for `manage.py load_demo`.

Categories and careers are matched by slug or name; what exists is used as
an editor left it, and only what is missing is created.
"""

from pathlib import Path

from django.db.models import Q

from careers.core.demo import DemoLoadResult, demo_data
from careers.models import Career, Category, SalaryFigure

DEMO_FILE = Path(__file__).with_name("careers.yaml")


def careers_load_demo() -> DemoLoadResult:
    """Create the demo categories and careers (with their salary figures) that are missing."""
    result = DemoLoadResult(label="careers", model="career")
    data = demo_data(DEMO_FILE)
    categories = {}
    for spec in data["categories"]:
        existing = Category.objects.filter(Q(slug=spec["slug"]) | Q(name=spec["name"])).first()
        categories[spec["slug"]] = (
            result.found(existing) if existing else result.create(Category(**spec))
        )
    for spec in data["careers"]:
        existing = Career.objects.filter(Q(slug=spec["slug"]) | Q(name=spec["name"])).first()
        if existing is not None:
            result.found(existing)
            continue
        fields = {k: v for k, v in spec.items() if k not in {"category", "salary_figures"}}
        career = result.create(Career(category=categories[spec["category"]], **fields))
        result.create_ordered(SalaryFigure, spec["salary_figures"], career=career)
    return result

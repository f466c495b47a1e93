"""Demo categories and careers (careers/demo/careers.yaml), for `manage.py load_demo`.

Categories and careers are matched by slug or name; what exists is used as
an editor left it, and only what is missing is created.
"""

from pathlib import Path

from django.db.models import Q

from careers.core.demo import DemoLoadResult, demo_data
from careers.models import Career, Category, SalaryFigure, Skill, SkillAlias

DEMO_FILE = Path(__file__).with_name("careers.yaml")
SKILLS_FILE = Path(__file__).with_name("skills.yaml")


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
    skills_load_demo(result)
    return result


def skills_load_demo(result: DemoLoadResult) -> None:
    """Create the demo skills (with their aliases) missing by name, any case."""
    from careers.skills import skill_slug

    existing = {name.casefold() for name in Skill.objects.values_list("name", flat=True)}
    for spec in demo_data(SKILLS_FILE)["skills"]:
        if spec["name"].casefold() in existing:
            result.skipped["skill"] += 1
            continue
        fields = {k: v for k, v in spec.items() if k != "aliases"}
        skill = result.create(Skill(slug=skill_slug(spec["name"]), **fields))
        for alias in spec.get("aliases", []):
            result.create(SkillAlias(skill=skill, **alias))
    from careers.search import skill_search

    skill_search.index(Skill.objects.all())

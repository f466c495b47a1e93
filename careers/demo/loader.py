"""Load the demo content into the database without touching anything already there.

Each object is matched by its natural key (categories and careers by slug or
name, certifications by name, guides by slug or by career and edition year).
What exists is left exactly as an editor left it, parts included; only what is
missing is created. Every new object passes `full_clean()` before it is saved,
so the demo data also proves the validation rules.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Model, Q

from careers.demo import data
from careers.models import Career, Category, Publishable, SalaryFigure
from guides.models import (
    FAQ,
    Certification,
    Guide,
    GuideCertification,
    Path,
    RelatedGuide,
    RoadmapStep,
    Skill,
)
from guides.services import guides_search_index

Spec = dict[str, Any]
M = TypeVar("M", bound=Model)


@dataclass
class DemoLoadResult:
    """How many objects of each model one run created, and how many it found already there.

    Keys are model names ("guide", "career", "roadmapstep", ...). Parts of an object
    that already exists are neither created nor counted.
    """

    created: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One line for the command: "Demo content: created 7 guides, skipped 0 that ..."."""
        skipped = self.skipped["guide"]
        line = (
            f"Demo content: created {_plural(self.created['guide'], 'guide')}, "
            f"skipped {skipped} that already {'exists' if skipped == 1 else 'exist'}"
        )
        extras = [
            _plural(self.created[name], singular, plural)
            for name, singular, plural in (
                ("category", "category", "categories"),
                ("career", "career", "careers"),
                ("certification", "certification", "certifications"),
            )
            if self.created[name]
        ]
        if extras:
            line += "; also created " + ", ".join(extras)
        return line + "."


def demo_load() -> DemoLoadResult:
    """Create whatever demo content is missing, in one transaction, and say what was done."""
    result = DemoLoadResult()
    with transaction.atomic():
        categories = {spec["slug"]: _category(spec, result) for spec in data.CATEGORIES}
        certifications = {
            spec["name"]: _certification(spec, result) for spec in data.CERTIFICATIONS
        }
        careers = {spec["slug"]: _career(spec, categories, result) for spec in data.CAREERS}

        guides: dict[str, Guide] = {}
        new_guides: list[Spec] = []
        for spec in data.GUIDES:
            guide = _existing_guide(spec, careers[spec["career"]])
            if guide is None:
                guide = _create_guide(spec, careers[spec["career"]], certifications, result)
                new_guides.append(spec)
            else:
                result.skipped["guide"] += 1
            guides[spec["slug"]] = guide

        # Links need every guide to exist first; only new guides get them.
        for spec in new_guides:
            guide = guides[spec["slug"]]
            # An editor's guide may stand in for a demo one; never link a guide to itself
            # or to the same guide twice.
            targets = {guides[slug].pk: guides[slug] for slug in spec["related"]}
            targets.pop(guide.pk, None)
            for position, related in enumerate(targets.values(), start=1):
                _create(RelatedGuide(guide=guide, related=related, position=position), result)
        guides_search_index(guides=Guide.objects.filter(slug__in=[s["slug"] for s in new_guides]))
    return result


def _create(obj: M, result: DemoLoadResult) -> M:
    obj.full_clean()
    obj.save()
    result.created[obj._meta.model_name] += 1
    return obj


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def _category(spec: Spec, result: DemoLoadResult) -> Category:
    existing = Category.objects.filter(Q(slug=spec["slug"]) | Q(name=spec["name"])).first()
    if existing is not None:
        result.skipped["category"] += 1
        return existing
    return _create(Category(**spec), result)


def _certification(spec: Spec, result: DemoLoadResult) -> Certification:
    existing = Certification.objects.filter(name=spec["name"]).first()
    if existing is not None:
        result.skipped["certification"] += 1
        return existing
    return _create(Certification(**spec), result)


def _career(spec: Spec, categories: dict[str, Category], result: DemoLoadResult) -> Career:
    existing = Career.objects.filter(Q(slug=spec["slug"]) | Q(name=spec["name"])).first()
    if existing is not None:
        result.skipped["career"] += 1
        return existing
    fields = {
        key: value for key, value in spec.items() if key not in {"category", "salary_figures"}
    }
    career = _create(Career(category=categories[spec["category"]], **fields), result)
    for position, figure in enumerate(spec["salary_figures"], start=1):
        _create(SalaryFigure(career=career, position=position, **figure), result)
    return career


def _existing_guide(spec: Spec, career: Career) -> Guide | None:
    """The guide an editor may already have: same slug, or this career's edition for the year."""
    return Guide.objects.filter(
        Q(slug=spec["slug"]) | Q(career=career, edition_year=data.EDITION_YEAR)
    ).first()


def _create_guide(
    spec: Spec,
    career: Career,
    certifications: dict[str, Certification],
    result: DemoLoadResult,
) -> Guide:
    guide = _create(
        Guide(
            career=career,
            edition_year=data.EDITION_YEAR,
            title=spec["title"],
            slug=spec["slug"],
            meta_description=spec["meta_description"],
            intro=spec["intro"],
            prerequisite_note=spec["prerequisite_note"],
            status=Publishable.Status.PUBLISHED,
            publish_from=None,
        ),
        result,
    )
    for position, step in enumerate(spec["steps"], start=1):
        _create(RoadmapStep(guide=guide, position=position, **step), result)
    for kind, names in (
        (Skill.Kind.TECHNICAL, spec["technical_skills"]),
        (Skill.Kind.SOFT, spec["soft_skills"]),
    ):
        for position, name in enumerate(names, start=1):
            _create(Skill(guide=guide, kind=kind, name=name, position=position), result)
    for position, path in enumerate(spec["paths"], start=1):
        _create(Path(guide=guide, position=position, **path), result)
    for position, name in enumerate(spec["certifications"], start=1):
        _create(
            GuideCertification(guide=guide, certification=certifications[name], position=position),
            result,
        )
    for position, faq in enumerate(spec["faqs"], start=1):
        _create(FAQ(guide=guide, position=position, **faq), result)
    return guide

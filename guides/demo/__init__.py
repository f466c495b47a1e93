"""Demo certifications and guides (guides/demo/*.yaml), for `manage.py load_demo`.

Certifications are matched by name; a guide by its slug, or by its career and
edition year (an editor may have renamed it). What exists is left exactly as an
editor left it, parts included; only what is missing is created. Related-guide
links are made once every guide exists, and only for guides created now.
"""

from pathlib import Path

from django.db.models import Q

from careers.core.demo import DemoLoadResult, demo_data, demo_files
from careers.core.publishing import Publishable
from careers.models import Career, Skill, SkillAlias
from careers.skills import SkillsFromText, skill_matcher
from guides.models import (
    DEFAULT_WEEKLY_HOURS,
    FAQ,
    Certification,
    Guide,
    GuideCertification,
    GuideSkill,
    RelatedGuide,
    RoadmapStep,
)
from guides.models import (
    Path as GuidePath,
)
from guides.services import guides_card_draw, guides_search_index

DEMO_DIR = Path(__file__).parent
CERTIFICATIONS_FILE = DEMO_DIR / "certifications.yaml"


def demo_guide_specs() -> list[dict]:
    """Every demo guide file (all but the certifications), by file name."""
    return demo_files(DEMO_DIR, exclude=[CERTIFICATIONS_FILE.name])


def guides_load_demo() -> DemoLoadResult:
    """Create the demo certifications and guides that are missing (careers first)."""
    result = DemoLoadResult(label="guides", model="guide")
    certifications = {}
    matcher = skill_matcher()
    for spec in demo_data(CERTIFICATIONS_FILE)["certifications"]:
        existing = Certification.objects.filter(name=spec["name"]).first()
        if existing:
            certifications[spec["name"]] = result.found(existing)
            continue
        fields = {k: v for k, v in spec.items() if k != "covers"}
        certification = certifications[spec["name"]] = result.create(Certification(**fields))
        # What it covers: found in its name and the file's note on it.
        certification.skills.set(matcher.find(f"{spec['name']}\n{spec.get('covers', '')}"))
    specs = demo_guide_specs()
    careers = {c.slug: c for c in Career.objects.filter(slug__in=[s["career"] for s in specs])}
    guides: dict[str, Guide] = {}
    new_guides: list[dict] = []
    for spec in specs:
        career = careers.get(spec["career"])
        if career is None:
            continue  # its career is not there: load the careers first
        guide = Guide.objects.filter(
            Q(slug=spec["slug"]) | Q(career=career, edition_year=spec["edition_year"])
        ).first()
        if guide is None:
            guide = _create_guide(spec, career, certifications, result)
            new_guides.append(spec)
        else:
            result.found(guide)
        guides[spec["slug"]] = guide

    for spec in new_guides:
        guide = guides[spec["slug"]]
        # An editor's guide may stand in for a demo one; never link a guide to itself
        # or to the same guide twice.
        targets = {guides[slug].pk: guides[slug] for slug in spec["related"] if slug in guides}
        targets.pop(guide.pk, None)
        result.create_ordered(
            RelatedGuide, [{"related": related} for related in targets.values()], guide=guide
        )
    created = Guide.objects.filter(slug__in=[s["slug"] for s in new_guides])
    guides_search_index(guides=created)
    guides_card_draw(guides=created)
    return result


def _create_guide(spec: dict, career: Career, certifications: dict, result) -> Guide:
    guide = result.create(
        Guide(
            career=career,
            edition_year=spec["edition_year"],
            title=spec["title"],
            slug=spec["slug"],
            meta_description=spec["meta_description"],
            intro=spec["intro"],
            prerequisite_note=spec["prerequisite_note"],
            weekly_hours=spec.get("weekly_hours", DEFAULT_WEEKLY_HOURS),
            status=Publishable.Status.PUBLISHED,
        )
    )
    # Skills named in the file, or else found in a step's own text.
    skills = SkillsFromText(Skill, SkillAlias)
    matcher = skill_matcher()
    steps = result.create_ordered(
        RoadmapStep,
        [{k: v for k, v in step.items() if k != "skills"} for step in spec["steps"]],
        guide=guide,
    )
    for step, step_spec in zip(steps, spec["steps"], strict=True):
        named = [skills.skill(name, where=guide.slug)[0] for name in step_spec.get("skills", [])]
        step.skills.set(named or matcher.find(f"{step.title}\n{step.description}"))
    for kind, names in (
        (GuideSkill.Kind.TECHNICAL, spec["technical_skills"]),
        (GuideSkill.Kind.SOFT, spec["soft_skills"]),
    ):
        links = [skills.skill(name, where=guide.slug) for name in names]
        result.create_ordered(
            GuideSkill,
            [{"skill": skill, "note": note} for skill, note in links],
            guide=guide,
            kind=kind,
        )
    result.create_ordered(GuidePath, spec["paths"], guide=guide)
    result.create_ordered(
        GuideCertification,
        [{"certification": certifications[name]} for name in spec["certifications"]],
        guide=guide,
    )
    result.create_ordered(FAQ, spec["faqs"], guide=guide)
    return guide

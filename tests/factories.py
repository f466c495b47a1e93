"""factory_boy factories: a complete, live guide in one call (`GuideFactory`)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from careers.core.publishing import Publishable
from careers.models import Career, Category, SalaryFigure, Skill
from careers.skills import skill_slug
from guides.models import (
    FAQ,
    Certification,
    Guide,
    GuideCertification,
    GuideSkill,
    Path,
    RelatedGuide,
    RoadmapStep,
)


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = "Data & AI"
    slug = "data-ai"


class CareerFactory(DjangoModelFactory):
    class Meta:
        model = Career

    name = factory.Sequence(lambda n: f"Career {n}")
    slug = factory.Sequence(lambda n: f"career-{n}")
    category = factory.SubFactory(CategoryFactory)
    description = "Builds things that matter."
    salary_low = 120_000
    salary_high = 175_000
    salary_source_name = "BLS"
    salary_source_url = "https://www.bls.gov/ooh/"
    salary_as_of = datetime.date(2025, 5, 1)
    outlook_growth_percent = 36
    outlook_horizon_year = 2033
    outlook_label = "much faster than average"
    outlook_text = "Demand stays strong."
    outlook_source_name = "BLS"
    outlook_source_url = "https://www.bls.gov/ooh/"
    outlook_as_of = datetime.date(2024, 8, 29)


class SalaryFigureFactory(DjangoModelFactory):
    class Meta:
        model = SalaryFigure

    career = factory.SubFactory(CareerFactory)
    label = factory.Sequence(lambda n: f"Level {n}")
    position = factory.Sequence(int)
    low = 100_000
    high = 140_000
    source_name = "Levels survey"
    as_of = datetime.date(2025, 1, 1)


class GuideFactory(DjangoModelFactory):
    class Meta:
        model = Guide

    career = factory.SubFactory(CareerFactory)
    edition_year = 2026
    title = factory.LazyAttribute(lambda o: f"How to Become a {o.career.name}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    meta_description = "A step-by-step roadmap."
    intro = "What the role *does*."
    prerequisite_note = "Know some Python first."
    status = Publishable.Status.PUBLISHED


class RoadmapStepFactory(DjangoModelFactory):
    class Meta:
        model = RoadmapStep

    guide = factory.SubFactory(GuideFactory)
    position = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Step {n}")
    duration_min = 2
    duration_max = 3
    description = "Learn the **basics**."


class SkillFactory(DjangoModelFactory):
    """A skill of the hub; the same name gives the same skill."""

    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.LazyAttribute(lambda o: skill_slug(o.name))


class GuideSkillFactory(DjangoModelFactory):
    class Meta:
        model = GuideSkill

    guide = factory.SubFactory(GuideFactory)
    skill = factory.SubFactory(SkillFactory)
    position = factory.Sequence(int)


class PathFactory(DjangoModelFactory):
    class Meta:
        model = Path

    guide = factory.SubFactory(GuideFactory)
    name = factory.Sequence(lambda n: f"Path {n}")
    position = factory.Sequence(int)
    duration_min = 12
    duration_max = 18
    cost_min = 200
    cost_max = 1000


class CertificationFactory(DjangoModelFactory):
    class Meta:
        model = Certification

    name = factory.Sequence(lambda n: f"Certification {n}")
    provider = "AWS"
    cost = 300
    duration_min = 3
    duration_max = 4


class GuideCertificationFactory(DjangoModelFactory):
    class Meta:
        model = GuideCertification

    guide = factory.SubFactory(GuideFactory)
    certification = factory.SubFactory(CertificationFactory)
    position = factory.Sequence(int)


class FAQFactory(DjangoModelFactory):
    class Meta:
        model = FAQ

    guide = factory.SubFactory(GuideFactory)
    position = factory.Sequence(int)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An *answer*."


class RelatedGuideFactory(DjangoModelFactory):
    class Meta:
        model = RelatedGuide

    guide = factory.SubFactory(GuideFactory)
    related = factory.SubFactory(GuideFactory)
    position = factory.Sequence(int)


def complete_guide(*, parts: int = 3, **kwargs) -> Guide:
    """A live guide with `parts` of every kind of part and as many live related guides."""
    guide = GuideFactory(**kwargs)
    for _ in range(parts):
        RoadmapStepFactory(guide=guide)
        GuideSkillFactory(guide=guide)
        GuideSkillFactory(guide=guide, kind=GuideSkill.Kind.SOFT)
        PathFactory(guide=guide)
        GuideCertificationFactory(guide=guide)
        FAQFactory(guide=guide)
        SalaryFigureFactory(career=guide.career)
        related = GuideFactory()
        RoadmapStepFactory(guide=related)
        PathFactory(guide=related, is_typical=True)
        RelatedGuideFactory(guide=guide, related=related)
    return guide

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from guides.models import Certification, DurationUnit, RoadmapStep
from tests.factories import (
    CertificationFactory,
    GuideFactory,
    PathFactory,
    RelatedGuideFactory,
    RoadmapStepFactory,
)

pytestmark = pytest.mark.django_db


def test_guide_title_carries_its_edition_year():
    guide = GuideFactory(title="How to Become a Data Engineer", edition_year=2026, slug="de")
    assert str(guide) == "How to Become a Data Engineer (2026 Guide)"
    assert guide.get_absolute_url() == "/guides/de/"


def test_markdown_is_rendered_and_sanitised_once_on_save():
    guide = GuideFactory(intro="Uses *PyTorch*. <script>alert(1)</script>")
    assert "<em>PyTorch</em>" in guide.intro_html
    assert "<script" not in guide.intro_html


def test_step_badge_shows_its_label_or_its_duration():
    assert RoadmapStepFactory(duration_min=2, duration_max=3).badge == "2–3 months"
    assert (
        RoadmapStepFactory(duration_label="Prereq", duration_min=None, duration_max=None).badge
        == "Prereq"
    )
    step = RoadmapStepFactory(duration_min=3, duration_max=5, duration_unit=DurationUnit.YEARS)
    assert step.badge == "3–5 years"


def test_a_step_needs_a_duration_or_a_label():
    step = RoadmapStep(guide=GuideFactory(), title="Study", description="x", duration_min=None)
    with pytest.raises(ValidationError) as excinfo:
        step.full_clean()
    assert "Prereq" in excinfo.value.message_dict["duration_min"][0]


def test_durations_must_be_ordered():
    step = RoadmapStepFactory.build(guide=GuideFactory(), duration_min=4, duration_max=2)
    with pytest.raises(ValidationError) as excinfo:
        step.full_clean()
    assert "duration_max" in excinfo.value.message_dict
    with pytest.raises(IntegrityError):
        step.save()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the constraint is deferred, which only PostgreSQL enforces; SQLite skips it",
)
@pytest.mark.django_db(transaction=True)
def test_one_step_per_position_is_enforced_by_the_database():
    step = RoadmapStepFactory(position=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoadmapStepFactory(guide=step.guide, position=1)


def test_steps_can_swap_positions_in_one_transaction():
    first = RoadmapStepFactory(position=1)
    second = RoadmapStepFactory(guide=first.guide, position=2)
    with transaction.atomic():
        first.position, second.position = 2, 1
        first.save()
        second.save()
    assert list(first.guide.steps.values_list("pk", flat=True)) == [second.pk, first.pk]


def test_one_typical_path_per_guide():
    path = PathFactory(is_typical=True)
    PathFactory(guide=path.guide, is_typical=False)
    with pytest.raises(IntegrityError):
        PathFactory(guide=path.guide, is_typical=True)


def test_path_and_certification_costs_read_like_the_reference():
    assert PathFactory(cost_min=40_000, cost_max=100_000).cost_display == "$40K–$100K"
    monthly = CertificationFactory(cost=49, cost_billing=Certification.Billing.MONTH)
    assert monthly.cost_display == "$49/mo"
    assert CertificationFactory(cost=300).cost_display == "$300"


def test_a_guide_is_not_related_to_itself():
    guide = GuideFactory()
    link = RelatedGuideFactory.build(guide=guide, related=guide)
    with pytest.raises(ValidationError):
        link.full_clean()
    with pytest.raises(IntegrityError):
        link.save()


def test_a_guide_cannot_take_the_feeds_address():
    guide = GuideFactory.build(career=GuideFactory().career, slug="feed", edition_year=2027)
    with pytest.raises(ValidationError) as excinfo:
        guide.full_clean()
    assert "slug" in excinfo.value.message_dict

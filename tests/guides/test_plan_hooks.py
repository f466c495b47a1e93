"""What the guide page gives the reader's plan (static/js/plan_guide.js): the same HTML
for every reader, each step's duration in weeks, and the pace the durations assume."""

import pytest
from django.core.exceptions import ValidationError

from guides.models import DurationUnit
from tests.factories import GuideFactory, PathFactory, RoadmapStepFactory

pytestmark = pytest.mark.django_db


def test_each_step_carries_its_id_and_duration_in_weeks(client):
    guide = GuideFactory(weekly_hours=15)
    weeks = RoadmapStepFactory(
        guide=guide, duration_min=2, duration_max=4, duration_unit=DurationUnit.WEEKS
    )
    months = RoadmapStepFactory(
        guide=guide, duration_min=3, duration_max=None, duration_unit=DurationUnit.MONTHS
    )
    prereq = RoadmapStepFactory(
        guide=guide, duration_min=None, duration_max=None, duration_label="Prereq"
    )
    PathFactory(guide=guide, duration_min=1, duration_max=2, duration_unit=DurationUnit.YEARS)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert f'data-step="{weeks.pk}" data-min="2" data-max="4"' in html
    assert f'data-step="{months.pk}" data-min="13.035" data-max="13.035"' in html
    assert f'data-step="{prereq.pk}" data-min="" data-max=""' in html
    assert 'data-min="52.14" data-max="104.28"' in html
    assert 'data-hours="15"' in html
    assert "The times below assume about 15 hours of study a week." in html
    assert "js/plan_store" in html
    assert "js/plan_guide" in html


def test_the_page_is_the_same_for_every_reader_and_sets_no_cookie(client):
    # The page cache, ETags and 304s rest on this (tests/careers/core/test_cache.py).
    guide = GuideFactory()
    RoadmapStepFactory(guide=guide)
    first = client.get(guide.get_absolute_url())
    client.cookies.clear()
    second = client.get(guide.get_absolute_url(), HTTP_COOKIE="careers:plan=anything")
    assert first.content == second.content
    assert not first.cookies


def test_a_guide_without_steps_loads_no_plan_script(client):
    guide = GuideFactory(status="draft")
    guide.status = "published"
    guide.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "plan_guide" not in html


def test_weekly_hours_defaults_to_ten_and_stays_between_1_and_80():
    guide = GuideFactory()
    assert guide.weekly_hours == 10
    for bad in (0, 81):
        guide.weekly_hours = bad
        with pytest.raises(ValidationError) as error:
            guide.full_clean()
        assert "weekly_hours" in error.value.message_dict

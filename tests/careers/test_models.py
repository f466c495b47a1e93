import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from careers.core.publishing import Publishable
from guides.models import Guide
from tests.factories import CareerFactory, GuideFactory, SalaryFigureFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("status", "publish_from", "publish_until", "live"),
    [
        (Publishable.Status.PUBLISHED, None, None, True),
        (Publishable.Status.PUBLISHED, NOW - HOUR, NOW + HOUR, True),
        (Publishable.Status.PUBLISHED, NOW + HOUR, None, False),
        (Publishable.Status.PUBLISHED, None, NOW - HOUR, False),
        # The boundaries: live from the very moment of publish_from, down at publish_until.
        (Publishable.Status.PUBLISHED, NOW, None, True),
        (Publishable.Status.PUBLISHED, None, NOW, False),
        (Publishable.Status.PUBLISHED, NOW, NOW + HOUR, True),
        (Publishable.Status.DRAFT, None, None, False),
        (Publishable.Status.IN_REVIEW, None, None, False),
    ],
)
def test_live_decides_what_readers_see(status, publish_from, publish_until, live):
    guide = GuideFactory(status=status, publish_from=publish_from, publish_until=publish_until)
    assert (guide in Guide.objects.live(at=NOW)) is live
    assert guide.is_live(at=NOW) is live


def test_a_scheduled_guide_goes_live_at_its_time_without_anyone_touching_it():
    guide = GuideFactory(publish_from=NOW + HOUR)
    assert not Guide.objects.live(at=NOW).exists()
    assert list(Guide.objects.live(at=NOW + 2 * HOUR)) == [guide]


def test_publish_window_must_be_ordered():
    guide = GuideFactory.build(career=CareerFactory(), publish_from=NOW, publish_until=NOW - HOUR)
    with pytest.raises(ValidationError) as excinfo:
        guide.full_clean()
    assert "publish_until" in excinfo.value.message_dict
    with pytest.raises(IntegrityError):
        guide.save()


def test_salary_low_above_high_is_refused_in_words_and_by_the_database():
    career = CareerFactory.build(salary_low=200_000, salary_high=100_000, category=None)
    with pytest.raises(ValidationError) as excinfo:
        career.clean()
    assert "must not be below" in excinfo.value.message_dict["salary_high"][0]
    career = CareerFactory()
    career.salary_low = 300_000
    with pytest.raises(IntegrityError):
        career.save()


def test_salary_figure_range_is_checked():
    figure = SalaryFigureFactory.build(career=CareerFactory(), low=10, high=5)
    with pytest.raises(ValidationError):
        figure.full_clean()
    with pytest.raises(IntegrityError):
        figure.save()


def test_career_reads_as_its_name_and_links_to_its_salary_page():
    career = CareerFactory(name="Data Engineer", slug="data-engineer")
    assert str(career) == "Data Engineer"
    assert career.get_absolute_url() == "/careers/data-engineer/salary/"
    assert career.salary_display == "$120K–$175K"

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from jobs.models import JobListing
from jobs.selectors import open_listing_count
from tests.jobs.factories import JobListingFactory, expired_listing

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def test_live_listings_exclude_drafts_expired_and_past_valid_through():
    live = JobListingFactory()
    last_day = JobListingFactory(valid_through=TODAY())
    expired_listing()
    JobListingFactory(status=JobListing.Status.DRAFT)
    JobListingFactory(status=JobListing.Status.EXPIRED)
    JobListingFactory(publish_from=timezone.now() + datetime.timedelta(days=1))
    assert set(JobListing.objects.live()) == {live, last_day}


def test_a_listing_expires_by_itself_when_its_date_passes():
    listing = JobListingFactory(valid_through=TODAY() + datetime.timedelta(days=1))
    later = timezone.now() + datetime.timedelta(days=2)
    assert listing in JobListing.objects.live()
    assert listing not in JobListing.objects.live(at=later)


def test_open_listing_count_is_one_query(django_assert_num_queries):
    listing = JobListingFactory()
    JobListingFactory(career=listing.career)
    expired_listing(career=listing.career)
    with django_assert_num_queries(1):
        assert open_listing_count(listing.career) == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"salary_min": 100, "salary_max": 50},
        {"valid_through": TODAY() - datetime.timedelta(days=10)},
        {"workplace_type": JobListing.WorkplaceType.REMOTE, "remote_countries": ""},
        {"workplace_type": JobListing.WorkplaceType.HYBRID, "city": ""},
    ],
)
def test_database_constraints_refuse_inconsistent_listings(changes):
    with pytest.raises(IntegrityError):
        JobListingFactory(**changes)


def test_source_and_external_id_are_unique_together():
    JobListingFactory(source="feed", external_id="1")
    JobListingFactory(source="other", external_id="1")
    JobListingFactory()  # typed-in listings have neither, any number of them
    JobListingFactory()
    with pytest.raises(IntegrityError):
        JobListingFactory(source="feed", external_id="1")


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://employer.example/job", "data:text/html,hi", "//evil.example"],
)
def test_apply_url_must_be_http_or_https(url):
    listing = JobListingFactory()
    listing.apply_url = url
    with pytest.raises(ValidationError) as error:
        listing.full_clean()
    assert "apply_url" in error.value.message_dict


def test_description_is_rendered_and_sanitised_on_save():
    listing = JobListingFactory(description="**Hi** <script>alert(1)</script> [x](javascript:y)")
    assert "<strong>Hi</strong>" in listing.description_html
    assert "<script>" not in listing.description_html
    assert 'href="javascript' not in listing.description_html


def test_location_and_salary_read_well():
    listing = JobListingFactory.build(
        city="Austin",
        region="TX",
        country="US",
        salary_min=150_000,
        salary_max=230_000,
        salary_currency="USD",
    )
    assert listing.location_display == "Austin, TX, United States"
    assert listing.salary_display == "$150K–$230K"
    assert listing.salary_full_display == "$150,000–$230,000 per year"
    remote = JobListingFactory.build(
        workplace_type=JobListing.WorkplaceType.REMOTE,
        remote_countries="US,CA",
        city="",
        country="",
    )
    assert remote.location_display == "Remote (United States, Canada)"


def test_str_and_urls():
    listing = JobListingFactory(title="Data Engineer, Streaming")
    assert str(listing) == f"Data Engineer, Streaming at {listing.company.name}"
    assert listing.get_absolute_url() == f"/jobs/{listing.pk}/data-engineer-streaming/"
    assert listing.get_apply_url() == f"/jobs/{listing.pk}/apply/"
    assert listing.company.get_absolute_url() == f"/jobs/?company={listing.company.pk}"


def test_any_iso_country_shows_its_name():
    listing = JobListingFactory(
        city="Reykjavik",
        country="IS",
        workplace_type=JobListing.WorkplaceType.HYBRID,
    )
    assert listing.country_display == "Iceland"  # not among the 48 the site once knew
    remote = JobListingFactory(
        workplace_type=JobListing.WorkplaceType.REMOTE,
        remote_countries="EG,MA,US",
        city="",
        country="",
    )
    assert remote.remote_country_names == ["Egypt", "Morocco", "United States"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"country": "de"}, "country"),
        ({"remote_countries": "US,XX", "workplace_type": "remote"}, "remote_countries"),
    ],
)
def test_codes_outside_the_iso_list_are_refused_by_name(changes, field):
    listing = JobListingFactory.build(**changes)
    with pytest.raises(ValidationError) as refused:
        listing.full_clean(exclude=["company", "career"])
    assert field in refused.value.message_dict
    assert "ISO 3166-1" in " ".join(refused.value.message_dict[field])

"""Job seekers: follow a search as a feed, filter by posting date, see each listing's source."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs.models import JobListing, JobSource
from tests.factories import CareerFactory
from tests.jobs.factories import JobListingFactory, JobSourceFactory

pytestmark = pytest.mark.django_db


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def listings():
    data = CareerFactory(slug="data-engineer", name="Data Engineer")
    other = CareerFactory(slug="cloud-architect")
    return {
        "today": JobListingFactory(title="Fresh data job", career=data, posted_on=days_ago(0)),
        "week": JobListingFactory(title="Week-old data job", career=data, posted_on=days_ago(6)),
        "old": JobListingFactory(title="Old data job", career=data, posted_on=days_ago(20)),
        "remote": JobListingFactory(
            title="Remote data job",
            career=data,
            posted_on=days_ago(1),
            workplace_type="remote",
            remote_countries="US",
            city="",
            country="",
        ),
        "other": JobListingFactory(title="Cloud job", career=other, posted_on=days_ago(0)),
    }


def titles_on_list(client, query: str) -> set[str]:
    page = client.get(f"{reverse('jobs:list')}?{query}")
    return {listing.title for listing in page.context["listings"]}


def titles_in_feed(client, query: str) -> set[str]:
    feed = client.get(f"{reverse('jobs:search_feed')}?{query}").content.decode()
    titles = JobListing.objects.values_list("title", flat=True)
    return {title for title in titles if f"{title} at " in feed}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "career=data-engineer",
        "career=data-engineer&posted_within=7",
        "posted_within=1",
        "workplace=remote",
        "career=data-engineer&posted_within=30&workplace=on_site",
    ],
)
def test_the_search_feed_holds_exactly_what_the_list_shows(client, listings, query):
    assert titles_in_feed(client, query) == titles_on_list(client, query)


def test_posted_within(client, listings):
    assert titles_on_list(client, "posted_within=1") == {
        "Fresh data job",
        "Remote data job",
        "Cloud job",
    }
    assert "Old data job" not in titles_on_list(client, "posted_within=7")
    assert "Old data job" in titles_on_list(client, "posted_within=30")
    page = client.get(reverse("jobs:list"), {"posted_within": "9999"})
    assert page.status_code == 200
    assert "Old data job" in {listing.title for listing in page.context["listings"]}


def test_the_page_links_its_search_feed_and_says_which_currency_salary_compares(client, listings):
    page = client.get(reverse("jobs:list"), {"career": "data-engineer", "posted_within": "7"})
    html = page.content.decode()
    feed_url = f"{reverse('jobs:search_feed')}?career=data-engineer&amp;posted_within=7"
    assert f'href="{feed_url}">Follow this search' in html
    assert 'type="application/atom+xml"' in html
    assert "own currency, without exchange rates" in html
    feed = client.get(reverse("jobs:search_feed"), {"career": "data-engineer"})
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Career: Data Engineer" in feed.content.decode()


def test_a_fetched_listing_names_its_source_and_when_it_was_last_confirmed_open(client):
    source = JobSourceFactory(kind=JobSource.Kind.LEVER)
    listing = JobListingFactory(
        job_source=source, confirmed_on=days_ago(0), posted_on=days_ago(3), title="From Lever"
    )
    JobListingFactory(title="Typed in")
    page = client.get(reverse("jobs:list")).content.decode()
    assert "via Lever, posted" in page
    assert page.count("via ") == 1
    assert "confirmed open" in page
    detail = client.get(listing.get_absolute_url()).content.decode()
    assert "via Lever" in detail
    assert "Last confirmed open" in detail


def test_the_list_and_feed_keep_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    source = JobSourceFactory()
    for n in range(25):
        JobListingFactory(job_source=source, confirmed_on=days_ago(0), title=f"Job {n}")
    with django_assert_max_num_queries(8):
        client.get(reverse("jobs:list"), {"posted_within": "7"})
    with django_assert_max_num_queries(8):
        client.get(reverse("jobs:search_feed"), {"posted_within": "7"})

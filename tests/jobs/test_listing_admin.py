"""The listings admin says where each listing came from: its job source (and kind) or
feed, and the last day its board still listed it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from careers.core.roles import EDITORS
from tests.jobs.factories import JobListingFactory, JobSourceFactory
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:jobs_joblisting_changelist")


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


def fetched_listings(count: int):
    confirmed = timezone.localdate() - datetime.timedelta(days=2)
    return [
        JobListingFactory(
            job_source=JobSourceFactory(name=f"acme-{n}"),
            source=f"acme-{n}",
            external_id=str(n),
            confirmed_on=confirmed,
        )
        for n in range(count)
    ]


def test_the_list_names_each_listings_source_and_when_it_was_confirmed(admin_client):
    listing = fetched_listings(1)[0]
    JobListingFactory(title="By hand")
    JobListingFactory(title="From a file", source="partner-feed", external_id="9")
    page = admin_client.get(CHANGELIST).content.decode()
    assert "acme-0 (Greenhouse)" in page
    assert "feed partner-feed" in page
    assert "typed in" in page
    confirmed = listing.confirmed_on
    assert date_format(confirmed) in page  # as the admin writes dates
    board = admin_client.get(CHANGELIST, {"came_from": "board"})
    assert [row.pk for row in board.context["cl"].result_list] == [listing.pk]
    feed = admin_client.get(CHANGELIST, {"came_from": "feed"})
    assert [row.title for row in feed.context["cl"].result_list] == ["From a file"]
    typed = admin_client.get(CHANGELIST, {"came_from": "typed"})
    assert [row.title for row in typed.context["cl"].result_list] == ["By hand"]


def test_the_change_page_shows_the_source_read_only(admin_client):
    listing = fetched_listings(1)[0]
    response = admin_client.get(reverse("admin:jobs_joblisting_change", args=[listing.pk]))
    page = response.content.decode()
    assert "Where it came from" in page
    source_url = reverse("admin:jobs_jobsource_change", args=[listing.job_source_id])
    assert f'href="{source_url}"' in page
    assert 'name="job_source"' not in page
    assert 'name="confirmed_on"' not in page


def test_an_editor_sees_where_a_listing_came_from():
    fetched_listings(1)
    page = staff_client("ed", EDITORS).get(CHANGELIST).content.decode()
    assert "acme-0 (Greenhouse)" in page


# Measured: 36 before the source column and filter, 39 with them (the filter's facet count,
# and the admin building the two related filters' choices again for it). The same for
# any number of listings and sources: each row's source comes joined with it.
CHANGELIST_QUERIES = 39


@pytest.mark.parametrize("count", [3, 40])
def test_the_list_keeps_a_fixed_query_count(admin_client, django_assert_max_num_queries, count):
    fetched_listings(count)
    admin_client.get(CHANGELIST)  # sessions, content types and the like, once
    with django_assert_max_num_queries(CHANGELIST_QUERIES):
        assert admin_client.get(CHANGELIST).status_code == 200

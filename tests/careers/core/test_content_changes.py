"""Readers' pages go stale when content changes, from any path, and only then
(careers.core.changes): a request's method or an anonymous visitor's POST changes nothing."""

import io
import json

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from careers.core.changes import flush_pending
from careers.core.models import ContentVersion
from careers.models import Skill
from guides.models import Guide, GuideSkill
from guides.services import guide_search_index
from jobs.models import JobListing
from jobs.services import jobs_expire
from tests.factories import CareerFactory, complete_guide
from tests.jobs.factories import JobListingFactory

# Transactional: the version moves when a change is committed, which the usual
# test transaction never is.
pytestmark = pytest.mark.django_db(transaction=True)


def version() -> str:
    return ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def no_version_yet() -> None:
    """A known starting point: what was written so far is recorded, then forgotten."""
    flush_pending()
    ContentVersion.objects.all().delete()


@pytest.fixture
def guide():
    guide = complete_guide()
    no_version_yet()
    return guide


def test_a_committed_update_from_a_shell_moves_the_version_on(guide):
    Guide.objects.filter(pk=guide.pk).update(title="Renamed in a shell")
    call_command("check")  # any later statement of the same connection records it
    assert version()


def test_a_change_inside_a_transaction_counts_once_it_is_committed(guide):
    with transaction.atomic():
        guide.title = "Renamed"
        guide.save()
        sql = Skill.objects.create(name="SQL", slug="sql")
        GuideSkill.objects.bulk_create([GuideSkill(guide=guide, skill=sql, kind="technical")])
        assert version() == ""
    first = version()
    assert first
    guide.delete()
    assert version() not in ("", first)


def test_a_rolled_back_change_changes_nothing(guide):
    def save_then_fail():
        with transaction.atomic():
            Guide.objects.filter(pk=guide.pk).update(title="Never kept")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        save_then_fail()
    assert version() == ""


def test_bulk_paths_move_the_version_on(guide):
    listing = JobListingFactory()
    no_version_yet()
    jobs_expire(listings=JobListing.objects.filter(pk=listing.pk))
    assert version()


def test_an_import_command_moves_the_version_on(guide, tmp_path):
    CareerFactory(slug="data-engineer")
    no_version_yet()
    feed = tmp_path / "feed.json"
    row = {
        "external_id": "1",
        "title": "Data Engineer",
        "company": "Northwind",
        "company_website": "https://northwind.example/",
        "career": "data-engineer",
        "description": "Pipelines.",
        "apply_url": "https://northwind.example/jobs/1",
        "valid_through": "2099-12-31",
        "workplace_type": "remote",
        "remote_countries": "US",
    }
    feed.write_text(json.dumps([row]))
    call_command("import_jobs", str(feed), stdout=io.StringIO())
    assert version()


def test_writes_no_page_shows_do_not_move_the_version(guide, client):
    listing = JobListingFactory()
    no_version_yet()
    client.get(reverse("jobs:apply", args=[listing.pk]))  # the click counter
    guide_search_index(guide=guide)  # the search index
    SessionStore().create()  # a session: not content
    assert JobListing.objects.get(pk=listing.pk).click_count == 1
    assert version() == ""


def test_anonymous_write_requests_do_not_empty_the_readers_cache(guide, client):
    """A failed sign-in answers 200 and a feed POST goes nowhere: neither is a change."""
    failed = client.post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})
    assert failed.status_code == 200
    client.post(reverse("guides:feed"))
    client.post(guide.get_absolute_url())
    client.post("/search/", {"q": "x"})
    assert version() == ""


def test_an_admin_save_moves_the_version_on(guide, admin_client):
    from tests.admin_forms import change_form_data

    url = reverse("admin:guides_guide_change", args=[guide.pk])
    data = change_form_data(admin_client.get(url))
    data["title"] = "How to Become a Data Platform Engineer"
    assert admin_client.post(url, data).status_code == 302
    assert version()

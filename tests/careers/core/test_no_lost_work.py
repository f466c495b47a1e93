"""No lost work, on every admin change form: a save over a change the editor never saw
is refused with a message, a form without its version is refused, and the check holds
in the database when two saves arrive at the same moment (careers.core.editing)."""

import threading
import time

import pytest
from django.db import connection
from django.db.models import F
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from careers.core.admin import NoLostWorkForm
from careers.core.editing import StaleEdit
from guides.models import Guide, GuideRedirect
from jobs.models import JobListing
from jobs.services import jobs_expire
from tests.admin_forms import change_form_data
from tests.factories import (
    CareerFactory,
    CategoryFactory,
    CertificationFactory,
    complete_guide,
)
from tests.flashcards.factories import CardFactory, deck_with_cards
from tests.jobs.factories import CompanyFactory, JobListingFactory

pytestmark = pytest.mark.django_db

STALE = "saved this page after you opened it"
NO_VERSION = "arrived without the version of the page it was opened at"

# Every model with an admin change form: how to make one, and a text field to change.
EDITABLE = {
    "guide": (lambda: complete_guide(), "title"),
    "deck": (lambda: deck_with_cards(cards=1), "title"),
    "joblisting": (lambda: JobListingFactory(), "title"),
    "career": (lambda: CareerFactory(), "name"),
    "category": (lambda: CategoryFactory(), "name"),
    "certification": (lambda: CertificationFactory(), "name"),
    "company": (lambda: CompanyFactory(), "name"),
    "card": (lambda: CardFactory(), "question"),
    "guideredirect": (
        lambda: GuideRedirect.objects.create(guide=complete_guide(), old_slug="old-one"),
        "old_slug",
    ),
}


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def errors(response) -> str:
    return str(response.context["adminform"].form.errors)


@pytest.mark.parametrize("name", EDITABLE)
def test_a_save_over_a_newer_change_is_refused_on_every_change_form(admin_client, name):
    make, field = EDITABLE[name]
    obj = make()
    url = change_url(obj)
    mine = change_form_data(admin_client.get(url))
    theirs = change_form_data(admin_client.get(url))
    theirs[field] = "theirs-first"
    assert admin_client.post(url, theirs).status_code == 302
    mine[field] = "mine-later"
    response = admin_client.post(url, mine)
    assert response.status_code == 200
    assert STALE in errors(response)
    obj.refresh_from_db()
    assert getattr(obj, field) == "theirs-first"


@pytest.mark.parametrize("name", ["guide", "joblisting", "career"])
def test_a_form_without_its_version_is_refused(admin_client, name):
    make, field = EDITABLE[name]
    obj = make()
    url = change_url(obj)
    data = change_form_data(admin_client.get(url))
    del data["opened_version"]
    data[field] = "blind-overwrite"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert NO_VERSION in errors(response)
    obj.refresh_from_db()
    assert getattr(obj, field) != "blind-overwrite"


def test_the_database_refuses_a_save_whose_row_moved_on_after_the_forms_check():
    """The form's check passed, then another save committed before this one wrote: the
    compare-and-set UPDATE finds the row moved on and nothing of this save is written."""
    guide = complete_guide(title="How to Become a Data Engineer")
    mine = Guide.objects.get(pk=guide.pk)
    mine.expect_edit_version(mine.edit_version)  # what NoLostWorkForm does once it checked
    Guide.objects.filter(pk=guide.pk).update(
        title="Their title", edit_version=F("edit_version") + 1
    )
    mine.title = "My title"
    with pytest.raises(StaleEdit):
        mine.save()
    guide.refresh_from_db()
    assert guide.title == "Their title"


def test_a_save_without_an_opened_edit_moves_the_version_on():
    guide = complete_guide()
    before = Guide.objects.get(pk=guide.pk).edit_version
    guide.title = "Saved by an import"
    guide.save()
    guide.save(update_fields=["title"])
    assert Guide.objects.get(pk=guide.pk).edit_version == before + 2
    assert guide.edit_version == before + 2  # read again when asked


def test_a_copy_made_by_clearing_the_primary_key_saves_as_a_new_row():
    """Django's way to copy a row (`pk = None`, then save), as `make bench` copies a guide."""
    guide = complete_guide()
    copy = Guide.objects.get(pk=guide.pk)
    copy.pk, copy.id, copy.slug, copy.edition_year = None, None, "a-copy", 1999
    copy.save()
    assert copy.pk != guide.pk
    assert Guide.objects.filter(slug__in=[guide.slug, "a-copy"]).count() == 2


def test_an_import_or_action_after_the_page_was_opened_refuses_the_save(admin_client):
    listing = JobListingFactory(title="Data Engineer")
    url = change_url(listing)
    data = change_form_data(admin_client.get(url))
    jobs_expire(listings=JobListing.objects.filter(pk=listing.pk))
    data["title"] = "Senior Data Engineer"
    response = admin_client.post(url, data)
    assert STALE in errors(response)
    listing.refresh_from_db()
    assert listing.status == JobListing.Status.EXPIRED  # not put back up by the stale form


def test_a_revert_refuses_when_the_guide_was_saved_after_its_page_was_opened(admin_client):
    guide = complete_guide(title="First title")
    url = change_url(guide)
    data = change_form_data(admin_client.get(url))
    admin_client.post(url, {**data, "title": "Second title"})
    earlier = Version.objects.get_for_object(guide).last()
    revert_url = reverse("admin:guides_guide_revision", args=[guide.pk, earlier.pk])
    revert = change_form_data(admin_client.get(revert_url))
    assert revert["title"] == "Second title" or revert["title"]  # the page shows the revision
    latest = change_form_data(admin_client.get(url))
    admin_client.post(url, {**latest, "title": "Third title"})
    response = admin_client.post(revert_url, revert)
    assert response.status_code == 200
    assert STALE in errors(response)
    guide.refresh_from_db()
    assert guide.title == "Third title"
    # And an editor who opened the page before the revert cannot overwrite it.
    stale = change_form_data(admin_client.get(url))
    fresh_revert = change_form_data(admin_client.get(revert_url))
    assert admin_client.post(revert_url, fresh_revert).status_code == 302
    response = admin_client.post(url, {**stale, "title": "Stale title"})
    assert STALE in errors(response)


def test_a_listing_saved_after_a_click_keeps_the_click(client, admin_client):
    listing = JobListingFactory()
    read_earlier = JobListing.objects.get(pk=listing.pk)
    client.get(reverse("jobs:apply", args=[listing.pk]))
    read_earlier.title = "Renamed"
    read_earlier.save()
    listing.refresh_from_db()
    assert (listing.title, listing.click_count) == ("Renamed", 1)


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_keep_exactly_one(admin_user, monkeypatch):
    """Two editors' saves of one guide, truly concurrent, each on its own database
    connection: one is kept, the other is refused and told, on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections to one database need PostgreSQL (SQLite: in turn)")
    guide = complete_guide(title="How to Become a Data Engineer")
    url = change_url(guide)
    opener = Client()
    opener.force_login(admin_user)
    data = change_form_data(opener.get(url))
    first_checked = threading.Event()
    check = NoLostWorkForm._check_opened_version

    def check_then_linger(form, opened):
        check(form, opened)
        if not first_checked.is_set():  # the other save arrives while this one is
            first_checked.set()  # between the form's check and its write
            time.sleep(0.5)

    monkeypatch.setattr(NoLostWorkForm, "_check_opened_version", check_then_linger)
    results = {}

    def save(title):
        editor = Client()
        editor.force_login(admin_user)
        try:
            results[title] = editor.post(url, {**data, "title": title})
        finally:
            connection.close()

    first = threading.Thread(target=save, args=("Alpha",))
    second = threading.Thread(target=save, args=("Beta",))
    first.start()
    assert first_checked.wait(timeout=30)
    second.start()
    for thread in (first, second):
        thread.join(timeout=30)
    statuses = sorted(response.status_code for response in results.values())
    assert statuses == [200, 302]
    kept = next(title for title, response in results.items() if response.status_code == 302)
    refused = next(response for response in results.values() if response.status_code == 200)
    assert STALE in errors(refused)
    guide.refresh_from_db()
    assert guide.title == kept

"""The review queue and its news: who sees what, the decision form, the trail."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.core.models import PendingChange
from careers.core.roles import EDITORS, PUBLISHERS
from guides.models import Guide
from tests.admin_forms import change_form_data
from tests.factories import complete_guide
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

QUEUE = "/admin/core/pendingchange/"


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


@pytest.fixture
def editor():
    return staff_client("edith", EDITORS)


@pytest.fixture
def publisher():
    return staff_client("paul", PUBLISHERS)


def pending_change(editor, title="How to Become Pending") -> tuple[Guide, PendingChange]:
    guide = complete_guide(parts=1, title="How to Become Live")
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    data = change_form_data(editor.get(url))
    editor.post(url, {**data, "title": title})
    return guide, PendingChange.objects.get(is_open=True)


def decide(client, change, decision, **data):
    seen = client.get(change.get_absolute_url()).context["form"].initial["seen"]
    return client.post(change.get_absolute_url(), {"seen": seen, decision: "1", **data})


def test_the_queue_lists_what_waits_and_the_rest_on_demand(editor, publisher):
    _guide, change = pending_change(editor)
    decided = complete_guide(parts=1, title="How to Become Decided")
    url = reverse("admin:guides_guide_change", args=[decided.pk])
    editor.post(url, {**change_form_data(editor.get(url)), "title": "How to Become Edited"})
    other = PendingChange.objects.get(object_id=str(decided.pk))
    decide(publisher, other, "_reject", comment="No.")
    page = publisher.get(QUEUE).content.decode()
    assert str(change) in page
    assert str(other) not in page
    everything = publisher.get(QUEUE, {"queue": "all"}).content.decode()
    assert str(other) in everything
    assert "No." in publisher.get(QUEUE, {"queue": "sent-back"}).content.decode()
    assert editor.get(QUEUE).status_code == 200  # editors read the queue too


def test_staff_who_may_see_no_moderated_model_get_no_queue():
    client = staff_client("stranger", None)
    assert client.get(QUEUE).status_code == 403


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "abc/change/", 404),
        ("get", "999999/change/", 404),
        ("post", "999999/change/", 404),
        ("get", "1/discard/", 405),
        ("post", "999999/discard/", 404),
        ("post", "abc/discard/", 404),
    ],
)
def test_junk_addresses_are_clear_4xx(publisher, method, path, status):
    assert getattr(publisher, method)(QUEUE + path).status_code == status


def test_the_decision_form_says_what_is_missing_and_changes_nothing(editor, publisher):
    guide, change = pending_change(editor)
    response = decide(publisher, change, "_reject", comment="  ")
    assert "Say what needs to change" in response.content.decode()
    response = decide(publisher, change, "_schedule")
    assert "Say when the changes go live" in response.content.decode()
    past = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = decide(publisher, change, "_schedule", publish_at=past)
    assert "Choose a time in the future" in response.content.decode()
    response = publisher.post(change.get_absolute_url(), {"seen": "stale", "_approve": "1"})
    assert "moved on after you opened this review" in response.content.decode()
    response = publisher.post(change.get_absolute_url(), {"seen": "x", "comment": ""})
    assert "Choose to approve" in response.content.decode()
    change.refresh_from_db()
    guide.refresh_from_db()
    assert (change.state, guide.title) == (PendingChange.State.PENDING, "How to Become Live")


def test_approving_from_the_queue_makes_it_live(editor, publisher):
    guide, change = pending_change(editor)
    response = decide(publisher, change, "_approve")
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.title == "How to Become Pending"
    assert b"How to Become Pending" in Client().get(guide.get_absolute_url()).content


def test_approving_for_later_from_the_queue(editor, publisher):
    guide, change = pending_change(editor)
    later = (timezone.localtime() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    response = decide(publisher, change, "_schedule", publish_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 302
    change.refresh_from_db()
    assert (change.state, change.publish_at) == (PendingChange.State.SCHEDULED, later)
    page = editor.get(reverse("admin:guides_guide_change", args=[guide.pk])).content.decode()
    assert "Approved for later." in page


def test_the_home_page_brings_the_news(editor, publisher):
    _guide, change = pending_change(editor)
    assert b"1 submission waits for your review." in publisher.get("/admin/").content
    assert b"waits for your review" not in editor.get("/admin/").content
    decide(publisher, change, "_reject", comment="Shorter title, please.")
    home = editor.get("/admin/").content.decode()
    assert "Your submissions" in home
    assert "rejected by paul — “Shorter title, please.”" in home
    assert b"Nothing waits for your review." in publisher.get("/admin/").content


def test_the_history_shows_the_review_trail(editor, publisher):
    guide, change = pending_change(editor)
    decide(publisher, change, "_reject", comment="Keep it short.")
    history = editor.get(reverse("admin:guides_guide_history", args=[guide.pk])).content.decode()
    assert "Reviews" in history
    assert "Rejected by paul" in history
    assert "Keep it short." in history
    assert "Submitted for review: Changed Title." in history


def test_the_list_of_guides_shows_and_filters_pending_changes(editor):
    _guide, _change = pending_change(editor)
    calm = complete_guide(parts=1, title="How to Become Calm")
    changelist = reverse("admin:guides_guide_changelist")
    page = editor.get(changelist, {"review": "pending"}).content.decode()
    assert "Changes pending" in page
    assert "How to Become Live" in page
    assert "How to Become Calm" not in page
    assert calm.title in editor.get(changelist, {"review": "none"}).content.decode()


def test_changes_that_no_longer_fit_the_site_say_so_and_can_be_discarded(editor):
    guide, change = pending_change(editor)
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    data = change_form_data(editor.get(url))
    editor.post(url, {**data, "slug": "new-address"})
    change = PendingChange.objects.get(is_open=True)
    complete_guide(parts=1, slug="new-address")  # someone else takes the address meanwhile
    response = editor.get(url, follow=True)
    assert response.redirect_chain[-1][0] == change.get_absolute_url()
    assert "no longer fit the live site" in response.content.decode()
    preview = editor.get(reverse("admin:guides_guide_preview", args=[guide.pk]))
    assert preview.status_code == 404
    editor.post(reverse("admin:core_pendingchange_discard", args=[change.pk]))
    assert editor.get(url).status_code == 200
    change.refresh_from_db()
    assert change.state == PendingChange.State.WITHDRAWN


def test_deleting_an_item_closes_its_open_change(editor, publisher):
    guide, change = pending_change(editor)
    publisher.post(reverse("admin:guides_guide_delete", args=[guide.pk]), {"post": "yes"})
    change.refresh_from_db()
    assert (change.state, change.is_open) == (PendingChange.State.WITHDRAWN, False)
    assert change.comment == "The item was deleted."
    review = publisher.get(change.get_absolute_url())
    assert review.status_code == 200
    assert "the item was deleted" in review.content.decode()

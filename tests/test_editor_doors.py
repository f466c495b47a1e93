"""Every way into what readers see, for each role: an editor's path changes nothing readers
see (it waits for a publisher, or is refused); a publisher's goes live.

Doors: the change form and its inlines, revert (history), recover, the actions, the
card import, the cards' own admin, list edits, the feed import, the publish window
fields, the review decisions, and the scheduled-approval command.
"""

import datetime
import io

import pytest
import reversion
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from careers.core.models import PendingChange
from careers.core.moderation import pending_change_schedule, review_fingerprint
from careers.core.publishing import Publishable
from careers.core.roles import EDITORS, PUBLISHERS
from careers.models import Category, Skill
from flashcards.models import Deck
from guides.models import Guide
from jobs.models import JobListing
from tests.admin_forms import change_form_data
from tests.factories import (
    CareerFactory,
    CategoryFactory,
    CertificationFactory,
    RoadmapStepFactory,
    SkillFactory,
    complete_guide,
)
from tests.flashcards.factories import CardFactory, DeckFactory, deck_with_cards
from tests.jobs.factories import CompanyFactory, JobListingFactory
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

PUBLISHED = Publishable.Status.PUBLISHED
DRAFT = Publishable.Status.DRAFT


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


def signed_in(role: str) -> Client:
    return staff_client(role.lower(), role)


@pytest.fixture
def editor():
    return signed_in(EDITORS)


@pytest.fixture
def publisher():
    return signed_in(PUBLISHERS)


def admin_url(obj, view: str, *args) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[*args])


def save(client, obj, **changes):
    url = admin_url(obj, "change", obj.pk)
    data = change_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def reader_status(obj) -> int:
    return Client().get(obj.get_absolute_url()).status_code


# What readers see of each moderated model, and a field an editor writes.
LIVE_ITEMS = {
    "guide": (lambda: complete_guide(parts=1), "title"),
    "deck": (lambda: deck_with_cards(cards=2), "title"),
    "listing": (JobListingFactory, "title"),
    "career": (CareerFactory, "description"),
    "category": (CategoryFactory, "name"),
    "certification": (CertificationFactory, "provider"),
    "company": (CompanyFactory, "name"),
}


# The change form --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", LIVE_ITEMS)
def test_an_editors_save_of_a_live_item_waits_and_live_stays(editor, kind):
    make, field = LIVE_ITEMS[kind]
    item = make()
    before = getattr(item, field)
    response = save(editor, item, **{field: "Changed by an editor"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert getattr(item, field) == before
    change = PendingChange.objects.get()
    assert (change.item, change.state) == (item, PendingChange.State.PENDING)
    # The form opens on the pending change, and says so.
    page = editor.get(admin_url(item, "change", item.pk))
    assert page.context["adminform"].form.initial[field] == "Changed by an editor"
    assert b"Readers still see the published version; your changes wait for a publisher" in (
        page.content
    )


@pytest.mark.parametrize("kind", LIVE_ITEMS)
def test_a_publishers_save_goes_live_unless_saved_as_pending(publisher, kind):
    make, field = LIVE_ITEMS[kind]
    item = make()
    assert save(publisher, item, **{field: "Published at once"}).status_code == 302
    item.refresh_from_db()
    assert getattr(item, field) == "Published at once"
    assert not PendingChange.objects.exists()

    save(publisher, item, **{field: "Kept for review", "_save_pending": "Save as pending"})
    item.refresh_from_db()
    assert getattr(item, field) == "Published at once"
    assert PendingChange.objects.get().state == PendingChange.State.PENDING


def test_an_editor_changes_a_draft_directly(editor):
    guide = complete_guide(status=DRAFT)
    save(editor, guide, title="Draft title")
    guide.refresh_from_db()
    assert guide.title == "Draft title"
    assert not PendingChange.objects.exists()


def test_an_editors_inline_changes_to_a_live_guide_wait(editor):
    guide = complete_guide(parts=2)
    steps = list(guide.steps.values_list("pk", "title", "position"))
    url = admin_url(guide, "change", guide.pk)
    data = change_form_data(editor.get(url))
    data["steps-0-title"] = "Renamed step"
    data["steps-1-DELETE"] = "on"
    data["faqs-0-DELETE"] = "on"
    assert editor.post(url, data).status_code == 302
    assert list(guide.steps.values_list("pk", "title", "position")) == steps
    assert guide.faqs.count() == 2
    assert reader_status(guide) == 200


def test_the_publish_window_fields_are_not_an_editors(editor):
    guide = complete_guide()
    later = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d")
    save(
        editor,
        guide,
        status=DRAFT,
        publish_from_0=later,
        publish_from_1="10:00:00",
        publish_until_0=later,
        publish_until_1="12:00:00",
        title="New title",
    )
    guide.refresh_from_db()
    assert (guide.status, guide.publish_from, guide.publish_until) == (PUBLISHED, None, None)
    assert reader_status(guide) == 200
    # Nor can a pending change carry them: it keeps the live publishing state.
    pending = PendingChange.objects.get().revision.version_set.get(
        content_type=ContentType.objects.get_for_model(Guide), object_id=str(guide.pk)
    )
    assert pending.field_dict["status"] == PUBLISHED
    assert pending.field_dict["publish_from"] is None


def test_a_live_listings_dates_wait_for_a_publisher(editor):
    listing = JobListingFactory()
    valid_through = listing.valid_through
    save(editor, listing, valid_through=str(timezone.localdate() - datetime.timedelta(days=1)))
    listing.refresh_from_db()
    assert listing.valid_through == valid_through
    assert reader_status(listing) == 200


# Back door 1: recovery ---------------------------------------------------------------------


RECOVERABLE = {
    "guide": lambda: complete_guide(parts=1),
    "deck": lambda: deck_with_cards(cards=2),
    "listing": JobListingFactory,
}


@pytest.mark.parametrize("kind", RECOVERABLE)
def test_an_editors_recovery_of_a_deleted_live_item_comes_back_as_a_draft(editor, publisher, kind):
    item = RECOVERABLE[kind]()
    save(publisher, item)  # a revision of it, published
    publisher.post(admin_url(item, "delete", item.pk), {"post": "yes"})
    model = type(item)
    version = Version.objects.get_deleted(model).get()
    url = admin_url(item, "recover", version.pk)
    assert editor.post(url, change_form_data(editor.get(url))).status_code == 302
    recovered = model.objects.get(pk=item.pk)
    assert recovered.status == DRAFT
    assert reader_status(recovered) == 404


def test_a_publishers_recovery_restores_the_item_as_it_was(publisher):
    guide = complete_guide(parts=1)
    save(publisher, guide)
    publisher.post(admin_url(guide, "delete", guide.pk), {"post": "yes"})
    url = admin_url(guide, "recover", Version.objects.get_deleted(Guide).get().pk)
    publisher.post(url, change_form_data(publisher.get(url)))
    assert Guide.objects.get(pk=guide.pk).status == PUBLISHED


@pytest.mark.parametrize("role", [EDITORS, PUBLISHERS])
def test_recovering_an_item_that_was_not_deleted_is_a_404(role):
    client = signed_in(role)
    guide = complete_guide(parts=1, title="Before")
    save(signed_in(PUBLISHERS) if role == EDITORS else client, guide)
    version = Version.objects.get_for_object(guide).first()
    Guide.objects.filter(pk=guide.pk).update(title="Now")
    url = admin_url(guide, "recover", version.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Before"}).status_code == 404
    assert Guide.objects.get(pk=guide.pk).title == "Now"


# Back door 2: a version of another model -----------------------------------------------------


def version_of(obj) -> Version:
    with reversion.create_revision():
        reversion.add_to_revision(obj)
    return Version.objects.get_for_object(obj).first()


VERSIONED = {
    "guide": lambda: complete_guide(parts=1),
    "deck": DeckFactory,
    "listing": JobListingFactory,
    "career": CareerFactory,
    "category": CategoryFactory,
    "certification": CertificationFactory,
    "company": CompanyFactory,
}


@pytest.mark.parametrize("kind", VERSIONED)
@pytest.mark.parametrize("role", [EDITORS, PUBLISHERS])
def test_history_and_recover_urls_refuse_a_version_of_another_model(role, kind):
    """django-reversion matches a revision URL's object id, not its model: a published
    version of a deck, taken down since, must not come back through another admin."""
    client = signed_in(role)
    item = VERSIONED[kind]()
    other = complete_guide(parts=1) if isinstance(item, Deck) else deck_with_cards(cards=1)
    version = version_of(other)
    type(other).objects.filter(pk=other.pk).update(status=DRAFT)
    # The same object id as the item, as when deck 2 and guide 2 share an id.
    Version.objects.filter(pk=version.pk).update(object_id=str(item.pk))
    for url in (
        admin_url(item, "revision", item.pk, version.pk),
        admin_url(item, "recover", version.pk),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, change_form_data_or_empty(client, item)).status_code == 404, url
    assert type(other).objects.get(pk=other.pk).status == DRAFT
    assert reader_status(other) == 404


def change_form_data_or_empty(client, item) -> dict:
    """What the item's own change form would post, to send to the wrong URL."""
    response = client.get(admin_url(item, "change", item.pk))
    return change_form_data(response) if response.status_code == 200 else {}


def test_the_reported_cross_model_revert_leaves_the_deck_unpublished(editor, publisher):
    """The report: a publisher unpublishes deck 2; an editor opens guide 2's history URL
    with a published version of deck 2 and saves."""
    deck = deck_with_cards(cards=2)
    save(publisher, deck)
    publisher.post(
        reverse("admin:flashcards_deck_changelist"),
        {"action": "unpublish", "_selected_action": [deck.pk]},
    )
    published = (
        Version.objects.get_for_object(deck)
        .filter(serialized_data__contains='"status": "published"')
        .first()
    )
    guide = complete_guide(parts=1)
    Version.objects.filter(pk=published.pk).update(object_id=str(guide.pk))
    url = reverse("admin:guides_guide_revision", args=[guide.pk, published.pk])
    assert editor.get(url).status_code == 404
    data = change_form_data(editor.get(admin_url(guide, "change", guide.pk)))
    assert editor.post(url, data).status_code == 404
    deck.refresh_from_db()
    assert deck.status == DRAFT


# Reverting from the history ------------------------------------------------------------------


def test_an_editors_revert_of_a_live_guide_waits_for_a_publisher(editor, publisher):
    guide = complete_guide(parts=1, title="How to Become a First Title")
    save(publisher, guide)
    save(publisher, guide, title="How to Become a Second Title")
    earlier = Version.objects.get_for_object(guide).last()
    url = admin_url(guide, "revision", guide.pk, earlier.pk)
    page = editor.get(url)
    assert b"Saving keeps your changes as a pending change" in page.content
    assert editor.post(url, change_form_data(page)).status_code == 302
    guide.refresh_from_db()
    assert guide.title == "How to Become a Second Title"
    change = PendingChange.objects.get()
    assert change.summary.startswith("Reverted to an earlier revision.")
    assert (
        editor.get(admin_url(guide, "change", guide.pk)).context["adminform"].form.initial["title"]
        == "How to Become a First Title"
    )


def test_a_publishers_revert_goes_live_and_replaces_the_pending_change(editor, publisher):
    guide = complete_guide(parts=1, title="How to Become a First Title")
    save(publisher, guide)
    save(publisher, guide, title="How to Become a Second Title")
    save(editor, guide, title="How to Become an Editor's Title")
    earlier = Version.objects.get_for_object(guide).filter(revision__user__username="publishers")
    url = admin_url(guide, "revision", guide.pk, earlier.last().pk)
    assert publisher.post(url, change_form_data(publisher.get(url))).status_code == 302
    guide.refresh_from_db()
    assert guide.title == "How to Become a First Title"
    change = PendingChange.objects.get()
    assert (change.state, change.is_open) == (PendingChange.State.SUPERSEDED, False)


# Actions --------------------------------------------------------------------------------------


def run_action(client, action, *items):
    return client.post(
        admin_url(items[0], "changelist"),
        {"action": action, "_selected_action": [item.pk for item in items]},
        follow=True,
    )


@pytest.mark.parametrize(
    ("make", "action"),
    [
        (lambda: complete_guide(parts=1), "unpublish"),
        (lambda: deck_with_cards(cards=1), "unpublish"),
        (JobListingFactory, "unpublish"),
        (JobListingFactory, "expire_selected"),
    ],
)
def test_editors_cannot_take_items_down_by_an_action(editor, make, action):
    item = make()
    run_action(editor, action, item)
    item.refresh_from_db()
    assert item.status == PUBLISHED
    assert reader_status(item) == 200


def test_editors_cannot_merge_skills_a_publisher_can(editor, publisher):
    """Merging deletes skills readers see: the confirmation page and the merge are publishers'."""
    keep, other = SkillFactory(name="Python"), SkillFactory(name="Python 3")
    RoadmapStepFactory().skills.add(other)
    url = admin_url(keep, "changelist")
    selected = {"action": "merge_into", "_selected_action": [keep.pk, other.pk]}
    assert "Merge skills" not in editor.post(url, selected).content.decode()
    editor.post(url, {**selected, "post": "yes", "keep": keep.pk})
    assert Skill.objects.filter(pk=other.pk).exists()
    assert "Merge skills" in publisher.post(url, selected).content.decode()
    publisher.post(url, {**selected, "post": "yes", "keep": keep.pk})
    assert not Skill.objects.filter(pk=other.pk).exists()
    assert keep.roadmap_steps.count() == 1


@pytest.mark.parametrize(
    "make", [lambda: complete_guide(status=DRAFT), lambda: deck_with_cards(status=DRAFT)]
)
def test_editors_cannot_publish_by_an_action(editor, make):
    item = make()
    run_action(editor, "publish", item)
    item.refresh_from_db()
    assert item.status == DRAFT
    assert reader_status(item) == 404


@pytest.mark.parametrize(
    "make",
    [
        lambda: complete_guide(parts=1),
        lambda: JobListingFactory(status=JobListing.Status.EXPIRED),
    ],
)
def test_submitting_a_live_or_expired_item_for_review_is_refused(editor, make):
    """It would take the item off the site (an expired listing's page answers 410)."""
    item = make()
    status, reader = item.status, reader_status(item)
    response = run_action(editor, "submit_for_review", item)
    item.refresh_from_db()
    assert (item.status, reader_status(item)) == (status, reader)
    assert b"only drafts are submitted this way" in response.content
    assert not PendingChange.objects.exists()


def test_a_submitted_draft_joins_the_review_queue(editor):
    guide = complete_guide(status=DRAFT)
    run_action(editor, "submit_for_review", guide)
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.IN_REVIEW
    change = PendingChange.objects.get()
    assert (change.kind, change.state) == (PendingChange.Kind.NEW, PendingChange.State.PENDING)
    assert reader_status(guide) == 404


# Back door 3 and the cards' own admin -------------------------------------------------------


def card_data(card, **changes) -> dict:
    data = {
        "deck": card.deck_id,
        "position": card.position,
        "question": card.question,
        "answer": card.answer,
        "difficulty": card.difficulty,
        "skills": [skill.pk for skill in card.skills.all()],
        "opened_version": card.edit_version,  # as the change form carries it (no lost work)
    }
    return {**data, **changes}


def test_an_editor_cannot_empty_a_live_deck_on_its_page(editor):
    deck = deck_with_cards(cards=2)
    url = admin_url(deck, "change", deck.pk)
    data = change_form_data(editor.get(url))
    data.update({"cards-0-DELETE": "on", "cards-1-DELETE": "on"})
    response = editor.post(url, data)
    assert b"cannot be saved until you add at least one card" in response.content
    deck.refresh_from_db()
    assert (deck.status, deck.cards.count()) == (PUBLISHED, 2)
    assert not PendingChange.objects.exists()


def test_an_editor_cannot_delete_a_live_decks_cards_from_the_card_list(editor):
    deck = deck_with_cards(cards=2)
    cards = list(deck.cards.values_list("pk", flat=True))
    editor.post(
        reverse("admin:flashcards_card_changelist"),
        {"action": "delete_selected", "_selected_action": cards, "post": "yes"},
    )
    delete_url = reverse("admin:flashcards_card_delete", args=[cards[0]])
    assert editor.post(delete_url, {"post": "yes"}).status_code == 403
    deck.refresh_from_db()
    assert (deck.status, deck.cards.count()) == (PUBLISHED, 2)
    assert reader_status(deck) == 200


def test_an_editor_cannot_change_a_live_decks_card_from_the_card_list(editor):
    card = CardFactory(question="Live question?")
    url = reverse("admin:flashcards_card_change", args=[card.pk])
    editor.post(url, card_data(card, question="Edited?"))
    card.refresh_from_db()
    assert card.question == "Live question?"
    assert editor.post(url, card_data(card, question="Edited?")).status_code == 403
    assert b"where changes wait for a publisher" in editor.get(url).content


def test_an_editor_cannot_add_or_move_a_card_into_a_live_deck(editor):
    live = deck_with_cards(cards=1)
    card = CardFactory(deck=DeckFactory(status=DRAFT), question="Draft question?")
    added = editor.post(
        reverse("admin:flashcards_card_add"), card_data(card, deck=live.pk, question="New?")
    )
    assert "deck" in added.context["adminform"].form.errors
    url = reverse("admin:flashcards_card_change", args=[card.pk])
    moved = editor.post(url, card_data(card, deck=live.pk))
    assert "deck" in moved.context["adminform"].form.errors
    assert live.cards.count() == 1
    # A draft deck's cards are the editor's to change.
    assert editor.post(url, card_data(card, question="Better?")).status_code == 302
    card.refresh_from_db()
    assert card.question == "Better?"


def test_a_publisher_changes_a_live_decks_card_directly(publisher):
    card = CardFactory(question="Live question?")
    url = reverse("admin:flashcards_card_change", args=[card.pk])
    assert publisher.post(url, card_data(card, question="Edited?")).status_code == 302
    card.refresh_from_db()
    assert card.question == "Edited?"


# Back door 4: card import -------------------------------------------------------------------


def import_cards(client, deck, text="question,answer\nNew one?,Yes.\n"):
    upload = SimpleUploadedFile("cards.csv", text.encode(), content_type="text/csv")
    url = reverse("admin:flashcards_deck_import_cards", args=[deck.pk])
    return client.post(url, {"file": upload}, follow=True)


def pending_questions(client, deck) -> set[str]:
    page = client.get(admin_url(deck, "change", deck.pk))
    formset = page.context["inline_admin_formsets"][0].formset
    return {form.initial["question"] for form in formset.initial_forms}


def test_an_editors_card_import_into_a_live_deck_waits_for_a_publisher(editor):
    deck = deck_with_cards(cards=2)
    response = import_cards(editor, deck)
    assert deck.cards.count() == 2
    assert b"New one?" not in Client().get(deck.get_absolute_url()).content
    assert "joined the deck's pending changes" in response.content.decode().replace("&#x27;", "'")
    assert "Imported 1 cards" in PendingChange.objects.get().summary
    # A second import adds to the same pending change.
    import_cards(editor, deck, "question,answer\nAnother?,Yes.\n")
    assert {"New one?", "Another?"} <= pending_questions(editor, deck)
    assert deck.cards.count() == 2


def test_an_editors_card_import_into_a_draft_deck_is_direct(editor):
    deck = deck_with_cards(cards=1, status=DRAFT)
    import_cards(editor, deck)
    assert deck.cards.count() == 2


def test_a_publishers_card_import_goes_live_unless_changes_wait(publisher, editor):
    deck = deck_with_cards(cards=1)
    import_cards(publisher, deck)
    assert deck.cards.count() == 2
    save(editor, deck, title="An editor's title")
    import_cards(publisher, deck, "question,answer\nThird?,Yes.\n")
    assert deck.cards.count() == 2  # it joined the editor's pending change instead
    assert "Third?" in pending_questions(publisher, deck)


# List edits, the feed import, decisions and the preview ---------------------------------------


def test_an_editor_cannot_reorder_categories_from_the_list(editor, publisher):
    first = CategoryFactory(slug="a", name="A", position=1)
    second = CategoryFactory(slug="b", name="B", position=2)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-position": "5",
        "form-1-id": second.pk,
        "form-1-position": "6",
        "_save": "Save",
    }
    url = reverse("admin:careers_category_changelist")
    editor.post(url, data)
    assert list(Category.objects.order_by("pk").values_list("position", flat=True)) == [1, 2]
    assert "form-0-position" not in editor.get(url).content.decode()
    publisher.post(url, data)
    assert list(Category.objects.order_by("pk").values_list("position", flat=True)) == [5, 6]


def test_an_editor_cannot_import_a_job_feed(editor):
    url = reverse("admin:jobs_joblisting_import")
    assert editor.get(url).status_code == 403
    upload = SimpleUploadedFile("feed.csv", b"title\n", content_type="text/csv")
    assert editor.post(url, {"file": upload, "source": "acme"}).status_code == 403
    assert not JobListing.objects.exists()


@pytest.mark.parametrize("decision", ["_approve", "_schedule", "_reject"])
def test_an_editor_cannot_decide_on_a_change(editor, decision):
    guide = complete_guide(parts=1, title="How to Become Live")
    save(editor, guide, title="How to Become Pending")
    change = PendingChange.objects.get()
    page = editor.get(change.get_absolute_url())
    assert page.status_code == 200
    assert page.context["form"] is None  # no decision form
    later = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    data = {decision: "1", "comment": "Mine.", "publish_at": later, "seen": ""}
    assert editor.post(change.get_absolute_url(), data).status_code == 403
    change.refresh_from_db()
    guide.refresh_from_db()
    assert (change.state, guide.title) == (PendingChange.State.PENDING, "How to Become Live")


def test_the_preview_writes_nothing_and_is_for_staff_only(editor):
    guide = complete_guide(parts=1, title="How to Become Live")
    save(editor, guide, title="How to Become Pending")
    url = admin_url(guide, "preview", guide.pk)
    preview = editor.get(url)
    assert preview.status_code == 200
    assert b"How to Become Pending" in preview.content
    assert "Pending changes — not public" in preview.content.decode()
    assert preview["X-Robots-Tag"] == "noindex"
    assert "no-store" in preview["Cache-Control"]
    assert b'name="robots" content="noindex"' in preview.content
    assert Client().get(url).status_code == 302  # to the sign-in page
    guide.refresh_from_db()
    assert guide.title == "How to Become Live"
    assert b"How to Become Pending" not in Client().get(guide.get_absolute_url()).content


# The scheduled approvals command ---------------------------------------------------------------


def test_the_command_makes_only_approved_changes_live_and_only_when_due(editor):
    waiting = complete_guide(parts=1, title="How to Become Waiting")
    scheduled = complete_guide(parts=1, title="How to Become Scheduled")
    save(editor, waiting, title="How to Become Waiting, changed")
    save(editor, scheduled, title="How to Become Scheduled, changed")
    change = PendingChange.objects.get(object_id=str(scheduled.pk))
    boss = User.objects.create_superuser("boss", "boss@example.com", "x")
    at = timezone.now() + datetime.timedelta(hours=1)
    pending_change_schedule(change=change, user=boss, at=at)
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    scheduled.refresh_from_db()
    assert scheduled.title == "How to Become Scheduled"
    assert "0 change(s) went live" in out.getvalue()
    # Its time comes.
    PendingChange.objects.filter(pk=change.pk).update(publish_at=timezone.now())
    call_command("publish_scheduled", stdout=out)
    scheduled.refresh_from_db()
    waiting.refresh_from_db()
    assert scheduled.title == "How to Become Scheduled, changed"
    assert waiting.title == "How to Become Waiting"
    assert "1 change(s) went live" in out.getvalue()


def test_an_editors_change_to_a_live_guides_pace_waits_and_a_publisher_approves_it(
    editor, publisher
):
    guide = complete_guide(parts=1)
    assert save(editor, guide, weekly_hours="20").status_code == 302
    guide.refresh_from_db()
    assert guide.weekly_hours == 10
    assert b'data-hours="10"' in Client().get(guide.get_absolute_url()).content
    change = PendingChange.objects.get()
    data = {"_approve": "1", "comment": "", "publish_at": "", "seen": review_fingerprint(change)}
    assert publisher.post(change.get_absolute_url(), data).status_code == 302
    guide.refresh_from_db()
    assert guide.weekly_hours == 20
    assert (
        b"assume about 20 hours of study a week" in Client().get(guide.get_absolute_url()).content
    )


def test_a_pace_outside_1_to_80_hours_is_refused_on_the_form(publisher):
    guide = complete_guide(parts=1)
    response = save(publisher, guide, weekly_hours="0")
    assert response.status_code == 200
    assert "weekly_hours" in response.context["adminform"].form.errors
    guide.refresh_from_db()
    assert guide.weekly_hours == 10

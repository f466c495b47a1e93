"""Pending changes: kept beside the live rows, applied in one go, decided with a trail."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.core.cache import content_version
from careers.core.models import PendingChange
from careers.core.moderation import (
    ModerationError,
    item_submit_for_review,
    open_change,
    pending_change_approve,
    pending_change_reject,
    pending_change_schedule,
    pending_change_submit,
    pending_change_withdraw,
    review_fingerprint,
    scheduled_changes_apply,
    working_copy,
)
from careers.core.publishing import Publishable
from careers.core.revisions import item_versions
from careers.core.roles import EDITORS, PUBLISHERS
from flashcards.models import Card, Deck
from guides.admin import GuideAdmin
from guides.models import Guide, GuideRedirect
from tests.factories import (
    GuideFactory,
    GuideSkillFactory,
    RoadmapStepFactory,
    SkillFactory,
    complete_guide,
)
from tests.flashcards.factories import CardFactory, deck_with_cards
from tests.jobs.factories import JobListingFactory
from tests.staff import staff_user

pytestmark = pytest.mark.django_db

PUBLISHED = Publishable.Status.PUBLISHED


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


def person(name: str, role: str) -> User:
    return staff_user(name, role, email=f"{name}@example.com")


@pytest.fixture
def edith():
    return person("edith", EDITORS)


@pytest.fixture
def paul():
    return person("paul", PUBLISHERS)


def submit(item, user, edit) -> PendingChange:
    """Edit the item's working copy and keep it as its pending change."""
    with working_copy(item, user=user) as copy:
        edit(type(item).objects.get(pk=item.pk))
        copy.hold("Edited in a test.")
    return copy.submitted


def titles(guide) -> list[str]:
    return list(guide.steps.values_list("title", flat=True))


def retitle_first_step(title):
    def edit(guide):
        step = guide.steps.first()
        step.title = title
        step.save()

    return edit


# Kept beside the live rows ----------------------------------------------------------------


def test_a_pending_change_leaves_every_live_row_as_it_was(edith):
    guide = complete_guide(parts=2)
    live = [list(v.field_dict.items()) for v in item_versions(guide)]

    def edit(working):
        working.title = "How to Become Someone Else"
        working.save()
        working.steps.first().delete()
        RoadmapStepFactory(guide=working, title="A new step", position=99)
        working.faqs.all().delete()

    change = submit(guide, edith, edit)
    assert [list(v.field_dict.items()) for v in item_versions(guide)] == live
    assert change.kind == PendingChange.Kind.CHANGE
    assert change.revision.user == edith
    assert change.revision.comment == "Submitted for review: Edited in a test."
    held = {v.object_repr for v in change.revision.version_set.all()}
    assert {"How to Become Someone Else (2026 Guide)", "A new step"} <= held


def test_the_working_copy_carries_on_from_the_pending_change(edith):
    guide = complete_guide(parts=1)
    submit(guide, edith, retitle_first_step("First edit"))
    with working_copy(guide, user=edith):
        assert titles(guide) == ["First edit"]
    assert titles(guide) != ["First edit"]
    second = submit(guide, edith, lambda g: None)
    first = PendingChange.objects.exclude(pk=second.pk).get()
    assert (first.state, first.is_open) == (PendingChange.State.SUPERSEDED, False)
    assert open_change(guide) == second


# Approval ---------------------------------------------------------------------------------


def test_approval_makes_the_change_live_in_one_go_and_readers_see_it_at_once(edith, paul):
    guide = complete_guide(parts=2)
    first, second = guide.steps.all()

    def edit(working):
        working.intro = "A *new* intro."
        working.save()
        for step, position in ((first, 2), (second, 1)):
            step.refresh_from_db()
            step.position = position
            step.save()
        RoadmapStepFactory(guide=working, title="Brand new", position=3)
        working.skills.first().delete()

    change = submit(guide, edith, edit)
    skills = guide.skills.count()
    pending_change_approve(change=change, user=paul, seen=review_fingerprint(change))
    guide.refresh_from_db()
    assert guide.intro_html == "<p>A <em>new</em> intro.</p>"
    assert titles(guide) == [second.title, first.title, "Brand new"]
    assert guide.skills.count() == skills - 1
    assert b"Brand new" in Client().get(guide.get_absolute_url()).content
    change.refresh_from_db()
    assert (change.state, change.decided_by, change.is_open) == (
        PendingChange.State.APPROVED,
        paul,
        False,
    )


def test_approval_moves_the_page_cache_on(edith, paul, django_capture_on_commit_callbacks):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Cached no more"))
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        pending_change_approve(change=change, user=paul)
    assert content_version() != before


def test_approval_keeps_the_publishing_state_and_what_the_site_counts(edith, paul):
    listing = JobListingFactory(click_count=5)

    def edit(working):
        working.title = "Senior Engineer"
        working.save()

    change = submit(listing, edith, edit)
    later = timezone.now() + datetime.timedelta(days=2)
    type(listing).objects.filter(pk=listing.pk).update(
        click_count=9, publish_until=later, status=PUBLISHED
    )
    before = type(listing).objects.get(pk=listing.pk).updated_at
    pending_change_approve(change=change, user=paul)
    listing.refresh_from_db()
    assert listing.title == "Senior Engineer"
    assert (listing.click_count, listing.publish_until) == (9, later)
    assert listing.updated_at > before


def test_approval_after_the_item_moved_on_is_refused(edith, paul):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Reviewed"))
    seen = review_fingerprint(change)
    Guide.objects.filter(pk=guide.pk).update(updated_at=timezone.now())  # someone saved
    with pytest.raises(ModerationError, match="moved on after you opened this review"):
        pending_change_approve(change=change, user=paul, seen=seen)
    assert titles(guide) != ["Reviewed"]
    change.refresh_from_db()
    assert change.state == PendingChange.State.PENDING


def test_approval_that_would_break_the_publish_rules_is_refused(edith, paul):
    deck = deck_with_cards(cards=1)
    change = submit(deck, edith, lambda working: working.cards.all().delete())
    with pytest.raises(ModerationError, match="add at least one card"):
        pending_change_approve(change=change, user=paul)
    assert deck.cards.count() == 1


def test_a_decided_change_cannot_be_decided_again(edith, paul):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Once"))
    pending_change_approve(change=change, user=paul)
    with pytest.raises(ModerationError, match="approved"):
        pending_change_reject(change=change, user=paul, comment="Too late.")


def test_approval_runs_the_admins_refresh_redirects_and_search(edith, paul):
    guide = complete_guide(parts=1, slug="old-address")

    def edit(working):
        working.slug = "new-address"
        working.save()
        retitle_first_step("Kubernetes from scratch")(working)

    change = submit(guide, edith, edit)
    applied = GuideAdmin(Guide, None).moderation_applied
    pending_change_approve(change=change, user=paul, applied=applied)
    assert GuideRedirect.objects.get(old_slug="old-address").guide == guide
    guide.refresh_from_db()
    assert "Kubernetes from scratch" in guide.search_text
    assert Client().get("/guides/old-address/").status_code == 301


def test_parts_that_swap_unique_values_are_applied_in_an_order_that_works(edith, paul):
    guide = GuideFactory()
    RoadmapStepFactory(guide=guide)
    python_skill, sql_skill, spare = (
        SkillFactory(name=name) for name in ("Python", "SQL", "Temporary")
    )
    first = GuideSkillFactory(guide=guide, skill=python_skill)
    second = GuideSkillFactory(guide=guide, skill=sql_skill)

    def edit(working):
        # A guide lists a skill once: the rows swap skills by way of a third.
        first.skill = spare
        first.save()
        second.skill, first.skill = python_skill, sql_skill
        second.save()
        first.save()

    change = submit(guide, edith, edit)
    pending_change_approve(change=change, user=paul)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.skill, second.skill) == (sql_skill, python_skill)


def test_a_new_parts_id_taken_by_another_row_meanwhile_is_not_overwritten(edith, paul):
    """SQLite hands a rolled-back savepoint's ids out again: the new card gets another."""
    deck = deck_with_cards(cards=1)

    def edit(working):
        CardFactory(deck=working, question="Pending card?")

    change = submit(deck, edith, edit)
    pending_card = change.revision.version_set.get(object_repr="Pending card?")
    other_deck = deck_with_cards(cards=0)
    Card.objects.filter(pk=pending_card.object_id).delete()
    CardFactory(id=int(pending_card.object_id), deck=other_deck, question="Someone else's?")
    pending_change_approve(change=change, user=paul)
    assert Card.objects.get(pk=pending_card.object_id).question == "Someone else's?"
    assert set(deck.cards.values_list("question", flat=True)) >= {"Pending card?"}


# Rejection, scheduling, withdrawal -------------------------------------------------------------


def test_rejection_needs_a_comment_and_keeps_the_editors_work(edith, paul):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Needs work"))
    with pytest.raises(ModerationError, match="Say what needs to change"):
        pending_change_reject(change=change, user=paul, comment="  ")
    pending_change_reject(change=change, user=paul, comment="Shorter, please.")
    change.refresh_from_db()
    assert (change.state, change.comment, change.is_open) == (
        PendingChange.State.REJECTED,
        "Shorter, please.",
        True,
    )
    with working_copy(guide, user=edith):
        assert titles(guide) == ["Needs work"]
    # Fixed and submitted again: the rejection stays in the trail as it was.
    again = submit(guide, edith, retitle_first_step("Fixed"))
    change.refresh_from_db()
    assert (change.state, change.decided_by, change.is_open) == (
        PendingChange.State.REJECTED,
        paul,
        False,
    )
    assert open_change(guide) == again


def test_a_rejected_new_draft_goes_back_to_draft(edith, paul):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    item_submit_for_review(item=guide, user=edith)
    change = PendingChange.objects.get()
    pending_change_reject(change=change, user=paul, comment="Add a salary section.")
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.DRAFT


def test_approving_a_new_draft_publishes_it_by_its_rules(edith, paul):
    empty = GuideFactory(status=Publishable.Status.DRAFT)
    item_submit_for_review(item=empty, user=edith)
    with pytest.raises(ModerationError, match="add at least one roadmap step"):
        pending_change_approve(change=PendingChange.objects.get(), user=paul)
    RoadmapStepFactory(guide=empty)
    pending_change_approve(change=PendingChange.objects.get(), user=paul)
    empty.refresh_from_db()
    assert empty.status == PUBLISHED
    assert Client().get(empty.get_absolute_url()).status_code == 200


def test_a_new_draft_approved_for_later_goes_live_by_itself(edith, paul):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    item_submit_for_review(item=guide, user=edith)
    at = timezone.now() + datetime.timedelta(days=1)
    pending_change_schedule(change=PendingChange.objects.get(), user=paul, at=at)
    guide.refresh_from_db()
    assert (guide.status, guide.publish_from) == (PUBLISHED, at)
    assert not guide.is_live()
    assert guide.is_live(at=at)


def test_a_change_approved_for_later_goes_live_when_its_time_comes(edith, paul):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Tomorrow's title"))
    with pytest.raises(ModerationError, match="a time in the future"):
        pending_change_schedule(change=change, user=paul, at=timezone.now())
    at = timezone.now() + datetime.timedelta(days=1)
    pending_change_schedule(change=change, user=paul, at=at)
    no_op = lambda model: None  # noqa: E731
    assert scheduled_changes_apply(applied_for=no_op, now=at - datetime.timedelta(seconds=1)) == (
        [],
        [],
    )
    assert titles(guide) != ["Tomorrow's title"]
    applied, refused = scheduled_changes_apply(applied_for=no_op, now=at)
    assert ([c.pk for c in applied], refused) == ([change.pk], [])
    assert titles(guide) == ["Tomorrow's title"]
    assert scheduled_changes_apply(applied_for=no_op, now=at) == ([], [])  # only once


def test_a_scheduled_change_that_cannot_go_live_waits_again_and_says_why(
    edith, paul, django_capture_on_commit_callbacks
):
    deck = deck_with_cards(cards=1)
    change = submit(deck, edith, lambda working: working.cards.all().delete())
    at = timezone.now() + datetime.timedelta(hours=1)
    pending_change_schedule(change=change, user=paul, at=at)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        applied, refused = scheduled_changes_apply(applied_for=lambda model: None, now=at)
    assert applied == []
    assert "add at least one card" in refused[0][1]
    change.refresh_from_db()
    assert change.state == PendingChange.State.PENDING
    assert "Could not go live" in change.comment
    assert [message.to for message in mail.outbox] == [["paul@example.com"]]
    assert deck.cards.count() == 1


def test_withdrawing_a_change_leaves_live_and_the_history_alone(edith):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Never mind"))
    pending_change_withdraw(change=change, user=edith)
    change.refresh_from_db()
    assert (change.state, change.is_open) == (PendingChange.State.WITHDRAWN, False)
    assert open_change(guide) is None
    assert change.revision.version_set.exists()


def test_a_publishers_save_over_the_working_copy_publishes_it(edith, paul):
    guide = complete_guide(parts=1)
    change = submit(guide, edith, retitle_first_step("Edith's"))
    with working_copy(guide, user=paul) as copy:
        copy.keep()
    assert titles(guide) == ["Edith's"]
    change.refresh_from_db()
    assert (change.state, change.decided_by) == (PendingChange.State.APPROVED, paul)


# Email -------------------------------------------------------------------------------------


def test_publishers_hear_of_submissions_and_editors_of_decisions(
    edith, paul, django_capture_on_commit_callbacks
):
    quiet = person("quiet", PUBLISHERS)
    User.objects.filter(pk=quiet.pk).update(email="")  # no address: no email
    person("eve", EDITORS)  # editors are not asked to review
    guide = complete_guide(parts=1, title="How to Become a Tester")
    with (
        django_capture_on_commit_callbacks(execute=True),
        working_copy(guide, user=edith, site_url="https://careers.example") as copy,
    ):
        retitle_first_step("Renamed")(Guide.objects.get(pk=guide.pk))
        copy.hold("Changed title for roadmap step “Renamed”.")
    change = copy.submitted
    (submitted,) = mail.outbox
    assert submitted.to == ["paul@example.com"]
    assert submitted.subject == (
        "[Career Compass] Review requested: changes to “How to Become a Tester (2026 Guide)”"
    )
    assert "edith submitted changes to “How to Become a Tester (2026 Guide)”" in submitted.body
    assert "What changed: Changed title for roadmap step “Renamed”." in submitted.body
    assert f"https://careers.example{change.get_absolute_url()}" in submitted.body

    with django_capture_on_commit_callbacks(execute=True):
        pending_change_reject(change=change, user=paul, comment="Keep the old name & <b>why</b>.")
    decided = mail.outbox[-1]
    assert decided.to == ["edith@example.com"]
    assert decided.subject == "[Career Compass] Sent back: “How to Become a Tester (2026 Guide)”"
    assert "Keep the old name & <b>why</b>." in decided.body  # plain text, not escaped
    assert reverse("admin:guides_guide_change", args=[guide.pk]) in decided.body


def test_a_mail_server_that_is_down_costs_no_work(edith, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr("careers.core.notifications.get_connection", broken)
    person("paula", PUBLISHERS)
    guide = complete_guide(parts=1)
    change = pending_change_submit(
        item=guide, kind=PendingChange.Kind.CHANGE, versions=item_versions(guide), user=edith
    )
    from careers.core import notifications

    assert notifications.change_submitted(change) == 0
    assert "Could not send 1 review email(s)" in caplog.text
    assert PendingChange.objects.filter(pk=change.pk).exists()


def test_a_deck_change_is_approved_with_its_cards(edith, paul):
    deck = deck_with_cards(cards=2)

    def edit(working):
        card = working.cards.first()
        card.answer = "A **better** answer."
        card.save()

    change = submit(deck, edith, edit)
    pending_change_approve(change=change, user=paul)
    assert Deck.objects.get(pk=deck.pk).cards.first().answer_html == (
        "<p>A <strong>better</strong> answer.</p>"
    )

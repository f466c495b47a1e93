"""Changes to what readers see wait for a publisher.

An item readers can see (a published guide, deck or listing; or reference data
such as a career, which is always on the site) is *moderated*: an editor's save
does not touch its live rows. The save runs inside a savepoint, the item with
all its parts is serialized as django-reversion Versions, the savepoint is
rolled back, and the Versions are kept as the Revision of a `PendingChange`.
That pending change is the item's *working copy*: the change form, the preview
and the card import apply it inside a transaction they roll back, so editors go
on from where they left off while readers still see the published version.

A publisher approves (the revision is restored over the live rows in one
transaction, keeping the publishing state the publisher set, and the page cache
moves on), schedules the approval (`manage.py publish_scheduled` applies it
when its time comes), or rejects it with a comment. A new draft submitted for
review is a pending change too, so the review queue holds both.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from reversion.models import Revision, Version

from careers.core import notifications
from careers.core.cache import content_changed
from careers.core.models import PendingChange
from careers.core.publishing import Publishable, publish_problems
from careers.core.revisions import (
    RevisionNotApplied,
    constraints_checked,
    field_values,
    item_versions,
    revision_apply,
)

# Called after a change went live: (item as saved, its field values before). Each
# app's admin keeps derived data fresh with it (search index, old-address redirects).
Applied = Callable[[Model, dict], None]


class ModerationError(Exception):
    """A decision that cannot be carried out; nothing was written. The message says why."""


# Who and what -----------------------------------------------------------------------------


def is_moderated(item: Model) -> bool:
    """Whether readers may see the item (or will, when its publish time comes): then
    changes to it wait for a publisher. Items without a status are always on the site."""
    if item.pk is None:
        return False
    status = getattr(item, "status", None)
    return status is None or status not in (
        Publishable.Status.DRAFT,
        Publishable.Status.IN_REVIEW,
    )


def publish_permission(model: type[Model]) -> str:
    opts = model._meta
    return f"{opts.app_label}.publish_{opts.model_name}"


def may_publish(user, model: type[Model]) -> bool:
    return user.has_perm(publish_permission(model))


def _item_filter(item: Model) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(item),
        "object_id": str(item.pk),
    }


def open_change(item: Model) -> PendingChange | None:
    """The item's work in progress waiting for (or sent back by) a publisher, if any."""
    if item.pk is None:
        return None
    return (
        PendingChange.objects.filter(is_open=True, **_item_filter(item))
        .select_related("submitted_by", "decided_by")
        .first()
    )


def item_changes(item: Model) -> QuerySet[PendingChange]:
    """Every change submitted for the item, newest first: its review trail."""
    return PendingChange.objects.filter(**_item_filter(item)).select_related(
        "submitted_by", "decided_by"
    )


def open_change_state(model: type[Model]) -> Subquery:
    """For annotating a queryset of `model`: the state of the open change to each live
    item, or None."""
    return Subquery(
        PendingChange.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), CharField()),
            kind=PendingChange.Kind.CHANGE,
            is_open=True,
        ).values("state")[:1]
    )


def review_fingerprint(change: PendingChange) -> str:
    """What a publisher reviewed: the change and the item's last save. An approval made
    from a page opened before either moved on is refused."""
    item = _item_or_none(change)
    updated_at = getattr(item, "updated_at", None)
    return f"{change.pk}:{change.revision_id}:{updated_at.isoformat() if updated_at else ''}"


# The working copy -------------------------------------------------------------------------


def working_copy_apply(item: Model, change: PendingChange) -> None:
    """Put the change's revision in place of the live rows, inside the caller's transaction."""
    try:
        revision_apply(item, change.revision.version_set.all(), touch=False)
    except RevisionNotApplied as problem:
        raise ModerationError(
            f"The pending changes to “{item}” no longer fit the live site: {problem} "
            "Discard them in the review queue, or ask a publisher."
        ) from None


@dataclass
class WorkingCopy:
    """An item as its open change has it, inside a savepoint that is undone unless kept.

    `hold()` keeps what was written meanwhile as a new pending change (and undoes it
    on the live rows); `keep()` lets it stand: a publisher's save goes live.
    """

    item: Model
    change: PendingChange | None
    live: dict  # the item's live field values
    summary: str = ""
    held: list[Version] | None = None
    kept: bool = False
    replaced: bool = False
    submitted: PendingChange | None = None

    def hold(self, summary: str = "") -> None:
        self.held = item_versions(type(self.item)._base_manager.get(pk=self.item.pk))
        self.summary = summary or self.summary

    def keep(self, *, replaced: bool = False) -> None:
        """Let what was written stand; `replaced`: it took the open change's place (a
        revert), rather than building on it."""
        self.kept, self.replaced = True, replaced


@contextmanager
def working_copy(
    item: Model, *, user, site_url: str = "", applied: Applied | None = None, writes=True
) -> Iterator[WorkingCopy]:
    """Run edits of `item` on its working copy (the open change applied, if any).

    Unless kept or held, everything written inside is undone on the way out. A held
    copy becomes the item's pending change; a kept one closes the open change as
    published by `user` and runs `applied` if the working copy differed from live.
    Edits that may be kept (`writes`) lock the item first, so two saves at once take
    turns: the second meets the first's change, and the form's no-lost-work check.
    """
    with transaction.atomic():
        if writes:
            item = type(item)._base_manager.select_for_update().get(pk=item.pk)
        copy = WorkingCopy(item=item, change=_working_change(item), live=field_values(item))
        savepoint = transaction.savepoint()
        if copy.change is not None:
            working_copy_apply(item, copy.change)
        yield copy
        if copy.kept:
            transaction.savepoint_commit(savepoint)
            if copy.change is not None:
                _saved_over(copy, user=user, applied=applied)
            return
        transaction.savepoint_rollback(savepoint)
        if copy.held is not None:
            copy.submitted = pending_change_submit(
                item=item,
                kind=PendingChange.Kind.CHANGE,
                versions=copy.held,
                user=user,
                summary=copy.summary,
                site_url=site_url,
            )


def _working_change(item: Model) -> PendingChange | None:
    change = open_change(item)
    return change if change is not None and change.kind == PendingChange.Kind.CHANGE else None


def _saved_over(copy: WorkingCopy, *, user, applied: Applied | None) -> None:
    """Someone saved the item over its open change directly. On a live item that is a
    publisher's save: the change is live now (or, after a revert, replaced by it). On a
    draft it is simply saved."""
    change = copy.change
    if not is_moderated(copy.item):
        _decided(change, user=user, state=PendingChange.State.SUPERSEDED)
        return
    if copy.replaced:
        _decided(change, user=user, state=PendingChange.State.SUPERSEDED)
    else:
        _decided(
            change,
            user=user,
            state=PendingChange.State.APPROVED,
            comment="Published from the change form, with the publisher's own edits.",
        )
        transaction.on_commit(partial(notifications.change_decided, change))
    if applied is not None:
        applied(type(copy.item)._base_manager.get(pk=copy.item.pk), copy.live)


# Services ---------------------------------------------------------------------------------


@transaction.atomic
def pending_change_submit(
    *,
    item: Model,
    kind: str,
    versions: list[Version],
    user,
    summary: str = "",
    site_url: str = "",
) -> PendingChange:
    """Keep `versions` (the item with its parts) as the item's pending change, replacing
    any open one, and tell the publishers."""
    now = timezone.now()
    replaced = PendingChange.objects.filter(is_open=True, **_item_filter(item))
    # One still waiting is replaced; one sent back keeps its decision in the trail.
    replaced.filter(state__in=PendingChange.UNDECIDED_STATES).update(
        state=PendingChange.State.SUPERSEDED,
        is_open=False,
        decided_by=user,
        decided_at=now,
        publish_at=None,
    )
    replaced.update(is_open=False)
    revision = Revision.objects.create(
        date_created=now,
        user=user,
        comment=f"Submitted for review: {summary}" if summary else "Submitted for review",
    )
    for version in versions:
        version.revision = revision
    Version.objects.bulk_create(versions)
    change = PendingChange.objects.create(
        **_item_filter(item),
        object_repr=str(item)[:200],
        kind=kind,
        revision=revision,
        submitted_by=user,
        submitted_at=now,
        summary=summary[:300],
    )
    transaction.on_commit(partial(notifications.change_submitted, change, site_url=site_url))
    return change


@transaction.atomic
def item_submit_for_review(*, item: Publishable, user, site_url: str = "") -> list[str]:
    """A draft goes into the review queue as a new item. Returns why not, if it may not."""
    if item.status != Publishable.Status.DRAFT:
        return ["only drafts are submitted this way; changes to a live item wait on save"]
    item.status = Publishable.Status.IN_REVIEW
    item.full_clean()
    item.save(update_fields=["status", "updated_at"])
    pending_change_submit(
        item=item,
        kind=PendingChange.Kind.NEW,
        versions=item_versions(item),
        user=user,
        summary="New, ready to publish",
        site_url=site_url,
    )
    return []


def _locked(change: PendingChange, *, undecided: bool = True) -> PendingChange:
    """The change, locked, if it is still to decide on (or, not `undecided`, still open)."""
    locked = PendingChange.objects.select_for_update().get(pk=change.pk)
    if not (locked.is_undecided if undecided else locked.is_open):
        raise ModerationError(
            f"This change is “{locked.get_state_display().lower()}” already; nothing was done."
        )
    return locked


def _item_or_none(change: PendingChange) -> Model | None:
    model = change.content_type.model_class()
    return model._base_manager.filter(pk=change.object_id).first() if model else None


def _locked_item(change: PendingChange) -> Model:
    model = change.content_type.model_class()
    item = model._base_manager.select_for_update().filter(pk=change.object_id).first()
    if item is None:
        raise ModerationError(f"“{change.object_repr}” was deleted; there is nothing to change.")
    return item


def _check_seen(change: PendingChange, seen: str | None) -> None:
    if seen is not None and seen != review_fingerprint(change):
        raise ModerationError(
            "The item or its changes moved on after you opened this review; nothing was "
            "done. Look at the changes again before you decide."
        )


def _decided(change: PendingChange, *, user, state: str, comment: str = "", at=None) -> None:
    change.state = state
    change.is_open = state in PendingChange.OPEN_STATES
    change.decided_by, change.decided_at = user, timezone.now()
    change.comment = comment
    change.publish_at = at
    change.save(
        update_fields=["state", "is_open", "decided_by", "decided_at", "comment", "publish_at"]
    )


def _publish_new(item: Publishable, *, user, comment: str, publish_from=None) -> None:
    """A new item goes live (at `publish_from`, by itself); refused if its rules are unmet."""
    problems = publish_problems(item)
    if problems:
        raise ModerationError(f"Not published: {', '.join(problems)}.")
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        item.status = Publishable.Status.PUBLISHED
        fields = ["status", "updated_at"]
        if publish_from is not None:
            item.publish_from = publish_from
            fields.append("publish_from")
        item.full_clean()
        item.save(update_fields=fields)


def _apply_change(change: PendingChange, *, user, applied: Applied | None) -> None:
    item = _locked_item(change)
    previous = field_values(item)
    submitter = change.submitted_by or "an editor"
    try:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(
                f"Approved the changes {submitter} submitted on "
                f"{timezone.localtime(change.submitted_at):%Y-%m-%d %H:%M}"
            )
            item = revision_apply(item, change.revision.version_set.all(), touch=True)
            reversion.add_to_revision(item)
        constraints_checked()
    except RevisionNotApplied as problem:
        raise ModerationError(f"Not approved: {problem} Nothing was changed.") from None
    if getattr(item, "status", None) == Publishable.Status.PUBLISHED:
        problems = publish_problems(item)
        if problems:
            raise ModerationError(f"Not approved: {', '.join(problems)}.")
    if applied is not None:
        applied(item, previous)


@transaction.atomic
def pending_change_approve(
    *, change: PendingChange, user, seen: str | None = None, applied: Applied | None = None
) -> PendingChange:
    """The change goes live now, in one transaction; readers see it at once."""
    change = _locked(change)
    _check_seen(change, seen)
    if change.kind == PendingChange.Kind.NEW:
        _publish_new(_locked_item(change), user=user, comment="Approved and published")
    else:
        _apply_change(change, user=user, applied=applied)
    _decided(change, user=user, state=PendingChange.State.APPROVED, at=change.publish_at)
    transaction.on_commit(content_changed)
    transaction.on_commit(partial(notifications.change_decided, change))
    return change


@transaction.atomic
def pending_change_schedule(
    *, change: PendingChange, user, at, seen: str | None = None
) -> PendingChange:
    """Approve the change to go live at `at`. A new item is published with that publish
    time (it goes live by itself); changes to a live item wait for `publish_scheduled`."""
    if at <= timezone.now():
        raise ModerationError("Choose a time in the future, or approve the changes now.")
    change = _locked(change)
    _check_seen(change, seen)
    if change.kind == PendingChange.Kind.NEW:
        item = _locked_item(change)
        _publish_new(
            item, user=user, comment=f"Approved to go live at {at:%Y-%m-%d %H:%M}", publish_from=at
        )
        _decided(change, user=user, state=PendingChange.State.APPROVED, at=at)
        transaction.on_commit(content_changed)  # the next scheduled change moved
    else:
        _decided(change, user=user, state=PendingChange.State.SCHEDULED, at=at)
    transaction.on_commit(partial(notifications.change_decided, change))
    return change


@transaction.atomic
def pending_change_reject(
    *, change: PendingChange, user, comment: str, seen: str | None = None
) -> PendingChange:
    """Send the change back with a comment; the editor sees it on the item and in the queue.
    A new item goes back to draft."""
    comment = comment.strip()
    if not comment:
        raise ModerationError("Say what needs to change, so the editor can fix it.")
    change = _locked(change)
    _check_seen(change, seen)
    if change.kind == PendingChange.Kind.NEW:
        _back_to_draft(change, user=user, comment=f"Sent back to draft: {comment}")
    _decided(change, user=user, state=PendingChange.State.REJECTED, comment=comment)
    transaction.on_commit(partial(notifications.change_decided, change))
    return change


def _back_to_draft(change: PendingChange, *, user, comment: str) -> None:
    item = _item_or_none(change)
    if item is not None and item.status == Publishable.Status.IN_REVIEW:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            item.status = Publishable.Status.DRAFT
            item.save(update_fields=["status", "updated_at"])


@transaction.atomic
def pending_change_withdraw(*, change: PendingChange, user) -> PendingChange:
    """Discard the item's open change (it stays in the history); live is untouched."""
    change = _locked(change, undecided=False)
    if change.kind == PendingChange.Kind.NEW:
        _back_to_draft(change, user=user, comment="Taken out of review")
    _decided(change, user=user, state=PendingChange.State.WITHDRAWN)
    return change


def item_deleted(*, item: Model, user) -> None:
    """The item is gone: its open change has nothing left to change."""
    for change in PendingChange.objects.filter(is_open=True, **_item_filter(item)):
        _decided(
            change, user=user, state=PendingChange.State.WITHDRAWN, comment="The item was deleted."
        )


def new_item_published(*, item: Model, user) -> None:
    """A publisher published a draft by other means (the action): its submission is done."""
    PendingChange.objects.filter(
        kind=PendingChange.Kind.NEW, is_open=True, **_item_filter(item)
    ).update(
        state=PendingChange.State.APPROVED,
        is_open=False,
        decided_by=user,
        decided_at=timezone.now(),
    )


def scheduled_changes_apply(
    *, applied_for: Callable[[type[Model]], Applied | None], now=None
) -> tuple[list[PendingChange], list[tuple[PendingChange, str]]]:
    """Approve every scheduled change whose time has come. Returns those that went live,
    and (change, problem) for each that could not: it waits for review again, with the
    reason, and the publisher who scheduled it is told.

    Safe to run on every app server at once: a change another server is applying is
    skipped (row lock), and one already applied is no longer scheduled.
    """
    now = now or timezone.now()
    due = PendingChange.objects.filter(
        state=PendingChange.State.SCHEDULED, publish_at__lte=now
    ).values_list("pk", flat=True)
    applied, refused = [], []
    for pk in list(due):
        with transaction.atomic():
            change = (
                PendingChange.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(pk=pk, state=PendingChange.State.SCHEDULED)
                .select_related("decided_by", "content_type")
                .first()
            )
            if change is None:
                continue
            try:
                with transaction.atomic():
                    applied.append(
                        pending_change_approve(
                            change=change,
                            user=change.decided_by,
                            applied=applied_for(change.content_type.model_class()),
                        )
                    )
            except ModerationError as problem:
                _schedule_failed(change, problem=str(problem))
                refused.append((change, str(problem)))
    return applied, refused


def _schedule_failed(change: PendingChange, *, problem: str) -> None:
    when = timezone.localtime(change.publish_at)
    change.state = PendingChange.State.PENDING
    change.comment = f"Could not go live at {when:%Y-%m-%d %H:%M}: {problem}"
    change.publish_at = None
    change.save(update_fields=["state", "comment", "publish_at"])
    transaction.on_commit(partial(notifications.schedule_failed, change))

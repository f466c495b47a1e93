"""What readers may see: the publishable base every reader-facing model shares,
its publish rules, and the one way an item's status changes.

`live()` is the one filter every public read goes through. Each publishable
model states what it needs before it may go live (`publish_rules`); the status
service, the admin's actions and the admin's forms all ask the same rules.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone

from careers.core.editing import EditVersioned


@dataclass(frozen=True)
class PublishRules:
    """What an item needs before readers may see it, each with what to do when it is missing.

    `parts`: related names of parts it needs at least one of ({"steps": "add at
    least one roadmap step"}). `fields`: text fields that must not be blank
    ({"meta_description": "write a meta description"}).
    """

    parts: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)


class PublishableQuerySet(models.QuerySet):
    def live(self, *, at=None):
        """What readers may see: published, inside its publish window."""
        at = at or timezone.now()
        return self.filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=at),
            Q(publish_until__isnull=True) | Q(publish_until__gt=at),
            status=Publishable.Status.PUBLISHED,
        )


class Publishable(EditVersioned):
    """Status, publish window and timestamps for content readers see."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_from = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Published content goes live at this time. Empty means as soon as published.",
    )
    publish_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Published content is taken down at this time. Empty means it stays up.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    publish_rules: ClassVar[PublishRules] = PublishRules()

    def publish_blockers(self) -> list[str]:
        """What else keeps this item from going live, beyond its publish rules (things
        that live outside it, such as its career's figures), worded as publish rules are."""
        return []

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(publish_until__isnull=True)
                | Q(publish_from__isnull=True)
                | Q(publish_until__gt=F("publish_from")),
                name="%(app_label)s_%(class)s_publish_window_ordered",
            ),
        ]

    def is_live(self, *, at=None) -> bool:
        at = at or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and (self.publish_from is None or self.publish_from <= at)
            and (self.publish_until is None or self.publish_until > at)
        )

    def clean(self):
        super().clean()
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError(
                {"publish_until": "The take-down time must come after the publish time."}
            )
        if self.status == self.Status.PUBLISHED:
            blockers = self.publish_blockers()
            if blockers:
                raise ValidationError([publish_refusal(self, problem) for problem in blockers])


def publish_problems(
    item: Publishable, *, part_counts: Mapping[str, int] | None = None
) -> list[str]:
    """Why `item` may not go live, in words an editor can act on (empty: it may).

    Parts are counted in the database unless `part_counts` gives their number
    (a form about to be saved knows it before the database does).
    """
    rules = item.publish_rules
    part_counts = part_counts or {}
    problems = []
    for part, problem in rules.parts.items():
        count = part_counts[part] if part in part_counts else getattr(item, part).count()
        if count < 1:
            problems.append(problem)
    for name, problem in rules.fields.items():
        if not str(getattr(item, name) or "").strip():
            problems.append(problem)
    problems.extend(item.publish_blockers())
    return problems


def publish_refusal(item: Publishable, problem: str) -> str:
    """The one way the admin words a save refused by the publish rules."""
    noun = item._meta.verbose_name
    return f"A published {noun} cannot be saved until you {problem}; or save it as a draft."


@transaction.atomic
def publishable_status_set(*, item: Publishable, status: str) -> list[str]:
    """Move `item` to `status`. Publishing checks the item's publish rules first: if
    any is unmet, nothing changes and the problems are returned."""
    if status == Publishable.Status.PUBLISHED:
        problems = publish_problems(item)
        if problems:
            return problems
    item.status = status
    item.full_clean()
    item.save(update_fields=["status", "updated_at"])
    return []


def publish_window_moments(model: type[Publishable], *, at, **extra) -> dict:
    """When the model's published items next go live or come down, after `at` (one query).

    `extra` adds aggregates to the same query (a listing's last open day).
    """
    return model.objects.filter(status=Publishable.Status.PUBLISHED).aggregate(
        going_live=models.Min("publish_from", filter=Q(publish_from__gt=at)),
        coming_down=models.Min("publish_until", filter=Q(publish_until__gt=at)),
        **extra,
    )


def next_window_change(model: type[Publishable], *, at):
    """The next moment one of the model's published items goes live or comes down."""
    moments = publish_window_moments(model, at=at).values()
    return min((moment for moment in moments if moment is not None), default=None)


def latest_update(queryset: models.QuerySet):
    """When the newest of these items last changed (one query), or None."""
    return queryset.aggregate(latest=models.Max("updated_at"))["latest"]

"""What the core keeps in the database.

- The content version readers' pages are filed under (careers.core.cache).
- What waits for a publisher: work on an item that readers do not see yet.
  The core imports no app, so a pending change names its item by content type
  and id, and keeps its content as a django-reversion Revision (the item with
  all its parts, as Versions) that is not applied to the live rows until
  approved.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class PendingChange(models.Model):
    """A new draft submitted for review, or changes to a live item kept aside for review."""

    class Kind(models.TextChoices):
        NEW = "new", "New item"
        CHANGE = "change", "Changes to a live item"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        SCHEDULED = "scheduled", "Approved for later"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SUPERSEDED = "superseded", "Replaced by later changes"
        WITHDRAWN = "withdrawn", "Discarded"

    # The states a publisher decides on; a rejected change stays open (the editor's work
    # in progress) until it is fixed and submitted again, or discarded.
    UNDECIDED_STATES = (State.PENDING, State.SCHEDULED)
    OPEN_STATES = (*UNDECIDED_STATES, State.REJECTED)

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=191, help_text="The item's primary key, as text.")
    item = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(max_length=200, help_text="The item as it was submitted.")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    state = models.CharField(
        max_length=12, choices=State.choices, default=State.PENDING, db_index=True
    )
    is_open = models.BooleanField(
        default=True,
        help_text="The item's work in progress: what its change form, preview and import "
        "start from. Closed once approved, replaced or discarded.",
    )
    revision = models.ForeignKey(
        "reversion.Revision",
        on_delete=models.PROTECT,
        related_name="pending_changes",
        help_text="The item with all its parts as submitted; live rows are untouched.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="submitted_changes",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(
        max_length=300, blank=True, help_text="What the submitter changed, in a line."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_changes",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(
        blank=True, help_text="The publisher's word to the editor: why it was sent back."
    )
    publish_at = models.DateTimeField(
        null=True, blank=True, help_text="When an approval scheduled for later takes effect."
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "pending change"
        verbose_name_plural = "review queue"
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="core_pendingchange_item"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(is_open=True),
                name="core_pendingchange_one_open_per_item",
            ),
            models.CheckConstraint(
                condition=Q(is_open=False) | Q(state__in=["pending", "scheduled", "rejected"]),
                name="core_pendingchange_open_only_while_undone",
            ),
            models.CheckConstraint(
                condition=~Q(state="scheduled") | Q(publish_at__isnull=False),
                name="core_pendingchange_scheduled_has_time",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.NEW:
            return f"New: {self.object_repr}"
        return f"Changes to {self.object_repr}"

    def get_absolute_url(self):
        return reverse("admin:core_pendingchange_change", args=[self.pk])

    @property
    def is_undecided(self) -> bool:
        return self.state in self.UNDECIDED_STATES


class ContentVersion(models.Model):
    """One row naming the current version of everything readers see (careers.core.cache).

    It lives in the database, not in the shared cache, so that a change made
    while the cache is down still makes every page fresh once it is back, and
    so that every worker and server reads the same one.
    """

    token = models.CharField(max_length=32, help_text="A new random value at every change.")
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="core_contentversion_one_row"),
        ]

    def __str__(self):
        return f"content version {self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

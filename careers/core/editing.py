"""No lost work: an edit saved over a change it never saw is refused, in the database.

Every model editors change in the admin carries an `edit_version` that moves on
with every save, from any path (the admin, an action, an import, the status
service). The admin's form (careers.core.admin.NoLostWorkForm) carries the
number the page was opened at; the save then claims the row with

    UPDATE … SET edit_version = n + 1 WHERE id = … AND edit_version = n

inside the save's transaction, before writing anything else. Of two saves sent
at the same moment, one claims the row and the other finds it moved on and is
refused (StaleEdit): on PostgreSQL the second UPDATE waits for the first
transaction and then matches no row; on SQLite writers take the database lock
in turn (transactions begin IMMEDIATE, careers/settings.py) and the second
finds the new number. A form without a number is refused, never trusted.
"""

from typing import ClassVar

from django.db import models, router, transaction
from django.db.models import F
from django.db.models.signals import pre_save
from django.dispatch import receiver


class StaleEdit(Exception):
    """The row moved on after the edit was opened: nothing of the edit was written."""


class EditVersioned(models.Model):
    """A model editors change: every save moves `edit_version` on (see the module doc)."""

    edit_version = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Moves on at every save; an edit opened at an older number is refused.",
    )

    # Readers never see it (careers.core.changes).
    unseen_by_readers: ClassVar[tuple[str, ...]] = ("edit_version",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        expected = self.__dict__.pop("_expected_edit_version", None)
        if self._state.adding or self.pk is None:  # a new row, or a copy made by pk = None
            return super().save(*args, **kwargs)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "edit_version"}
        if expected is None:
            return self._save_moving_version_on(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self))):
            self._claim(expected)
            return super().save(*args, **kwargs)

    def expect_edit_version(self, number: int) -> None:
        """The number the edit was opened at: the next save claims the row only from it."""
        self._expected_edit_version = number

    def _claim(self, expected: int) -> None:
        """The compare-and-set that makes the check hold in the database."""
        claimed = (
            type(self)
            ._base_manager.filter(pk=self.pk, edit_version=expected)
            .update(edit_version=expected + 1)
        )
        if not claimed:
            raise StaleEdit(f"{self._meta.label} {self.pk} moved on after version {expected}")
        self.edit_version = expected + 1

    def _save_moving_version_on(self, *args, **kwargs):
        """A save without an opened edit (an import, an action): one more, in the same UPDATE."""
        self.edit_version = F("edit_version") + 1
        kwargs.setdefault("force_update", not kwargs.get("force_insert"))
        try:
            return super().save(*args, **kwargs)
        finally:
            # The new number is in the database only; read it again if anyone asks.
            self.__dict__.pop("edit_version", None)


@receiver(pre_save, dispatch_uid="careers.core.editing.raw_save")
def _keep_version_on_raw_save(sender, instance, raw, **kwargs):
    """A raw save (a revert to an old revision, loaddata) writes the row as serialized,
    edit_version included: keep the row's current number, so an edit opened before
    the revert is not taken for a fresh one."""
    if not raw or not isinstance(instance, EditVersioned) or instance.pk is None:
        return
    current = (
        sender._base_manager.filter(pk=instance.pk).values_list("edit_version", flat=True).first()
    )
    if current is not None:
        instance.edit_version = current

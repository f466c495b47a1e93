"""Editorial steps shared by every publishable item (guides, decks, job listings)."""

from collections.abc import Callable

from django.db import transaction

from careers.models import Publishable


@transaction.atomic
def publishable_status_set(
    *, item: Publishable, status: str, publish_problems: Callable[[], list[str]] = list
) -> list[str]:
    """Move `item` to `status`. Publishing asks `publish_problems` first: if it names
    any, nothing changes and they are returned, in words an editor can act on."""
    if status == Publishable.Status.PUBLISHED:
        problems = publish_problems()
        if problems:
            return problems
    item.status = status
    item.full_clean()
    item.save(update_fields=["status", "updated_at"])
    return []

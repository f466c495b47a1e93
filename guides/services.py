"""Editorial steps on guides: address changes and the site-search index."""

from django.db import transaction
from django.db.models import QuerySet

from guides.models import Guide, GuideRedirect
from guides.search import guide_search


@transaction.atomic
def guide_slug_changed(*, guide: Guide, old_slug: str) -> None:
    """Keep the old address answering with a permanent redirect to the new one."""
    if not old_slug or old_slug == guide.slug:
        return
    # The new address may have been an old one: it is live again, so no redirect.
    GuideRedirect.objects.filter(old_slug=guide.slug).delete()
    GuideRedirect.objects.update_or_create(old_slug=old_slug, defaults={"guide": guide})


def guides_search_index(*, guides: QuerySet[Guide]) -> int:
    """Rebuild the site-search index of these guides; returns how many."""
    return guide_search.index(guides)


def guide_search_index(*, guide: Guide) -> None:
    """After the guide or any of its parts changed: keep site search up to date."""
    guide_search.index(Guide.objects.filter(pk=guide.pk))

"""Editorial steps on guides: address changes, the site-search index, the preview card."""

from django.db import transaction
from django.db.models import QuerySet

from guides import og_card
from guides.figures import annotated_figures, with_figures
from guides.models import Guide, GuideCard, GuideRedirect
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


def guide_card_draw(*, guide: Guide) -> GuideCard:
    """The guide's link-preview card as it should be now: drawn (and stored) only when
    what it shows changed. `guide` needs its figures (guides.figures.with_figures)."""
    content = og_card.card_content(guide, annotated_figures(guide))
    digest = og_card.card_digest(content)
    card = GuideCard.objects.filter(guide=guide, digest=digest).defer("png").first()
    if card is not None:
        return card
    card, _ = GuideCard.objects.update_or_create(
        guide=guide, defaults={"digest": digest, "png": og_card.card_png(content)}
    )
    return card


def guides_card_draw(*, guides: QuerySet[Guide]) -> int:
    """After the guides or any of their parts changed: their cards as they should be now."""
    drawn = 0
    for guide in with_figures(guides):
        guide_card_draw(guide=guide)
        drawn += 1
    return drawn

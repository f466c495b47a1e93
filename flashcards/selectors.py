"""Reads for the deck pages and the guide's interview-prep preview: fixed query counts."""

from django.db.models import Count
from django.shortcuts import get_object_or_404

from careers.core.search import SEARCH_INDEX_FIELDS
from careers.models import Career, skill_prefetch
from flashcards.models import Card, Deck

PREVIEW_SIZE = 3


def live_decks_with_counts() -> list[Deck]:
    """Every live deck with `card_count`, by title (one query)."""
    return list(
        Deck.objects.live()
        .select_related("career")
        .annotate(card_count=Count("cards"))
        .order_by("title")
    )


def deck_for_page(slug: str) -> Deck:
    """The live deck (with its career) and, as `card_list`, its cards in order with their
    skills (three queries), or 404."""
    deck = get_object_or_404(Deck.objects.live().select_related("career"), slug=slug)
    deck.card_list = list(
        deck.cards.defer(*SEARCH_INDEX_FIELDS).prefetch_related(skill_prefetch("skills"))
    )
    return deck


def interview_preview(career: Career) -> tuple[Deck, list[Card]] | None:
    """The career's live deck and its first three cards (one query), or None.

    One deck per career (a database constraint), so the cards all share one deck.
    """
    cards = list(
        Card.objects.filter(deck__in=Deck.objects.live().filter(career=career))
        .defer(*SEARCH_INDEX_FIELDS)
        .select_related("deck")
        .order_by("position", "id")[:PREVIEW_SIZE]
    )
    if not cards:
        return None
    return cards[0].deck, cards


def interview_preview_context(career: Career) -> dict:
    """The guide page's interview-prep section (templates/includes/interview_prep.html)."""
    deck, cards = interview_preview(career) or (None, [])
    return {"preview_deck": deck, "preview_cards": cards}

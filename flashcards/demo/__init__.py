"""Demo decks, one per demo career (flashcards/demo/*.yaml), for `manage.py load_demo`.

A deck is matched by its slug, or by its career (which holds one deck); an
existing deck and its cards are left exactly as an editor left them. A deck
whose career does not exist is skipped (load the careers first).
"""

from pathlib import Path

from django.db.models import Q

from careers.core.demo import DemoLoadResult, demo_files
from careers.core.publishing import Publishable
from careers.models import Career
from flashcards.models import Card, Deck
from flashcards.services import cards_search_index

DEMO_DIR = Path(__file__).parent


def decks_load_demo() -> DemoLoadResult:
    """Create the demo decks (with their cards) that are missing."""
    result = DemoLoadResult(label="decks", model="deck")
    specs = demo_files(DEMO_DIR)
    careers = {c.slug: c for c in Career.objects.filter(slug__in=[s["career"] for s in specs])}
    for spec in specs:
        career = careers.get(spec["career"])
        if career is None:
            result.skipped["deck"] += 1
            continue
        existing = Deck.objects.filter(Q(slug=spec["slug"]) | Q(career=career)).first()
        if existing is not None:
            result.found(existing)
            continue
        deck = result.create(
            Deck(
                career=career,
                title=spec["title"],
                slug=spec["slug"],
                description=spec["description"],
                status=Publishable.Status.PUBLISHED,
            )
        )
        result.create_ordered(Card, spec["cards"], deck=deck)
    cards_search_index(cards=Card.objects.filter(deck__slug__in=[s["slug"] for s in specs]))
    return result

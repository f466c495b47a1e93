"""Demo decks, one per demo career (flashcards/demo/*.yaml), for `manage.py load_demo`.

A deck is matched by its slug, or by its career (which holds one deck); an
existing deck and its cards are left exactly as an editor left them. A deck
whose career does not exist is skipped (load the careers first).
"""

from pathlib import Path

from django.db.models import Q

from careers.core.demo import DemoLoadResult, demo_files
from careers.core.publishing import Publishable
from careers.models import Career, Skill, SkillAlias
from careers.skills import SkillsFromText, skill_matcher
from flashcards.models import Card, Deck
from flashcards.services import cards_search_index

DEMO_DIR = Path(__file__).parent


def decks_load_demo() -> DemoLoadResult:
    """Create the demo decks (with their cards) that are missing."""
    result = DemoLoadResult(label="decks", model="deck")
    specs = demo_files(DEMO_DIR)
    careers = {c.slug: c for c in Career.objects.filter(slug__in=[s["career"] for s in specs])}
    known = SkillsFromText(Skill, SkillAlias).by_name
    matcher = skill_matcher()
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
        cards = result.create_ordered(
            Card,
            [{k: v for k, v in card.items() if k != "tags"} for card in spec["cards"]],
            deck=deck,
        )
        for card, card_spec in zip(cards, spec["cards"], strict=True):
            card.skills.set(_card_skills(card, card_spec.get("tags", ""), known, matcher))
    cards_search_index(cards=Card.objects.filter(deck__slug__in=[s["slug"] for s in specs]))
    return result


def _card_skills(card: Card, tags: str, known: dict, matcher) -> list:
    """The skills a demo card practises: its tags that name a skill (by name or alias), and
    the skills its question and answer name. Tags that name no skill are left out: the
    demo makes no skill of a loose word such as "theory"."""
    tagged = [
        known[tag.strip().casefold()] for tag in tags.split(",") if tag.strip().casefold() in known
    ]
    found = list(matcher.find(f"{card.question}\n{card.answer}"))
    return list(dict.fromkeys([skill.pk for skill in tagged] + found))

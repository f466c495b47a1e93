"""factory_boy factories for decks and cards: a live deck of a new career by default."""

import factory
from factory.django import DjangoModelFactory

from careers.core.publishing import Publishable
from flashcards.models import Card, Deck
from tests.factories import CareerFactory, SkillFactory


class DeckFactory(DjangoModelFactory):
    class Meta:
        model = Deck

    career = factory.SubFactory(CareerFactory)
    title = factory.LazyAttribute(lambda o: f"{o.career.name} Interview Questions")
    slug = factory.Sequence(lambda n: f"deck-{n}")
    description = "Questions interviewers ask, with model answers."
    status = Publishable.Status.PUBLISHED


class CardFactory(DjangoModelFactory):
    class Meta:
        model = Card
        skip_postgeneration_save = True

    deck = factory.SubFactory(DeckFactory)
    position = factory.Sequence(int)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An *answer* with `code`."
    difficulty = Card.Difficulty.INTERMEDIATE

    @factory.post_generation
    def tags(card, create, extracted, **kwargs):
        """`tags="sql, python"`: the skills the card practises, by name."""
        if create and extracted:
            names = [name.strip() for name in extracted.split(",") if name.strip()]
            card.skills.set([SkillFactory(name=name) for name in names])


def deck_with_cards(*, cards: int = 5, **kwargs) -> Deck:
    deck = DeckFactory(**kwargs)
    for _ in range(cards):
        CardFactory(deck=deck)
    return deck

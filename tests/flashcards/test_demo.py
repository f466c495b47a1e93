import pytest

from careers.demo import demo_load
from flashcards.demo import DECKS, decks_load_demo
from flashcards.models import Card, Deck
from flashcards.selectors import interview_preview

pytestmark = pytest.mark.django_db


def test_demo_decks_are_complete():
    assert len(DECKS) == 7
    for spec in DECKS:
        assert len(spec["cards"]) >= (20 if spec["career"] == "machine-learning-engineer" else 8)
    assert [card[0] for card in DECKS[0]["cards"][:3]] == [
        "What math do I need?",
        "Which libraries to focus on?",
        "Do I need to know LLMs?",
    ]


def test_load_creates_every_deck_once_and_never_overwrites():
    demo_load()
    first = decks_load_demo()
    assert first["created"] == 7
    assert Deck.objects.live().count() == 7
    card = Card.objects.get(question="What math do I need?")
    card.answer = "Edited by an editor."
    card.save()
    second = decks_load_demo()
    assert second["created"] == 0
    assert second["skipped"] == 7
    card.refresh_from_db()
    assert card.answer == "Edited by an editor."
    assert Card.objects.count() == sum(len(spec["cards"]) for spec in DECKS)


def test_mle_guide_preview_is_the_reference_questions():
    demo_load()
    decks_load_demo()
    deck = Deck.objects.get(career__slug="machine-learning-engineer")
    assert deck.title == "Machine Learning Interview Questions"
    _, cards = interview_preview(deck.career)
    assert [card.question for card in cards] == [
        "What math do I need?",
        "Which libraries to focus on?",
        "Do I need to know LLMs?",
    ]


def test_decks_without_their_career_are_skipped():
    assert decks_load_demo() == {"skipped": 7}

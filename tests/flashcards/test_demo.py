import pytest

from careers.core.demo import demo_files
from careers.site.demo import demo_load
from flashcards.demo import DEMO_DIR, decks_load_demo
from flashcards.models import Card, Deck
from flashcards.selectors import interview_preview

pytestmark = pytest.mark.django_db

DECKS = demo_files(DEMO_DIR)


def test_demo_decks_are_complete():
    assert len(DECKS) == 7
    for spec in DECKS:
        assert len(spec["cards"]) >= (20 if spec["career"] == "machine-learning-engineer" else 8)
    ml_deck = next(s for s in DECKS if s["career"] == "machine-learning-engineer")
    assert [card["question"] for card in ml_deck["cards"][:3]] == [
        "What math do I need?",
        "Which libraries to focus on?",
        "Do I need to know LLMs?",
    ]


def test_load_creates_every_deck_once_and_never_overwrites():
    demo_load(apps=["careers", "guides"])
    first = decks_load_demo()
    assert first.created["deck"] == 7
    assert Deck.objects.live().count() == 7
    card = Card.objects.get(question="What math do I need?")
    card.answer = "Edited by an editor."
    card.save()
    second = decks_load_demo()
    assert second.created["deck"] == 0
    assert second.skipped["deck"] == 7
    card.refresh_from_db()
    assert card.answer == "Edited by an editor."
    assert Card.objects.count() == sum(len(spec["cards"]) for spec in DECKS)


def test_mle_guide_preview_is_the_reference_questions():
    demo_load(apps=["careers", "guides", "flashcards"])
    deck = Deck.objects.get(career__slug="machine-learning-engineer")
    assert deck.title == "Machine Learning Interview Questions"
    _, cards = interview_preview(deck.career)
    assert [card.question for card in cards] == [
        "What math do I need?",
        "Which libraries to focus on?",
        "Do I need to know LLMs?",
    ]


def test_decks_without_their_career_are_skipped():
    result = decks_load_demo()
    assert (result.created, result.skipped) == ({}, {"deck": 7})

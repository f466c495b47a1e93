import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from flashcards.models import Card, Deck
from tests.flashcards.factories import CardFactory, DeckFactory

pytestmark = pytest.mark.django_db


def test_card_renders_its_answer_on_save():
    card = CardFactory(answer="Use **L2**.\n\n<script>alert(1)</script>")
    assert "<strong>L2</strong>" in card.answer_html
    assert "<script>" not in card.answer_html


def test_urls_and_names():
    card = CardFactory(question="Why?", deck__slug="ml")
    assert str(card) == "Why?"
    assert str(card.deck) == card.deck.title
    assert card.deck.get_absolute_url() == "/flashcards/ml/"
    assert card.get_absolute_url() == f"/flashcards/ml/#card-{card.pk}"


def test_a_card_practises_skills_of_the_hub():
    card = CardFactory(tags="SQL, Python")
    assert sorted(skill.name for skill in card.skills.all()) == ["Python", "SQL"]
    assert list(card.skills.get(name="SQL").cards.all()) == [card]


def test_one_deck_per_career():
    deck = DeckFactory()
    with pytest.raises(IntegrityError):
        DeckFactory(career=deck.career)


def test_a_question_appears_once_per_deck():
    card = CardFactory(question="Same?")
    duplicate = Card(deck=card.deck, position=99, question="Same?", answer="x")
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_publish_window_must_be_ordered():
    deck = DeckFactory.build(
        publish_from=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
        publish_until=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    with pytest.raises(ValidationError):
        deck.clean()


def test_live_hides_drafts():
    live = DeckFactory()
    DeckFactory(status=Deck.Status.DRAFT)
    assert list(Deck.objects.live()) == [live]

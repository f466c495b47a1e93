import pytest

from careers.core.publishing import Publishable
from flashcards.selectors import interview_preview
from tests.factories import CareerFactory
from tests.flashcards.factories import CardFactory, DeckFactory

pytestmark = pytest.mark.django_db


def test_preview_is_the_first_three_cards_in_one_query(django_assert_num_queries):
    deck = DeckFactory()
    cards = [CardFactory(deck=deck, position=position) for position in (5, 1, 3, 2, 4)]
    with django_assert_num_queries(1):
        preview_deck, preview_cards = interview_preview(deck.career)
        assert preview_deck.get_absolute_url() == deck.get_absolute_url()
    assert preview_cards == [cards[1], cards[3], cards[2]]


def test_preview_of_a_small_deck_has_its_cards():
    card = CardFactory()
    assert interview_preview(card.deck.career) == (card.deck, [card])


@pytest.mark.parametrize("status", [Publishable.Status.DRAFT, Publishable.Status.IN_REVIEW])
def test_no_preview_without_a_live_deck(status):
    card = CardFactory(deck__status=status)
    assert interview_preview(card.deck.career) is None
    assert interview_preview(CareerFactory()) is None


def test_no_preview_of_an_empty_deck():
    assert interview_preview(DeckFactory().career) is None


def test_interview_prep_include_renders_the_preview():
    from django.template.loader import render_to_string

    deck = DeckFactory(title="ML Questions")
    CardFactory(deck=deck, question="Why?", answer="Because **so**.")
    preview_deck, preview_cards = interview_preview(deck.career)
    html = render_to_string(
        "includes/interview_prep.html",
        {"preview_deck": preview_deck, "preview_cards": preview_cards},
    )
    assert '<section class="section" id="interview-prep"' in html
    assert '<h2 id="interview-prep-heading">Interview prep preview</h2>' in html
    assert f'href="{deck.get_absolute_url()}">ML Questions</a>' in html
    assert "<summary>Why?</summary>" in html
    assert "<strong>so</strong>" in html
    assert render_to_string("includes/interview_prep.html", {}).strip() == ""

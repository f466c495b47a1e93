"""schema.org JSON-LD for the deck pages: only what the page shows."""

import html

from django.utils.html import strip_tags

from careers.core.web import site_url
from flashcards.models import Card, Deck


def answer_text(card: Card) -> str:
    """The answer as the reader sees it, as plain text."""
    return " ".join(html.unescape(strip_tags(card.answer_html)).split())


def quiz(request, deck: Deck, cards: list[Card]) -> dict:
    """The deck as a flashcard Quiz: every question with its accepted answer."""
    return {
        "@context": "https://schema.org",
        "@type": "Quiz",
        "name": deck.title,
        "description": deck.description,
        "about": {"@type": "Occupation", "name": deck.career.name},
        "url": site_url(deck.get_absolute_url()),
        "hasPart": [
            {
                "@type": "Question",
                "eduQuestionType": "Flashcard",
                "educationalLevel": card.get_difficulty_display(),
                "text": card.question,
                "acceptedAnswer": {"@type": "Answer", "text": answer_text(card)},
            }
            for card in cards
        ],
    }

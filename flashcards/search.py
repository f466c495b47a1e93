"""What site search finds of flashcards: the cards of live decks, by question and answer."""

from django.db.models import QuerySet

from careers.core.search import SearchKind, plain_text
from flashcards.models import Card, Deck


class CardSearch(SearchKind):
    key = "cards"
    label = "Flashcards"
    model = Card
    title_field = "question"

    def queryset(self) -> QuerySet[Card]:
        return Card.objects.filter(deck__in=Deck.objects.live()).select_related("deck")

    def meta(self, card: Card) -> str:
        return f"Interview card · {card.deck.title}"

    def index_queryset(self, cards: QuerySet[Card]) -> QuerySet[Card]:
        return cards.only("pk", "question", "answer_html")

    def text(self, card: Card) -> str:
        return plain_text(card.answer_html)


card_search = CardSearch()

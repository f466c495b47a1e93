"""The decks' section of /sitemap.xml: one query, only the columns it needs."""

from careers.core.sitemaps import LiveSitemap
from flashcards.models import Deck


class DeckSitemap(LiveSitemap):
    model = Deck


SITEMAPS = {"decks": DeckSitemap}

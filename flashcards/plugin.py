"""What the flashcards app brings to the site-wide pages (careers.core.plugins)."""

from careers.core.plugins import ContentPlugin
from flashcards.demo import decks_load_demo
from flashcards.models import Deck
from flashcards.search import card_search
from flashcards.selectors import interview_preview_context
from flashcards.sitemaps import SITEMAPS

PLUGIN = ContentPlugin(
    name="flashcards",
    model=Deck,
    list_url="flashcards:index",
    sitemaps=SITEMAPS,
    search_kind=card_search,
    demo_load=decks_load_demo,
    # The guide page's interview-prep preview.
    career_page=interview_preview_context,
)

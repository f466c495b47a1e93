from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers import structured_data
from careers.cache import reader_cache
from flashcards import selectors, services
from flashcards import structured_data as deck_data
from flashcards.models import Card
from guides.models import Guide


def _index_crumbs():
    return [("Home", reverse("careers:home")), ("Flashcards", reverse("flashcards:index"))]


@reader_cache
@require_safe
def deck_index(request):
    crumbs = _index_crumbs()
    return render(
        request,
        "flashcards/deck_index.html",
        {
            "decks": selectors.live_decks_with_counts(),
            "crumbs": crumbs,
            "structured_data": [structured_data.breadcrumb_list(request, crumbs)],
        },
    )


@reader_cache
@require_safe
def deck_detail(request, slug):
    deck, cards = selectors.deck_for_page(slug)
    crumbs = [*_index_crumbs(), (deck.title, deck.get_absolute_url())]
    guide = Guide.objects.live().filter(career=deck.career).order_by("-edition_year").first()
    counts = dict.fromkeys(Card.Difficulty.values, 0)
    for card in cards:
        counts[card.difficulty] += 1
    difficulties = [
        (value, label, counts[value]) for value, label in Card.Difficulty.choices if counts[value]
    ]
    page_data = [structured_data.breadcrumb_list(request, crumbs)]
    if cards:
        page_data.append(deck_data.quiz(request, deck, cards))
    return render(
        request,
        "flashcards/deck_detail.html",
        {
            "deck": deck,
            "cards": cards,
            "guide": guide,
            "difficulties": difficulties,
            "crumbs": crumbs,
            "structured_data": page_data,
        },
    )


@reader_cache
@require_safe
def deck_export_anki(request, slug):
    """The deck as a file Anki imports: File → Import, then pick this file."""
    deck, cards = selectors.deck_for_page(slug)
    response = HttpResponse(
        services.cards_export_anki(deck=deck, cards=cards),
        content_type="text/plain; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{deck.slug}-anki.txt"'
    return response

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers.core.cache import reader_cache
from careers.core.structured_data import breadcrumb_list
from flashcards import selectors, services
from flashcards.models import Card
from flashcards.structured_data import quiz
from guides.selectors import career_guide


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
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
    )


@reader_cache(query=("skill",))
@require_safe
def deck_detail(request, slug):
    deck = selectors.deck_for_page(slug)
    cards = deck.card_list
    # ?skill=<slug>: practise only the cards of one skill (from a skill's page).
    skill = next(
        (s for card in cards for s in card.skills.all() if s.slug == request.GET.get("skill")),
        None,
    )
    if skill is not None:
        cards = [card for card in cards if skill in card.skills.all()]
    crumbs = [*_index_crumbs(), (deck.title, deck.get_absolute_url())]
    counts = dict.fromkeys(Card.Difficulty.values, 0)
    for card in cards:
        counts[card.difficulty] += 1
    difficulties = [
        (value, label, counts[value]) for value, label in Card.Difficulty.choices if counts[value]
    ]
    page_data = [breadcrumb_list(request, crumbs)]
    if cards:
        page_data.append(quiz(request, deck, cards))
    return render(
        request,
        "flashcards/deck_detail.html",
        {
            "deck": deck,
            "cards": cards,
            "skill": skill,
            "guide": career_guide(deck.career),
            "difficulties": difficulties,
            "crumbs": crumbs,
            "structured_data": page_data,
        },
    )


@reader_cache
@require_safe
def deck_export_anki(request, slug):
    """The deck as a file Anki imports: File → Import, then pick this file."""
    deck = selectors.deck_for_page(slug)
    response = HttpResponse(
        services.cards_export_anki(deck=deck, cards=deck.card_list),
        content_type="text/plain; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{deck.slug}-anki.txt"'
    return response

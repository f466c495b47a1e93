import datetime
import json
import re

import pytest
from django.utils import timezone

from careers.core.publishing import Publishable
from flashcards.models import Card
from tests.factories import GuideFactory
from tests.flashcards.factories import CardFactory, DeckFactory, deck_with_cards

pytestmark = pytest.mark.django_db

INDEX_QUERIES = 1
DETAIL_QUERIES = 4  # deck, cards, their skills, the career's guide


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.mark.parametrize("decks", [1, 4])
def test_index_lists_live_decks_with_counts(client, django_assert_max_num_queries, decks):
    for _ in range(decks):
        deck_with_cards(cards=3)
    DeckFactory(title="Secret draft", status=Publishable.Status.DRAFT)
    with django_assert_max_num_queries(INDEX_QUERIES):
        response = client.get("/flashcards/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("3 cards") == decks
    assert "Secret draft" not in html
    assert html.count("<h1") == 1
    assert {item["@type"] for item in json_ld(html)} == {"BreadcrumbList"}


@pytest.mark.parametrize("cards", [1, 25])
def test_deck_page_query_count_is_fixed(client, django_assert_max_num_queries, cards):
    deck = deck_with_cards(cards=cards)
    GuideFactory(career=deck.career)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(deck.get_absolute_url())
    assert response.status_code == 200
    # The count holds for the whole page: every card is on it.
    html = response.content.decode()
    assert html.count('<summary><span data-role="question">') == cards
    for card in deck.cards.all():
        assert card.question in html


def test_deck_page_lists_questions_with_answers_behind_details(client):
    deck = DeckFactory(title="Data Questions")
    CardFactory(deck=deck, question="What is a join?", answer="It *combines* rows.", tags="sql")
    guide = GuideFactory(career=deck.career)
    html = client.get(deck.get_absolute_url()).content.decode()
    assert "<h1>Data Questions</h1>" in html
    assert '<span data-role="question">What is a join?</span>' in html
    assert "<details" in html
    assert "It <em>combines</em> rows." in html
    assert (
        "Skills this card practises:</span> "
        '<a class="skill-tag" href="/skills/sql/" data-skill="sql">sql</a>' in html
    )
    assert guide.get_absolute_url() in html
    assert f'/flashcards/{deck.slug}/anki.txt"' in html
    assert 'rel="canonical"' in html
    assert 'property="og:title"' in html
    assert "js/flashcards.js" in html
    assert " style=" not in html
    assert "onclick" not in html


def test_quiz_json_ld_matches_the_visible_cards(client):
    deck = DeckFactory()
    CardFactory(deck=deck, question="Q1 & more?", answer="Answer **one** & <two>.")
    CardFactory(deck=deck, question="Q2?", answer="- a\n- b", difficulty=Card.Difficulty.ADVANCED)
    html = client.get(deck.get_absolute_url()).content.decode()
    data = {item["@type"]: item for item in json_ld(html)}
    assert set(data) == {"BreadcrumbList", "Quiz"}
    quiz = data["Quiz"]
    assert quiz["name"] == deck.title
    questions = quiz["hasPart"]
    assert [q["text"] for q in questions] == ["Q1 & more?", "Q2?"]
    assert questions[0]["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "Answer one & <two>.",
    }
    assert questions[1]["acceptedAnswer"]["text"] == "a b"
    assert questions[1]["educationalLevel"] == "Advanced"
    assert [crumb["name"] for crumb in data["BreadcrumbList"]["itemListElement"]] == [
        "Home",
        "Flashcards",
        deck.title,
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Publishable.Status.DRAFT},
        {"status": Publishable.Status.IN_REVIEW},
        {"publish_from": timezone.now() + datetime.timedelta(days=1)},
        {"publish_until": timezone.now() - datetime.timedelta(days=1)},
    ],
)
def test_unpublished_decks_are_404(client, changes):
    deck = deck_with_cards(cards=1, **changes)
    for path in (deck.get_absolute_url(), f"{deck.get_absolute_url()}anki.txt"):
        response = client.get(path)
        assert response.status_code == 404
        assert "We can’t find that page" in response.content.decode()


def test_unknown_slug_is_404(client):
    assert client.get("/flashcards/no-such-deck/").status_code == 404


@pytest.mark.parametrize("query", ["?page=999999999999", "?difficulty=%00%ff", "?q=<script>"])
def test_junk_query_strings_are_ignored(client, query):
    deck = deck_with_cards(cards=2)
    assert client.get("/flashcards/" + query).status_code == 200
    assert client.get(deck.get_absolute_url() + query).status_code == 200


def test_pages_refuse_post(client):
    deck = deck_with_cards(cards=1)
    assert client.post(deck.get_absolute_url()).status_code == 405


def test_empty_deck_page_says_so(client):
    deck = DeckFactory()
    html = client.get(deck.get_absolute_url()).content.decode()
    assert "no cards yet" in html
    assert '"Quiz"' not in html


def test_anki_export_is_a_tab_separated_download(client):
    deck = DeckFactory(title="ML Questions", slug="ml")
    CardFactory(deck=deck, question="A < B?", answer="Yes, *always*.", tags="math, linear algebra")
    response = client.get("/flashcards/ml/anki.txt")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ml-anki.txt"'
    lines = response.content.decode().splitlines()
    assert lines[:5] == [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#deck:ML Questions",
        "#tags column:3",
    ]
    assert lines[5].split("\t") == [
        "A &lt; B?",
        "<p>Yes, <em>always</em>.</p>",
        "linear_algebra math intermediate",
    ]


def test_a_skill_in_the_address_narrows_practice_to_its_cards(client):
    deck = DeckFactory()
    CardFactory(deck=deck, question="What is a join?", tags="SQL")
    CardFactory(deck=deck, question="What is a list comprehension?", tags="Python")
    CardFactory(deck=deck, question="What is an index?", tags="SQL, Python")
    html = client.get(deck.get_absolute_url(), {"skill": "sql"}).content.decode()
    assert "What is a join?" in html
    assert "What is an index?" in html
    assert "What is a list comprehension?" not in html
    assert "Practising SQL" in html
    # An unknown skill shows the whole deck.
    html = client.get(deck.get_absolute_url(), {"skill": "cobol"}).content.decode()
    assert html.count('<summary><span data-role="question">') == 3

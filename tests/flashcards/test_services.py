import csv
import io

import pytest

from careers.core.importing import ImportInvalid
from careers.core.publishing import publish_problems, publishable_status_set
from flashcards.models import Card, Deck
from flashcards.services import cards_export_anki, cards_export_csv, cards_import
from tests.flashcards.factories import CardFactory, DeckFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "question,answer,difficulty,tags\n"
    "What is overfitting?,Fitting *noise*.,beginner,theory\n"
    '"What is a multi-line answer?","Line one.\n\nLine two.",Advanced,"a, b"\n'
    "Why regularise?,To cut variance.,,\n"
)


def upload(text: str, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO(text.encode(encoding))


def test_a_good_file_imports_every_card_in_order():
    deck = DeckFactory()
    CardFactory(deck=deck, position=7)
    cards = cards_import(deck=deck, file=upload(GOOD))
    assert [card.question for card in cards] == [
        "What is overfitting?",
        "What is a multi-line answer?",
        "Why regularise?",
    ]
    stored = list(deck.cards.all())[1:]
    assert [card.position for card in stored] == [8, 9, 10]
    assert [card.difficulty for card in stored] == ["beginner", "advanced", "intermediate"]
    assert stored[0].answer_html == "<p>Fitting <em>noise</em>.</p>"
    assert [skill.name for skill in stored[1].skills.all()] == ["a", "b"]


def test_one_bad_row_is_reported_with_its_line_and_nothing_is_written():
    deck = DeckFactory()
    text = GOOD + "Missing answer?,,beginner,\nLast?,Fine.,beginner,\n"
    with pytest.raises(ImportInvalid) as error:
        cards_import(deck=deck, file=upload(text))
    # The multi-line record takes lines 3–5, so the bad row is on line 7.
    assert [str(e) for e in error.value.errors] == ["Line 7: answer: This field cannot be blank."]
    assert not Card.objects.exists()


def test_every_bad_row_is_reported():
    deck = DeckFactory()
    CardFactory(deck=deck, question="Taken?")
    text = (
        "question,answer,difficulty\n"
        "Taken?,x,beginner\n"
        "Fine?,x,expert\n"
        "Twice?,x,\n"
        "Twice?,x,\n"
        f"{'Q' * 301},x,\n"
        "a,b,c,d,e\n"
    )
    with pytest.raises(ImportInvalid) as error:
        cards_import(deck=deck, file=upload(text))
    assert [(e.line, e.message[:30]) for e in error.value.errors] == [
        (2, "The deck already has this ques"),
        (3, "Unknown difficulty “expert”: u"),
        (5, "The same question is on line 4"),
        (6, "question: Ensure this value ha"),
        (7, "5 values, but the header names"),
    ]
    assert deck.cards.count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Line 1: The header row must name"),
        ("front,back\nq,a\n", "Line 1: The header row must name"),
        ("question,answer\n", "The file has a header row but no cards."),
    ],
)
def test_bad_files_are_refused(text, message):
    with pytest.raises(ImportInvalid) as error:
        cards_import(deck=DeckFactory(), file=upload(text))
    assert str(error.value).startswith(message)


def test_a_file_that_is_not_utf8_is_refused():
    with pytest.raises(ImportInvalid, match="not UTF-8"):
        cards_import(deck=DeckFactory(), file=io.BytesIO(b"question,answer\n\xff\xfe,x\n"))


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_tab_and_semicolon_files_import(delimiter):
    text = "\ufeff" + delimiter.join(["Question", "Answer"]) + "\n" + delimiter.join(["Q?", "A."])
    cards = cards_import(deck=DeckFactory(), file=upload(text))
    assert [(card.question, card.answer) for card in cards] == [("Q?", "A.")]


def test_export_round_trips_through_import():
    source = DeckFactory()
    CardFactory(deck=source, question="One, two?", answer="Yes.\n\n- a", tags="x, y")
    CardFactory(deck=source, question='Say "hi"?', difficulty=Card.Difficulty.BEGINNER)
    target = DeckFactory()
    cards_import(deck=target, file=io.StringIO(cards_export_csv(deck=source)))
    fields = ["question", "answer", "difficulty"]
    assert list(target.cards.values_list(*fields)) == list(source.cards.values_list(*fields))

    def skills(deck):
        return [[skill.pk for skill in card.skills.all()] for card in deck.cards.all()]

    assert skills(target) == skills(source)  # the same skills, none made twice


def test_publishing_needs_a_card_and_a_description():
    deck = DeckFactory(status=Deck.Status.DRAFT, description=" ")
    assert publish_problems(deck, part_counts={"cards": 0}) == [
        "add at least one card",
        "write a description",
    ]
    assert publishable_status_set(item=deck, status="published") != []
    deck.refresh_from_db()
    assert deck.status == "draft"


def test_publishing_a_complete_deck():
    card = CardFactory(deck__status="draft")
    assert publishable_status_set(item=card.deck, status="published") == []
    card.deck.refresh_from_db()
    assert card.deck.status == "published"


@pytest.mark.parametrize(
    "text",
    [
        "question,answer,tags\nWhat is\x00SQL?,A language.,sql\n",
        "question,answer,tags\nWhat is SQL?,A language.,sq\x00l\n",
    ],
)
def test_a_nul_character_is_refused_with_its_line(text):
    deck = DeckFactory()
    with pytest.raises(ImportInvalid) as refused:
        cards_import(deck=deck, file=upload(text))
    assert [str(error) for error in refused.value.errors] == [
        "Line 2: This line contains a NUL character (\\0), which cannot be stored; remove it."
    ]
    assert deck.cards.count() == 0


FORMULAS = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\r\nCR"]


def test_the_csv_export_keeps_spreadsheets_from_running_formulas():
    deck = DeckFactory()
    for number, text in enumerate(FORMULAS):
        CardFactory(deck=deck, question=f"{text} #{number}", answer=text, tags="")
    CardFactory(deck=deck, question="A plain question?", answer="It's 'quoted' = fine.")
    rows = list(csv.reader(io.StringIO(cards_export_csv(deck=deck), newline="")))[1:]
    for question, answer, _, _ in rows:
        for cell in (question, answer):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[-1][:2] == ["A plain question?", "It's 'quoted' = fine."]
    assert rows[0][0] == '\'=HYPERLINK("https://evil.example") #0'


def test_a_guarded_export_round_trips_and_the_anki_export_keeps_text_as_it_is():
    source = DeckFactory()
    for number, text in enumerate(["=1+1", "+44 20", "-1 is negative", "@home", "'quoted"]):
        CardFactory(deck=source, question=f"{text} #{number}", answer=text, tags="")
    target = DeckFactory()
    cards_import(deck=target, file=io.StringIO(cards_export_csv(deck=source)))
    fields = ["question", "answer"]
    assert list(target.cards.values_list(*fields)) == list(source.cards.values_list(*fields))
    anki = cards_export_anki(deck=source)
    assert "=1+1 #0\t" in anki
    assert "'=1+1" not in anki

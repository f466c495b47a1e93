"""Bulk import and export of a deck's cards, and the cards' search index.

The import file is CSV (comma, semicolon or tab separated, UTF-8) with a header row:
`question,answer[,difficulty][,tags]`, where tags name the skills a card practises
(careers.Skill: found by name in any case, created when new). It goes through the
one all-or-nothing row importer (careers.core.importing): every row is checked
before anything is written, and each bad row is reported with its line number.
"""

import csv
import io
from typing import IO

from django.db.models import Max, QuerySet
from django.utils.html import escape

from careers.core.importing import (
    ImportInvalid,
    RowError,
    csv_delimiter,
    csv_row,
    csv_table,
    read_text,
    rows_import,
    spreadsheet_cell,
    spreadsheet_value,
)
from careers.models import Skill
from careers.skills import SkillsFromText
from flashcards.models import Card, Deck
from flashcards.search import card_search

IMPORT_COLUMNS = ("question", "answer", "difficulty", "tags")
REQUIRED_COLUMNS = ("question", "answer")
MAX_IMPORT_ROWS = 1000
_DIFFICULTIES = {
    **{value: value for value in Card.Difficulty.values},
    **{label.lower(): value for value, label in Card.Difficulty.choices},
}


def _header(cells: list[str]) -> list[str]:
    header = [name.strip().lower() for name in cells]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in IMPORT_COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s): {', '.join(unknown)}")
        raise ImportInvalid(
            [
                RowError(
                    1,
                    f"The header row must name the columns {', '.join(IMPORT_COLUMNS)} "
                    f"(difficulty and tags are optional); {'; '.join(problems)}.",
                )
            ]
        )
    return header


def cards_import(*, deck: Deck, file: IO) -> list[Card]:
    """Append the file's cards to the deck, in file order, all or nothing.

    Raises ImportInvalid listing every bad row (line number and reason).
    """
    text = read_text(file.read())
    cells, records = csv_table(text, delimiter=csv_delimiter(text))
    header = _header(cells)
    existing = set(deck.cards.values_list("question", flat=True))
    next_position = (deck.cards.aggregate(last=Max("position"))["last"] or 0) + 1
    seen: dict[str, int] = {}

    def build(line: int, record: list[str]) -> Card:
        values = {name: spreadsheet_value(cell) for name, cell in csv_row(header, record).items()}
        difficulty_text = values.get("difficulty", "").lower()
        difficulty = _DIFFICULTIES.get(difficulty_text or Card.Difficulty.INTERMEDIATE)
        if difficulty is None:
            raise ValueError(
                f"Unknown difficulty “{values['difficulty']}”: use beginner, intermediate "
                f"or advanced."
            )
        card = Card(
            deck=deck,
            position=next_position + len(seen),
            question=values.get("question", ""),
            answer=values.get("answer", ""),
            difficulty=difficulty,
        )
        card.skill_names = [tag.strip() for tag in values.get("tags", "").split(",") if tag.strip()]
        # Uniqueness is checked here against the deck and the file, without a query a row.
        card.full_clean(validate_constraints=False)
        if card.question in existing:
            raise ValueError("The deck already has this question.")
        if card.question in seen:
            raise ValueError(f"The same question is on line {seen[card.question]} already.")
        seen[card.question] = line
        return card

    def write(cards: list[Card]) -> list[Card]:
        skills = SkillsFromText(Skill)
        for card in cards:
            card.save()
            card.skills.set(
                [
                    skills.skill(name, where="import", with_note=False)[0]
                    for name in card.skill_names
                ]
            )
        cards_search_index(cards=Card.objects.filter(pk__in=[card.pk for card in cards]))
        return cards

    return rows_import(
        rows=records,
        build=build,
        write=write,
        noun="cards",
        max_rows=MAX_IMPORT_ROWS,
        empty="The file has a header row but no cards.",
    )


def cards_export_csv(*, deck: Deck) -> str:
    """The deck's cards in the import format (Markdown answers), so a file round-trips.

    For spreadsheets: a cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR)
    gets a leading `'`, which the import takes off again.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(IMPORT_COLUMNS)
    for card in deck.cards.prefetch_related("skills"):
        tags = ", ".join(skill.name for skill in card.skills.all())
        cells = [card.question, card.answer, card.difficulty, tags]
        writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return out.getvalue()


def _anki_tag(text: str) -> str:
    return "_".join(text.split())


def cards_export_anki(*, deck: Deck, cards: list[Card] | None = None) -> str:
    """Tab-separated front/back/tags for Anki's File → Import, answers as HTML.

    The `#` header lines tell Anki 2.1.55+ the separator, that fields hold HTML, the
    note type, the deck name and which column holds tags; older versions ask instead.
    """
    cards = list(deck.cards.prefetch_related("skills")) if cards is None else cards
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#notetype:Basic\n")
    out.write(f"#deck:{' '.join(deck.title.split())}\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for card in cards:
        tags = [_anki_tag(skill.name) for skill in card.skills.all()] + [card.difficulty]
        writer.writerow([escape(card.question), card.answer_html, " ".join(tags)])
    return out.getvalue()


def cards_search_index(*, cards: QuerySet[Card]) -> int:
    """Rebuild the site-search index of these cards; returns how many."""
    return card_search.index(cards)


def deck_cards_search_index(*, deck: Deck) -> int:
    """After a deck's cards changed (admin, import): keep site search up to date."""
    return cards_search_index(cards=deck.cards.all())

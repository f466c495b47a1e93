"""Bulk import and export of a deck's cards.

The import file is CSV (comma, semicolon or tab separated, UTF-8) with a header row:
`question,answer[,difficulty][,tags]`. Every row is checked before anything is written;
one bad row and nothing is written, and each bad row is reported with its line number.
"""

import csv
import io
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max, QuerySet
from django.utils.html import escape

from careers.search import plain_text, search_vector
from careers.services import publishable_status_set
from flashcards.models import Card, Deck

IMPORT_COLUMNS = ("question", "answer", "difficulty", "tags")
REQUIRED_COLUMNS = ("question", "answer")
MAX_IMPORT_ROWS = 1000
_DIFFICULTIES = {
    **{value: value for value in Card.Difficulty.values},
    **{label.lower(): value for value, label in Card.Difficulty.choices},
}


@dataclass(frozen=True)
class RowError:
    """Why one line of an import file was refused. Line 0 means the file as a whole."""

    line: int
    message: str

    def __str__(self):
        return f"Line {self.line}: {self.message}" if self.line else self.message


class CardImportError(Exception):
    """The file had bad rows; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


def _read_text(file: IO) -> str:
    data = file.read()
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CardImportError(
                [RowError(0, "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]
            ) from error
    return data.removeprefix("\ufeff")


def _delimiter(text: str) -> str:
    """Tab, semicolon or comma: whichever the header row uses (spreadsheets differ)."""
    header = text.split("\n", 1)[0]
    for delimiter in ("\t", ";"):
        if delimiter in header and "," not in header:
            return delimiter
    return ","


def _message(error: ValidationError) -> str:
    return " ".join(
        f"{field}: {message}" if field != "__all__" else message
        for field, messages in error.message_dict.items()
        for message in messages
    )


def cards_import(*, deck: Deck, file: IO) -> list[Card]:
    """Append the file's cards to the deck, in file order, all or nothing.

    Raises CardImportError listing every bad row (line number and reason).
    """
    text = _read_text(file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    errors: list[RowError] = []
    try:
        header = [name.strip().lower() for name in next(reader, [])]
    except csv.Error as error:
        raise CardImportError([RowError(1, f"Unreadable header row ({error}).")]) from error
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in IMPORT_COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s): {', '.join(unknown)}")
        raise CardImportError(
            [
                RowError(
                    1,
                    f"The header row must name the columns {', '.join(IMPORT_COLUMNS)} "
                    f"(difficulty and tags are optional); {'; '.join(problems)}.",
                )
            ]
        )

    existing = set(deck.cards.values_list("question", flat=True))
    next_position = (deck.cards.aggregate(last=Max("position"))["last"] or 0) + 1
    seen: dict[str, int] = {}
    cards: list[Card] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(start, f"This line cannot be read as CSV ({error})."))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank lines are not cards
        if len(cards) + len(errors) >= MAX_IMPORT_ROWS:
            errors.append(RowError(start, f"A file may hold at most {MAX_IMPORT_ROWS} cards."))
            break
        if len(row) > len(header):
            errors.append(
                RowError(start, f"{len(row)} values, but the header names {len(header)} columns.")
            )
            continue
        values = dict(zip(header, (cell.strip() for cell in row), strict=False))
        difficulty_text = values.get("difficulty", "").lower()
        difficulty = _DIFFICULTIES.get(difficulty_text or Card.Difficulty.INTERMEDIATE)
        if difficulty is None:
            errors.append(
                RowError(
                    start,
                    f"Unknown difficulty “{values['difficulty']}”: use beginner, intermediate "
                    f"or advanced.",
                )
            )
            continue
        card = Card(
            deck=deck,
            position=next_position + len(cards),
            question=values.get("question", ""),
            answer=values.get("answer", ""),
            difficulty=difficulty,
            tags=", ".join(tag.strip() for tag in values.get("tags", "").split(",") if tag.strip()),
        )
        try:
            # Uniqueness is checked below against the deck and the file, without a query a row.
            card.full_clean(validate_constraints=False)
        except ValidationError as error:
            errors.append(RowError(start, _message(error)))
            continue
        if card.question in existing:
            errors.append(RowError(start, "The deck already has this question."))
            continue
        if card.question in seen:
            errors.append(
                RowError(start, f"The same question is on line {seen[card.question]} already.")
            )
            continue
        seen[card.question] = start
        cards.append(card)

    if errors:
        raise CardImportError(errors)
    if not cards:
        raise CardImportError([RowError(0, "The file has a header row but no cards.")])
    with transaction.atomic():
        for card in cards:
            card.save()
        cards_search_index(cards=Card.objects.filter(pk__in=[card.pk for card in cards]))
    return cards


def cards_export_csv(*, deck: Deck) -> str:
    """The deck's cards in the import format (Markdown answers), so a file round-trips."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(IMPORT_COLUMNS)
    for card in deck.cards.all():
        writer.writerow([card.question, card.answer, card.difficulty, card.tags])
    return out.getvalue()


def _anki_tag(text: str) -> str:
    return "_".join(text.split())


def cards_export_anki(*, deck: Deck, cards: list[Card] | None = None) -> str:
    """Tab-separated front/back/tags for Anki's File → Import, answers as HTML.

    The `#` header lines tell Anki 2.1.55+ the separator, that fields hold HTML, the
    note type, the deck name and which column holds tags; older versions ask instead.
    """
    cards = list(deck.cards.all()) if cards is None else cards
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#notetype:Basic\n")
    out.write(f"#deck:{' '.join(deck.title.split())}\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for card in cards:
        tags = [_anki_tag(tag) for tag in card.tag_list] + [card.difficulty]
        writer.writerow([escape(card.question), card.answer_html, " ".join(tags)])
    return out.getvalue()


def deck_publish_problems(*, deck: Deck, card_count: int) -> list[str]:
    """Why a deck may not go live, in words an editor can act on (empty: it may)."""
    problems = []
    if card_count < 1:
        problems.append("add at least one card")
    if not deck.description.strip():
        problems.append("write a description")
    return problems


def deck_status_set(*, deck: Deck, status: str) -> list[str]:
    """Move a deck to `status`; publishing checks the rules first. Returns the problems."""
    return publishable_status_set(
        item=deck,
        status=status,
        publish_problems=lambda: deck_publish_problems(deck=deck, card_count=deck.cards.count()),
    )


def cards_search_index(*, cards: QuerySet[Card]) -> int:
    """Rebuild the stored search text (the answer as plain text) of these cards, and on
    PostgreSQL their search vector (question A, answer B). Returns how many cards."""
    cards = list(cards.order_by().only("pk", "answer_html"))
    for card in cards:
        card.search_text = plain_text(card.answer_html)
    Card.objects.bulk_update(cards, ["search_text"], batch_size=500)
    if cards and connection.vendor == "postgresql":
        # A separate UPDATE: in the one that sets search_text, the old text would be read.
        Card.objects.filter(pk__in=[card.pk for card in cards]).update(
            search_vector=search_vector("question")
        )
    return len(cards)


def deck_cards_search_index(*, deck: Deck) -> int:
    """After a deck's cards changed (admin, import): keep site search up to date."""
    return cards_search_index(cards=deck.cards.all())

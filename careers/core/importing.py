"""The one all-or-nothing row importer every bulk import goes through.

An import reads a file into numbered rows, builds an object from each row
(refusing a bad row with a reason), and writes only when every row passed, in
one transaction. A refused file writes nothing, and every problem is reported
with its line, so an editor can fix them all in one go.

Hostile files get the same answer as broken ones: a NUL character or text that
is not Unicode (which PostgreSQL cannot store), JSON nested deeper than any
import needs (which would exhaust Python's stack) and files over their size or
row limits are refused with the line, never a server error. Each import states
its limits (jobs/IMPORT_FORMAT.md, the card import's form).

CSV written for spreadsheets goes through `spreadsheet_cell`, which keeps a cell
from being read as a formula (OWASP "CSV injection"); `spreadsheet_value` takes
that guard off again on import, so an exported file round-trips.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction

T = TypeVar("T")
R = TypeVar("R")
Row = Mapping[str, object]


@dataclass(frozen=True)
class RowError:
    """Why one line of an import file was refused. Line 0 means the file as a whole."""

    line: int
    message: str

    def __str__(self):
        return f"Line {self.line}: {self.message}" if self.line else self.message


class ImportInvalid(Exception):
    """The file had bad rows, or could not be read; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def validation_message(error: ValidationError) -> str:
    """A model's validation errors as one line: "field: message; other: message"."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


NUL_MESSAGE = "contains a NUL character (\\0), which cannot be stored; remove it"


def read_text(data: bytes | str) -> str:
    """The file as text: UTF-8, with or without a byte-order mark, and without NULs."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ImportInvalid(
                [RowError(line, "The file is not UTF-8 text. Save it as UTF-8 and try again.")]
            ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise ImportInvalid([RowError(line, f"This line {NUL_MESSAGE}.")])
    return text


# A JSON string (skipped whole, escapes included) or a bracket.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def json_nesting_check(text: str, *, limit: int) -> None:
    """Refuse JSON nested more than `limit` levels deep, before any parser recurses into it
    (`[` repeated 100,000 times would exhaust Python's stack)."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        piece = match.group()
        if piece in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, match.start()) + 1
                raise ImportInvalid(
                    [RowError(line, f"The JSON is nested more than {limit} levels deep here.")]
                )
        elif piece in "]}":
            depth -= 1


def unstorable_text(value) -> str | None:
    """Why a row's value cannot be stored as text (a NUL, a lone surrogate), or None."""
    if isinstance(value, str):
        if "\x00" in value:
            return NUL_MESSAGE
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains text that is not valid Unicode (a lone surrogate); remove it"
        return None
    if isinstance(value, Mapping):
        parts = [*value.keys(), *value.values()]
    elif isinstance(value, list | tuple):
        parts = value
    else:
        return None
    return next((problem for part in parts if (problem := unstorable_text(part))), None)


# A cell a spreadsheet would run as a formula starts with one of these (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading `'` before a formula character."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def spreadsheet_value(cell: str) -> str:
    """The value `spreadsheet_cell` guarded: our `'` taken off again on import (a `'` is
    only ours when a formula character follows it)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def csv_delimiter(text: str) -> str:
    """Tab, semicolon or comma: whichever the header row uses (spreadsheets differ)."""
    header = text.split("\n", 1)[0]
    for delimiter in ("\t", ";"):
        if delimiter in header and "," not in header:
            return delimiter
    return ","


def csv_table(text: str, *, delimiter: str = ",") -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header row, and (line the record starts on, its cells) for every other record.

    Blank records are left out; a record may span lines (a quoted newline). A
    record that cannot be read as CSV stops the reading with its line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, [])
    except csv.Error as error:
        raise ImportInvalid([RowError(1, f"The header row cannot be read ({error}).")]) from None
    records: list[tuple[int, list[str]]] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportInvalid(
                [RowError(start, f"This line cannot be read as CSV ({error}).")]
            ) from None
        line = reader.line_num
        if any(cell.strip() for cell in cells):
            records.append((start, cells))
    return header, records


def csv_row(header: list[str], cells: list[str]) -> dict[str, str]:
    """One record's cells by column name; more cells than columns is refused."""
    if len(cells) > len(header):
        raise ValueError(f"{len(cells)} values, but the header names {len(header)} columns.")
    return dict(zip(header, (cell.strip() for cell in cells), strict=False))


def rows_import(
    *,
    rows: Iterable[tuple[int, T]],
    build: Callable[[int, T], R | None],
    write: Callable[[list[R]], object],
    noun: str,
    max_rows: int,
    empty: str = "",
):
    """Build every row, then write them all in one transaction, or write nothing.

    `build(line, row)` turns one row into what `write` needs, or refuses it by raising
    ValueError or ValidationError (None skips a row). Every refusal is collected
    with its line; if there is any, ImportInvalid lists them all and `write`
    is never called. A file without rows is refused too (`empty` says so in the
    file's own terms). Returns what `write` returns.
    """
    built: list[R] = []
    errors: list[RowError] = []
    for line, row in rows:
        if len(built) + len(errors) >= max_rows:
            errors.append(RowError(line, f"A file may hold at most {max_rows} {noun}."))
            break
        problem = unstorable_text(row)
        if problem:
            errors.append(RowError(line, f"This row {problem}."))
            continue
        try:
            item = build(line, row)
        except ValueError as error:
            errors.append(RowError(line, str(error)))
        except ValidationError as error:
            errors.append(RowError(line, validation_message(error)))
        else:
            if item is not None:
                built.append(item)
    if errors:
        raise ImportInvalid(errors)
    if not built:
        empty = empty or f"The file holds no {noun}; nothing was imported."
        raise ImportInvalid([RowError(0, empty)])
    with transaction.atomic():
        return write(built)

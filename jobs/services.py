"""Writes that span models: importing a feed of listings, expiring listings.

The import checks every row before it writes anything, then writes in one
transaction: a bad file changes nothing, and the same file twice changes
nothing the second time. See jobs/IMPORT_FORMAT.md for the file format.
"""

import csv
import datetime
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from careers.models import Career, Period
from careers.search import join_text, plain_text, search_vector
from jobs.models import Company, JobListing

# Columns a row may have; the first group is required.
REQUIRED_COLUMNS = (
    "external_id",
    "title",
    "company",
    "company_website",
    "career",
    "description",
    "apply_url",
    "valid_through",
)
OPTIONAL_COLUMNS = (
    "city",
    "region",
    "country",
    "workplace_type",
    "remote_countries",
    "employment_type",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "posted_on",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# The listing fields an import sets; a row that would change none of them is "unchanged".
IMPORTED_FIELDS = (
    "title",
    "company_id",
    "career_id",
    "description",
    "apply_url",
    "valid_through",
    "city",
    "region",
    "country",
    "workplace_type",
    "remote_countries",
    "employment_type",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "posted_on",
    "status",
)

MAX_FEED_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self):
        return f"line {self.line}: {self.reason}"


class FeedInvalid(Exception):
    """The feed has bad rows (or cannot be read at all); nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass(frozen=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    expired: int = 0

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.expired} expired"
        )


Row = tuple[int, Mapping[str, object]]


# Reading a file -----------------------------------------------------------------------------


def jobs_feed_rows(*, content: bytes, file_format: str) -> list[Row]:
    """(line number, row) pairs from a JSON array of objects or a CSV file with a header."""
    if len(content) > MAX_FEED_BYTES:
        raise FeedInvalid([RowError(1, f"The file is over {MAX_FEED_BYTES // 2**20} MB.")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise FeedInvalid([RowError(line, "The file is not UTF-8 text.")]) from None
    if file_format == "json":
        return _json_rows(text)
    if file_format == "csv":
        return _csv_rows(text)
    raise FeedInvalid([RowError(1, f"Unknown format {file_format!r}: use json or csv.")])


def feed_format(filename: str) -> str:
    """ "feed.json" -> "json"; anything else by its extension ("csv"), or ""."""
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _json_rows(text: str) -> list[Row]:
    """Each object of the top-level array with the line it starts on."""
    decoder = json.JSONDecoder()
    whitespace = re.compile(r"\s*")
    index = whitespace.match(text, 0).end()
    if not text.startswith("[", index):
        raise FeedInvalid([RowError(_line_of(text, index), "A JSON feed is an array: [{…}, …].")])
    index = whitespace.match(text, index + 1).end()
    rows: list[Row] = []
    if text.startswith("]", index):
        return rows
    while True:
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            raise FeedInvalid([RowError(error.lineno, f"Not valid JSON: {error.msg}.")]) from None
        line = _line_of(text, index)
        if not isinstance(value, dict):
            raise FeedInvalid([RowError(line, "Each listing is a JSON object: {…}.")])
        rows.append((line, value))
        index = whitespace.match(text, end).end()
        if text.startswith(",", index):
            index = whitespace.match(text, index + 1).end()
        elif text.startswith("]", index):
            break
        else:
            raise FeedInvalid([RowError(_line_of(text, index), "Expected “,” or “]”.")])
    if whitespace.match(text, index + 1).end() != len(text):
        raise FeedInvalid([RowError(_line_of(text, index + 1), "Text after the closing “]”.")])
    return rows


def _csv_rows(text: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    try:
        if not reader.fieldnames:
            raise FeedInvalid([RowError(1, "The CSV file is empty: it needs a header row.")])
        last_line = reader.line_num
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            if None in row:
                raise FeedInvalid([RowError(line, "The row has more values than the header.")])
            rows.append((line, row))
    except csv.Error as error:
        raise FeedInvalid([RowError(reader.line_num, f"Not valid CSV: {error}.")]) from None
    return rows


# Checking and writing -----------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected text or a number")
    return str(value).strip()


def _choice(value: str, choices, default: str, column: str) -> str:
    if not value:
        return default
    normalised = value.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"onsite": "on_site", "fulltime": "full_time", "parttime": "part_time"}
    normalised = aliases.get(normalised, normalised)
    if normalised not in choices.values:
        raise ValueError(f"{column} must be one of {', '.join(choices.values)}, not {value!r}")
    return normalised


def _int_or_none(value: str, column: str) -> int | None:
    if not value:
        return None
    try:
        number = int(value.replace(",", "").replace("_", ""))
    except ValueError:
        raise ValueError(f"{column} must be a whole number, not {value!r}") from None
    if number < 0:
        raise ValueError(f"{column} must not be negative")
    return number


def _date_or_none(value: str, column: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column} must be a date like 2026-03-31, not {value!r}") from None


def _country_list(value) -> str:
    if isinstance(value, list):
        codes = [_text(code) for code in value]
    else:
        codes = re.split(r"[\s,;]+", _text(value))
    return ",".join(code.upper() for code in codes if code)


def _snapshot(listing: JobListing) -> tuple:
    return tuple(getattr(listing, field) for field in IMPORTED_FIELDS)


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def jobs_import(
    *, rows: Iterable[Row], source: str, today: datetime.date | None = None
) -> ImportResult:
    """Upsert a source's whole feed by (source, external_id); expire what vanished from it.

    Every row is checked first; if any is bad, FeedInvalid lists them all and
    nothing is written. Then all writes happen in one transaction.
    """
    source = source.strip()
    today = today or timezone.localdate()
    rows = list(rows)
    if not source or len(source) > 60:
        raise FeedInvalid([RowError(1, "Give the feed's source name (up to 60 characters).")])
    if not rows:
        raise FeedInvalid([RowError(1, "The feed has no listings; nothing to import.")])

    careers = {career.slug: career for career in Career.objects.all()}
    companies = {company.name: company for company in Company.objects.all()}
    existing = {
        listing.external_id: listing for listing in JobListing.objects.filter(source=source)
    }
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    new_companies: dict[str, Company] = {}
    to_save: list[tuple[JobListing, Company]] = []
    unchanged = 0

    for line, raw in rows:
        try:
            unknown = sorted(str(key) for key in raw if key not in COLUMNS)
            if unknown:
                raise ValueError(f"unknown column(s): {', '.join(unknown)}")
            values = {
                column: (
                    _country_list(raw.get(column))
                    if column == "remote_countries"
                    else _text(raw.get(column))
                )
                for column in COLUMNS
            }
            missing = [column for column in REQUIRED_COLUMNS if not values[column]]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            external_id = values["external_id"]
            if external_id in seen:
                raise ValueError(f"external_id {external_id!r} is also on line {seen[external_id]}")
            seen[external_id] = line
            career = careers.get(values["career"])
            if career is None:
                raise ValueError(f"no career with the slug {values['career']!r}")
            company = companies.get(values["company"]) or new_companies.get(values["company"])
            if company is None:
                company = Company(name=values["company"], website=values["company_website"])
                company.full_clean()
                new_companies[company.name] = company
            listing = existing.get(external_id) or JobListing(
                source=source, external_id=external_id, status=JobListing.Status.PUBLISHED
            )
            before = _snapshot(listing) if listing.pk else None
            listing.title = values["title"]
            listing.company = company
            listing.career = career
            listing.description = values["description"]
            listing.apply_url = values["apply_url"]
            listing.valid_through = _date_or_none(values["valid_through"], "valid_through")
            listing.city = values["city"]
            listing.region = values["region"]
            listing.country = values["country"].upper()
            listing.workplace_type = _choice(
                values["workplace_type"],
                JobListing.WorkplaceType,
                JobListing.WorkplaceType.ON_SITE,
                "workplace_type",
            )
            listing.remote_countries = values["remote_countries"]
            listing.employment_type = _choice(
                values["employment_type"],
                JobListing.EmploymentType,
                JobListing.EmploymentType.FULL_TIME,
                "employment_type",
            )
            listing.salary_min = _int_or_none(values["salary_min"], "salary_min")
            listing.salary_max = _int_or_none(values["salary_max"], "salary_max")
            listing.salary_currency = values["salary_currency"].upper() or "USD"
            listing.salary_period = _choice(
                values["salary_period"], Period, Period.YEAR, "salary_period"
            )
            posted_on = _date_or_none(values["posted_on"], "posted_on")
            # A row without a date keeps the date it was first imported on.
            listing.posted_on = posted_on or (listing.posted_on if listing.pk else today)
            if listing.status == JobListing.Status.EXPIRED:
                listing.status = JobListing.Status.PUBLISHED  # back in the feed: open again
            listing.full_clean(exclude=["company"] if company.pk is None else None)
        except ValueError as error:
            errors.append(RowError(line, str(error)))
            continue
        except ValidationError as error:
            errors.append(RowError(line, _messages(error)))
            continue
        if before is not None and before == _snapshot(listing):
            unchanged += 1
        else:
            to_save.append((listing, company))

    if errors:
        raise FeedInvalid(errors)

    with transaction.atomic():
        for company in new_companies.values():
            company.save()
        created = updated = 0
        for listing, company in to_save:
            listing.company = company  # now saved, with its id
            if listing.pk is None:
                created += 1
            else:
                updated += 1
            listing.save()
        jobs_search_index(
            listings=JobListing.objects.filter(pk__in=[saved.pk for saved, _ in to_save])
        )
        expired = jobs_expire(
            listings=JobListing.objects.filter(
                source=source, status=JobListing.Status.PUBLISHED
            ).exclude(external_id__in=seen)
        )
    return ImportResult(created=created, updated=updated, unchanged=unchanged, expired=expired)


def jobs_expire(*, listings: QuerySet[JobListing]) -> int:
    """Take listings down as expired (readers get a 410); returns how many changed."""
    return listings.exclude(status=JobListing.Status.EXPIRED).update(
        status=JobListing.Status.EXPIRED, updated_at=timezone.now()
    )


def listing_search_text(*, listing: JobListing) -> str:
    """What site search reads of a listing besides its title: company, place, description."""
    return join_text(
        listing.company.name, listing.location_display, plain_text(listing.description_html)
    )


def jobs_search_index(*, listings: QuerySet[JobListing]) -> int:
    """Rebuild the stored search text of these listings, and on PostgreSQL their search
    vector (title A, the rest B). Returns how many listings."""
    listings = list(listings.order_by().select_related("company"))
    for listing in listings:
        listing.search_text = listing_search_text(listing=listing)
    JobListing.objects.bulk_update(listings, ["search_text"], batch_size=500)
    if listings and connection.vendor == "postgresql":
        # A separate UPDATE: in the one that sets search_text, the old text would be read.
        JobListing.objects.filter(pk__in=[listing.pk for listing in listings]).update(
            search_vector=search_vector("title")
        )
    return len(listings)

"""Writes that span models: importing a feed of listings, expiring listings.

The import checks every row before it writes anything, then writes in one
transaction (careers.core.importing): a bad file changes nothing, and the same
file twice changes nothing the second time. See jobs/IMPORT_FORMAT.md for the
file format.
"""

import datetime
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from careers.core.bulk import rows_update
from careers.core.importing import (
    ImportInvalid,
    RowError,
    csv_row,
    csv_table,
    json_nesting_check,
    read_text,
    rows_import,
)
from careers.models import Career, Period
from careers.skills import skill_matcher
from jobs.models import Company, JobListing, ListingSkill, render_description
from jobs.search import listing_search

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
    "description_format",
    "job_source_id",
)

# Limits a feed is held to (jobs/IMPORT_FORMAT.md): a bigger or deeper file is refused.
MAX_FEED_BYTES = 10 * 1024 * 1024
# The feed's array, a listing's object, a list of country codes: nothing is deeper.
MAX_JSON_NESTING = 3


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
ROW_NOUN = "listings"
MAX_FEED_ROWS = 20_000


# Reading a file -----------------------------------------------------------------------------


def jobs_feed_rows(*, content: bytes, file_format: str) -> list[Row]:
    """(line number, row) pairs from a JSON array of objects or a CSV file with a header."""
    if len(content) > MAX_FEED_BYTES:
        raise ImportInvalid([RowError(1, f"The file is over {MAX_FEED_BYTES // 2**20} MB.")])
    text = read_text(content)
    if file_format == "json":
        return _json_rows(text)
    if file_format == "csv":
        return _csv_rows(text)
    raise ImportInvalid([RowError(1, f"Unknown format {file_format!r}: use json or csv.")])


def feed_format(filename: str) -> str:
    """ "feed.json" -> "json"; anything else by its extension ("csv"), or ""."""
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _json_rows(text: str) -> list[Row]:
    """Each object of the top-level array with the line it starts on."""
    json_nesting_check(text, limit=MAX_JSON_NESTING)
    decoder = json.JSONDecoder()
    whitespace = re.compile(r"\s*")
    index = whitespace.match(text, 0).end()
    if not text.startswith("[", index):
        raise ImportInvalid([RowError(_line_of(text, index), "A JSON feed is an array: [{…}, …].")])
    index = whitespace.match(text, index + 1).end()
    rows: list[Row] = []
    if text.startswith("]", index):
        return rows
    # Lines are counted on from the last row, not from the top each time: a 5,000-row
    # file would otherwise be read 5,000 times over.
    line, counted_to = 1, 0
    while True:
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            raise ImportInvalid([RowError(error.lineno, f"Not valid JSON: {error.msg}.")]) from None
        line += text.count("\n", counted_to, index)
        counted_to = index
        if not isinstance(value, dict):
            raise ImportInvalid([RowError(line, "Each listing is a JSON object: {…}.")])
        rows.append((line, value))
        index = whitespace.match(text, end).end()
        if text.startswith(",", index):
            index = whitespace.match(text, index + 1).end()
        elif text.startswith("]", index):
            break
        else:
            raise ImportInvalid([RowError(_line_of(text, index), "Expected “,” or “]”.")])
    if whitespace.match(text, index + 1).end() != len(text):
        raise ImportInvalid([RowError(_line_of(text, index + 1), "Text after the closing “]”.")])
    return rows


def _csv_rows(text: str) -> list[Row]:
    header, records = csv_table(text)
    if not header:
        raise ImportInvalid([RowError(1, "The CSV file is empty: it needs a header row.")])
    rows: list[Row] = []
    errors: list[RowError] = []
    for line, cells in records:
        try:
            rows.append((line, csv_row(header, cells)))
        except ValueError as error:
            errors.append(RowError(line, str(error)))
    if errors:
        raise ImportInvalid(errors)
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


def _row_digest(values: Mapping[str, str]) -> str:
    """What a feed row says, as a short digest: the same row gives the same digest."""
    text = json.dumps(values, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class _FeedReader:
    """Turns a source's rows into listings, one row at a time, remembering what the
    rows before it used (external ids, new companies), so that nothing is asked twice.

    Everything it needs from the database is read once, up front (careers, companies,
    the source's listings by external id): checking a row asks the database nothing.
    """

    def __init__(
        self,
        *,
        source: str,
        today: datetime.date,
        description_format: str = "markdown",
        job_source=None,
    ):
        self.source = source
        self.today = today
        self.description_format = description_format
        self.job_source = job_source
        self.careers = {career.slug: career for career in Career.objects.all()}
        self.companies = {company.name: company for company in Company.objects.all()}
        self.existing = {
            listing.external_id: listing
            for listing in JobListing.objects.filter(source=source).select_related("company")
        }
        self.seen: dict[str, int] = {}  # external id -> line
        self.new_companies: dict[str, Company] = {}

    def listing(self, line: int, raw: Mapping[str, object]) -> tuple[JobListing, Company, bool]:
        """The row's listing (new or updated), its company, and whether it changed."""
        values = _row_values(raw)
        external_id = values["external_id"]
        if external_id in self.seen:
            raise ValueError(
                f"external_id {external_id!r} is also on line {self.seen[external_id]}"
            )
        self.seen[external_id] = line
        career = self.careers.get(values["career"])
        if career is None:
            raise ValueError(f"no career with the slug {values['career']!r}")
        digest = _row_digest(
            {**values, " format": self.description_format, " source": str(self.job_source)}
        )
        existing = self.existing.get(external_id)
        if (
            existing is not None
            and existing.feed_digest == digest
            and existing.status != JobListing.Status.EXPIRED
        ):
            # Written from this very row last time and not touched since: nothing to check.
            return existing, existing.company, False
        company = self._company(values["company"], values["company_website"])
        listing = existing or JobListing(
            source=self.source, external_id=external_id, status=JobListing.Status.PUBLISHED
        )
        before = _snapshot(listing) if listing.pk else None
        _listing_update(listing, values, company=company, career=career, today=self.today)
        listing.description_format = self.description_format
        listing.job_source = self.job_source
        # Uniqueness is this reader's own bookkeeping (external ids seen, companies by name)
        # and the constraints are the rules clean() states: asking the database about each
        # row would cost queries per row.
        # Career and company are read from the database above (or new): no need to look
        # them up again per row.
        listing.full_clean(
            exclude=["company", "career"],
            validate_unique=False,
            validate_constraints=False,
        )
        changed = before != _snapshot(listing) or listing.feed_digest != digest
        listing.feed_digest = digest
        return listing, company, changed

    def _company(self, name: str, website: str) -> Company:
        company = self.companies.get(name) or self.new_companies.get(name)
        if company is None:
            company = Company(name=name, website=website)
            company.full_clean(validate_unique=False, validate_constraints=False)
            self.new_companies[name] = company
        return company


def _row_values(raw: Mapping[str, object]) -> dict[str, str]:
    """The row's columns as text, every column present; unknown or missing ones refused."""
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
    return values


def _listing_update(
    listing: JobListing, values: dict[str, str], *, company, career, today: datetime.date
) -> None:
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
    listing.salary_period = _choice(values["salary_period"], Period, Period.YEAR, "salary_period")
    posted_on = _date_or_none(values["posted_on"], "posted_on")
    # A row without a date keeps the date it was first imported on.
    listing.posted_on = posted_on or (listing.posted_on if listing.pk else today)
    if listing.status == JobListing.Status.EXPIRED:
        listing.status = JobListing.Status.PUBLISHED  # back in the feed: open again


def jobs_import(
    *,
    rows: Iterable[Row],
    source: str,
    today: datetime.date | None = None,
    description_format: str = "markdown",
    job_source=None,
) -> ImportResult:
    """Upsert a source's whole feed by (source, external_id); expire what vanished from it.

    Goes through the one row importer (careers.core.importing): every row is
    checked first; if any is bad, ImportInvalid lists them all and nothing is
    written. Then all writes happen in one transaction, in bulk: the number of
    queries does not grow with the rows (one statement per WRITE_BATCH rows written).
    """
    source = source.strip()
    if not source or len(source) > 60:
        raise ImportInvalid([RowError(1, "Give the feed's source name (up to 60 characters).")])
    today = today or timezone.localdate()
    reader = _FeedReader(
        source=source,
        today=today,
        description_format=description_format,
        job_source=job_source,
    )

    def write(listings: list[tuple[JobListing, Company, bool]]) -> ImportResult:
        changed = [listing for listing, _, is_changed in listings if is_changed]
        expired = _expired_keys(reader)
        # Seen in the feed today: "last confirmed open" (a date, so at most one write a day).
        unconfirmed = [
            listing.pk
            for listing, _, is_changed in listings
            if not is_changed and listing.confirmed_on != today
        ]
        for listing in changed:
            listing.confirmed_on = today
        written = listings_write(
            listings=changed,
            companies=list(reader.new_companies.values()),
            companies_of={id(listing): company for listing, company, _ in listings},
        )
        if unconfirmed:
            JobListing.objects.filter(pk__in=unconfirmed).update(confirmed_on=today)
        expired_count = jobs_expire(listings=JobListing.objects.filter(pk__in=expired))
        return ImportResult(
            created=written.created,
            updated=written.updated,
            unchanged=len(listings) - len(changed),
            expired=expired_count,
        )

    return rows_import(
        rows=rows, build=reader.listing, write=write, noun=ROW_NOUN, max_rows=MAX_FEED_ROWS
    )


def _expired_keys(reader: _FeedReader) -> list[int]:
    """The source's published listings that its new feed no longer has."""
    return [
        listing.pk
        for external_id, listing in reader.existing.items()
        if external_id not in reader.seen and listing.status == JobListing.Status.PUBLISHED
    ]


# Rows written at once: one INSERT or UPDATE per this many listings.
WRITE_BATCH = 1000
# What an update writes besides the imported fields.
WRITTEN_FIELDS = (
    *IMPORTED_FIELDS,
    "description_html",
    "search_text",
    "feed_digest",
    "confirmed_on",
    "updated_at",
)


@dataclass(frozen=True)
class WriteCount:
    created: int
    updated: int


def listings_write(
    *,
    listings: list[JobListing],
    companies: list[Company],
    companies_of: Mapping[int, Company],
) -> WriteCount:
    """Write checked listings and their new companies in bulk: new ones inserted, the rest
    updated, their HTML and search text prepared in memory, then handed to skill detection.

    `companies_of` maps each listing (by id()) to its company, saved here if new.
    """
    Company.objects.bulk_create(companies, batch_size=WRITE_BATCH)
    now = timezone.now()
    new, old = [], []
    for listing in listings:
        listing.company = companies_of[id(listing)]  # now saved, with its id
        listing.description_html = render_description(
            listing.description, listing.description_format
        )
        listing.search_text = listing_search.text(listing)
        (old if listing.pk else new).append(listing)
    JobListing.objects.bulk_create(new, batch_size=WRITE_BATCH)
    for listing in old:
        listing.updated_at = now
    # The edit version moves on: an editor with the listing open is told, rather than
    # saving over the import.
    rows_update(
        model=JobListing,
        objects=old,
        fields=WRITTEN_FIELDS,
        increments=["edit_version"],
        batch_size=WRITE_BATCH,
    )
    for listing in old:
        listing.__dict__.pop("edit_version", None)  # the new number is in the database only
    if listings:
        keys = [listing.pk for listing in listings]
        listing_search.vectors_update(JobListing.objects.filter(pk__in=keys))
        listing_skills_detect(listings)
    return WriteCount(created=len(new), updated=len(old))


def jobs_expire(*, listings: QuerySet[JobListing]) -> int:
    """Take listings down as expired (readers get a 410); returns how many changed."""
    return listings.exclude(status=JobListing.Status.EXPIRED).update(
        status=JobListing.Status.EXPIRED,
        updated_at=timezone.now(),
        # An editor with the listing open is told, rather than putting it back up.
        edit_version=F("edit_version") + 1,
    )


def jobs_search_index(*, listings: QuerySet[JobListing]) -> int:
    """Rebuild the site-search index of these listings; returns how many."""
    return listing_search.index(listings)


def listing_skills_detect(listings: Iterable[JobListing]) -> int:
    """Link each saved listing to the skills its title and description name (careers.skills),
    marked as detected; returns how many links were added or removed.

    Skills the text names that the listing lacks are added after its own; detected links
    whose skill the text no longer names are dropped; links an editor added by hand stay
    whatever the text says. Every way a listing's text changes (the admin, a feed import,
    a job source's fetch) calls this, so all of them detect alike. A fixed number of
    queries for any number of listings: the matcher's two, one read, one delete, one insert.
    """
    listings = [listing for listing in listings if listing.pk is not None]
    if not listings:
        return 0
    matcher = skill_matcher()
    links: dict[int, list[ListingSkill]] = {listing.pk: [] for listing in listings}
    for link in ListingSkill.objects.filter(listing__in=links):
        links[link.listing_id].append(link)
    dropped: list[int] = []
    added: list[ListingSkill] = []
    for listing in listings:
        found = matcher.find(f"{listing.title}\n{listing.description}")
        own = links[listing.pk]
        dropped += [link.pk for link in own if link.detected and link.skill_id not in found]
        linked = {link.skill_id for link in own}
        position = max((link.position for link in own), default=0)
        for skill_id in found:
            if skill_id not in linked:
                position += 1
                added.append(
                    ListingSkill(
                        listing=listing, skill_id=skill_id, position=position, detected=True
                    )
                )
    if dropped:
        ListingSkill.objects.filter(pk__in=dropped).delete()
    if added:
        ListingSkill.objects.bulk_create(added)
    return len(dropped) + len(added)


# Postings from employers' boards ------------------------------------------------------------


@dataclass
class SourceResult:
    """What one source's postings did: the import's counts, and each posting kept out."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    expired: int = 0
    skipped: list[dict] = field(default_factory=list)  # {"id": …, "reason": …}

    def counts(self) -> dict:
        return {
            "new": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "expired": self.expired,
            "skipped": len(self.skipped),
        }

    def __str__(self):
        text = (
            f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.expired} expired, {len(self.skipped)} skipped"
        )
        reasons = "; ".join(f"{item['id']}: {item['reason']}" for item in self.skipped[:10])
        return f"{text} ({reasons})" if reasons else text


def career_matcher(*, rules: list[tuple[str, str]], default_career: Career | None):
    """title -> the career of the first rule whose words the title contains, else the
    default (None: no career, the posting is skipped). One query for the rules' careers."""
    slugs = [slug for _, slug in rules]
    careers = {career.slug: career for career in Career.objects.filter(slug__in=slugs)}

    def career_for(title: str) -> Career | None:
        lowered = title.lower()
        for words, slug in rules:
            if words in lowered and slug in careers:
                return careers[slug]
        return default_career

    return career_for


def postings_import(
    *,
    postings: list,
    company: Company,
    source: str,
    career_for,
    job_source=None,
    today: datetime.date | None = None,
    dry_run: bool = False,
) -> SourceResult:
    """Import a board's postings (jobs.adapters.Posting) as the source's whole feed.

    Postings the adapter kept out, that no career matches, that another source
    already lists (the same apply URL: one job is kept once), or that fail a
    listing's checks are skipped and reported by id; the others are imported
    through `jobs_import` (new, updated, unchanged; the source's listings gone from
    the board expire). A board with nothing left to import is refused, so a broken
    board cannot expire every listing. `dry_run` writes nothing.
    """
    today = today or timezone.localdate()
    skipped = [{"id": p.external_id, "reason": p.problem} for p in postings if p.problem]
    wanted = [p for p in postings if not p.problem]
    elsewhere = dict(
        JobListing.objects.filter(apply_url__in=[p.columns["apply_url"] for p in wanted])
        .exclude(source=source)
        .values_list("apply_url", "source")
    )
    rows: dict[int, tuple[str, dict]] = {}
    for posting in wanted:
        career = career_for(posting.columns["title"])
        if career is None:
            skipped.append({"id": posting.external_id, "reason": "no career matches the title"})
            continue
        other = elsewhere.get(posting.columns["apply_url"])
        if other:
            skipped.append({"id": posting.external_id, "reason": f"already listed from {other}"})
            continue
        line = len(rows) + 1
        rows[line] = (
            posting.external_id,
            {
                **posting.columns,
                "company": company.name,
                "company_website": company.website,
                "career": career.slug,
            },
        )

    def run(lines: dict[int, tuple[str, dict]]) -> ImportResult:
        return jobs_import(
            rows=[(line, row) for line, (_, row) in lines.items()],
            source=source,
            today=today,
            description_format="html",
            job_source=job_source,
        )

    with transaction.atomic():
        try:
            result = run(rows)
        except ImportInvalid as invalid:
            # A posting a listing cannot hold (a bad apply URL, a pay range upside down)
            # is skipped with the reason, and the rest go in.
            bad = {error.line: error.message for error in invalid.errors}
            if not set(bad) <= set(rows) or len(bad) == len(rows):
                raise
            for line, message in bad.items():
                skipped.append({"id": rows.pop(line)[0], "reason": message})
            result = run(rows)
        if dry_run:
            transaction.set_rollback(True)
    return SourceResult(
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        expired=result.expired,
        skipped=skipped,
    )

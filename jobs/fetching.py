"""Fetching job sources over HTTP: each source claimed once, read whole, imported or left as it was.

The HTTP side is careful with other people's servers and with ours: connect and
read time-outs, a maximum body size read as it streams in, a User-Agent naming
the site, a few retries with back-off on time-outs and 5xx, `Retry-After`
honoured on 429 (up to a minute), and conditional requests (`ETag`,
`If-Modified-Since`), so a board that has not changed costs one 304.

Per source, all or nothing: anything that goes wrong before the postings are
read whole (the network, a 5xx after the retries, a body over the limit, a body
that is not the board's format, a redirect loop) changes none of the source's
listings and is recorded as the source's last error.

Sources are claimed in the database: a run takes a due source with
`SELECT … FOR UPDATE SKIP LOCKED` (PostgreSQL) and moves its next fetch time on
before it lets go, so runs started at once on every app server fetch each source
once. SQLite takes the write lock for the claim, so runs there take turns.
"""

import datetime
import email.utils
import logging
import time
from dataclasses import dataclass

import httpx
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from careers.core.importing import ImportInvalid
from jobs.adapters import ADAPTERS, FeedUnreadable, sitemap_urls
from jobs.models import JobListing, JobSource
from jobs.services import (
    SourceResult,
    career_matcher,
    jobs_feed_rows,
    jobs_import,
    postings_import,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
ATTEMPTS = 3
BACKOFF_SECONDS = (2.0, 8.0)  # before the 2nd and 3rd attempt
MAX_RETRY_AFTER = 60.0
MAX_PAGES = 200  # JobPosting pages read from one sitemap

# Each kind's public API address, from the board's identifier. An identifier that is
# itself an http(s) address is used as it is (a proxy, a test server).
API_URLS = {
    JobSource.Kind.GREENHOUSE: "https://boards-api.greenhouse.io/v1/boards/{}/jobs?content=true",
    JobSource.Kind.LEVER: "https://api.lever.co/v0/postings/{}?mode=json",
    JobSource.Kind.ASHBY: (
        "https://api.ashbyhq.com/posting-api/job-board/{}?includeCompensation=true"
    ),
}

_sleep = time.sleep  # tests replace it to see the waits without waiting


class FetchFailed(Exception):
    """The board could not be read whole; nothing was changed."""


class Deadline:
    """A time budget for a whole fetch, attempts and waits included: the admin's "Fetch
    now" runs inside a web request, which must answer well within gunicorn's time-out
    however a board misbehaves. The scheduled command has none."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        return self.at - time.monotonic()

    def ran_out(self, problem: str) -> FetchFailed:
        return FetchFailed(f"{problem}; gave up when the {self.seconds:g} s allowed ran out")

    def timeout(self, problem: str) -> httpx.Timeout:
        """The request's time-outs, cut to the time left (FetchFailed if none is)."""
        left = self.left()
        if left <= 0:
            raise self.ran_out(problem or "not started")
        return httpx.Timeout(min(READ_TIMEOUT, left), connect=min(CONNECT_TIMEOUT, left))


@dataclass
class Body:
    content: bytes | None  # None: 304, not modified
    etag: str = ""
    last_modified: str = ""


def user_agent() -> str:
    return f"{settings.SITE_NAME} job fetcher (+{settings.SITE_URL})"


def http_client() -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": user_agent()},
    )


def _retry_after(value: str | None) -> float:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return BACKOFF_SECONDS[0]
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, (when - datetime.datetime.now(tz=datetime.UTC)).total_seconds())


def http_get(
    client: httpx.Client,
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    deadline: Deadline | None = None,
) -> Body:
    """The body at `url`, read whole within the limits (and the `deadline`, if any), or
    FetchFailed saying why."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    problem, wait = "", 0.0
    for attempt in range(ATTEMPTS):
        if attempt:
            if deadline is not None and wait >= deadline.left():
                raise deadline.ran_out(problem)
            _sleep(wait)
        wait = BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)]
        timeout = deadline.timeout(problem) if deadline is not None else httpx.USE_CLIENT_DEFAULT
        try:
            with client.stream("GET", url, headers=headers, timeout=timeout) as response:
                status = response.status_code
                if status == 304:
                    return Body(None, etag, last_modified)
                if status == 429:
                    wait = _retry_after(response.headers.get("Retry-After"))
                    problem = f"{url} answered 429 Too Many Requests"
                    if wait > MAX_RETRY_AFTER:
                        raise FetchFailed(f"{problem}, retry after {wait:.0f} s")
                    continue
                if status >= 500:
                    problem = f"{url} answered {status}"
                    continue
                if status >= 400:
                    raise FetchFailed(f"{url} answered {status}")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
                    raise FetchFailed(f"{url}: the body is over {MAX_BODY_BYTES // 2**20} MB")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        raise FetchFailed(f"{url}: the body is over {MAX_BODY_BYTES // 2**20} MB")
                    if deadline is not None and deadline.left() <= 0:  # a slow trickle
                        raise deadline.ran_out(f"{url}: still sending")
                    chunks.append(chunk)
                return Body(
                    b"".join(chunks),
                    response.headers.get("ETag", ""),
                    response.headers.get("Last-Modified", ""),
                )
        except httpx.TooManyRedirects:
            raise FetchFailed(f"{url}: too many redirects (a loop?)") from None
        except httpx.TimeoutException:
            problem = f"{url}: timed out"
        except httpx.RemoteProtocolError as error:
            problem = f"{url}: the connection broke off ({error})"
        except httpx.HTTPError as error:
            raise FetchFailed(f"{url}: {error}") from None
    raise FetchFailed(f"{problem} ({ATTEMPTS} attempts)")


def source_url(source: JobSource) -> str:
    identifier = source.identifier.strip()
    if identifier.startswith(("http://", "https://")) or source.kind not in API_URLS:
        return identifier.split()[0] if identifier else ""
    return API_URLS[source.kind].format(identifier)


def _page_urls(source: JobSource, client: httpx.Client, deadline: Deadline | None) -> list[str]:
    """JobPosting sources: the pages listed one a line, or those of a sitemap."""
    lines = [line.strip() for line in source.identifier.splitlines() if line.strip()]
    if len(lines) == 1 and lines[0].lower().split("?")[0].endswith(".xml"):
        sitemap = http_get(client, lines[0], deadline=deadline)
        return sitemap_urls(sitemap.content, limit=MAX_PAGES)
    return lines[:MAX_PAGES]


def source_fetch(
    source: JobSource,
    *,
    client: httpx.Client | None = None,
    dry_run: bool = False,
    deadline: Deadline | None = None,
) -> tuple[str, SourceResult | None, str]:
    """Fetch one source and import what it lists; record the outcome on the source (not
    on a dry run). With a `deadline`, every request and wait of it fits in the time left.
    Returns (outcome, result or None, error text)."""
    own_client = client is None
    client = client or http_client()
    today = timezone.localdate()
    result, error, etag, last_modified = None, "", source.etag, source.last_modified
    try:
        if source.kind == JobSource.Kind.JOBPOSTING:
            adapter = ADAPTERS[source.kind]
            postings = [
                posting
                for url in _page_urls(source, client, deadline)
                for posting in adapter.postings(
                    http_get(client, url, deadline=deadline).content, today=today, url=url
                )
            ]
            body = Body(b"")
        else:
            conditional = _read_lately(source, today)
            body = http_get(
                client,
                source_url(source),
                etag=source.etag if conditional else "",
                last_modified=source.last_modified if conditional else "",
                deadline=deadline,
            )
            postings = None
        if body.content is None:
            outcome = JobSource.Outcome.NOT_MODIFIED
        else:
            etag, last_modified = body.etag, body.last_modified
            result = _source_import(source, body.content, postings, today=today, dry_run=dry_run)
            outcome = JobSource.Outcome.OK
    except (FetchFailed, FeedUnreadable) as failure:
        outcome, error = JobSource.Outcome.FAILED, str(failure)
    except ImportInvalid as invalid:
        outcome = JobSource.Outcome.FAILED
        error = "; ".join(str(problem) for problem in invalid.errors[:20])
    finally:
        if own_client:
            client.close()
    if not dry_run:
        _record(source, outcome, result, error, etag, last_modified)
    return outcome, result, error


def _read_lately(source: JobSource, today: datetime.date) -> bool:
    """Whether the board was read whole within a week. Only then is a 304 trusted: a
    read at least weekly moves on the valid-through dates of listings whose board gives
    none (jobs.adapters.default_valid_through)."""
    try:
        read_on = datetime.date.fromisoformat(source.counts.get("read_on", ""))
    except (TypeError, ValueError):
        return False
    return (today - read_on).days < 7


def _source_import(source, content, postings, *, today, dry_run) -> SourceResult:
    if source.kind in (JobSource.Kind.JSON, JobSource.Kind.CSV):
        # Our own format names each row's company and career; all or nothing.
        rows = jobs_feed_rows(content=content, file_format=source.kind)
        with transaction.atomic():
            imported = jobs_import(rows=rows, source=source.name, today=today, job_source=source)
            if dry_run:
                transaction.set_rollback(True)
        return SourceResult(
            created=imported.created,
            updated=imported.updated,
            unchanged=imported.unchanged,
            expired=imported.expired,
        )
    if postings is None:
        postings = ADAPTERS[source.kind].postings(content, today=today)
    return postings_import(
        postings=postings,
        company=source.company,
        source=source.name,
        career_for=career_matcher(
            rules=source.career_rules(), default_career=source.default_career
        ),
        job_source=source,
        today=today,
        dry_run=dry_run,
    )


def _record(source, outcome, result, error, etag, last_modified) -> None:
    now = timezone.now()
    fields = {
        "last_fetched_at": now,
        "outcome": outcome,
        "last_error": error,
        "next_due_at": now + datetime.timedelta(minutes=source.interval_minutes),
    }
    if outcome == JobSource.Outcome.OK:
        fields.update(
            counts={**result.counts(), "read_on": timezone.localdate().isoformat()},
            skipped=result.skipped,
            etag=etag,
            last_modified=last_modified,
        )
    elif outcome == JobSource.Outcome.NOT_MODIFIED:
        fields.update(counts={**source.counts, "new": 0, "updated": 0, "expired": 0})
        # Unchanged on the board is still open: confirmed today (at most one write a day).
        today = timezone.localdate()
        source.listings.filter(status=JobListing.Status.PUBLISHED).exclude(
            confirmed_on=today
        ).update(confirmed_on=today)
    JobSource.objects.filter(pk=source.pk).update(**fields)
    for name, value in fields.items():
        setattr(source, name, value)


def source_claim_due(*, now: datetime.datetime | None = None) -> JobSource | None:
    """Take the next due, active source for this run, or None. Its next fetch time moves on
    inside the claim, so no other run (on any server) takes it too."""
    now = now or timezone.now()
    with transaction.atomic():
        due = (
            JobSource.objects.filter(active=True)
            .filter(Q(next_due_at__isnull=True) | Q(next_due_at__lte=now))
            .select_related("company", "default_career")
            .order_by("next_due_at", "pk")
        )
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True, of=("self",))
        source = due.first()
        if source is not None:
            JobSource.objects.filter(pk=source.pk).update(
                next_due_at=now + datetime.timedelta(minutes=source.interval_minutes)
            )
    return source

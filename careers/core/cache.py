"""Whole-page caching for readers, and how it stays fresh.

A reader's page is rendered once and then served from the cache (shared by
every worker and server when CACHE_URL points at Redis). Each cached page is
filed under the current *content version*, kept in the database
(careers.core.models.ContentVersion):

- a committed change to anything a page can show moves the version on
  (`content_changed()`, called by careers.core.changes for every write to a
  table of the hub or a content app, from any path), so every page is fresh
  (within PAGE_CACHE_CHECK_SECONDS, below): old entries are never read again
  and age out;
- changes that happen by the clock (a guide scheduled to go live, a listing
  passing its valid-through date) are covered by never caching a page past the
  next such moment (`next_scheduled_change`).

The version lives in the database rather than in the cache, so a change made
while the cache is unreachable still moves it, and no page cached before that
change is served once the cache is back. The cache itself may fail at any time
(careers.core.redis_cache turns a dead or full Redis into misses): pages are
then rendered from the database.

Only readers are served from the cache: a signed-in staff member's request
(known by a signed marker cookie, careers.core.staff, without a database or
cache round trip) is always rendered, and so are unsafe methods.

A hit is answered by ReaderCacheMiddleware at the same depth as WhiteNoise
answers a static file, from this worker's copy of the page, compressed once
when it was stored (brotli and gzip). Each worker reads the content version at
most every PAGE_CACHE_CHECK_SECONDS (`_LastHeard`), so a change made elsewhere
reaches every worker and server within that time.
"""

import datetime
import gzip
import hashlib
import re
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextlib import suppress
from functools import lru_cache, partial, wraps
from time import monotonic

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, quote_etag, urlencode

from careers.core.changes import flush_pending
from careers.core.models import ContentVersion
from careers.core.plugins import next_scheduled_change
from careers.core.staff import staff_marked

SCHEDULE_KEY = "content:next-change"
# The entry's layout is part of the key ("v4"), so a deploy that changes it never
# reads an entry the previous release wrote.
PAGE_KEY = "page:v4:{generation}:{digest}"
# Headers a cached page keeps from its view; everything else is set afresh on
# each response, by the middleware around this one.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Content-Security-Policy",
    "Cache-Control",
    "Last-Modified",
    "X-Robots-Tag",
)
# Of those, the ones that describe the body: a 304 has none, so it leaves them out.
BODY_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")
# Encodings a page is stored in besides plain, best first. Pages are public and
# hold no secrets, so compressing them once is safe (no BREACH padding needed).
ENCODINGS = {
    "br": lambda content: brotli.compress(content, quality=5),
    "gzip": lambda content: gzip.compress(content, compresslevel=9, mtime=0),
}
ACCEPT_ENCODING_ITEM = re.compile(r"^\s*([\w*-]+)\s*(?:;\s*q\s*=\s*([\d.]+))?")


def content_version() -> str:
    """The current content version, read from the database ("" before the first change)."""
    found = ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return found or ""


def content_changed() -> None:
    """Make every reader's page fresh: later requests render again.

    Called after a change is committed (careers.core.changes); one upsert, so a
    database emptied by a restore or a test gets its row back.
    """
    ContentVersion.objects.bulk_create(
        [ContentVersion(pk=1, token=uuid.uuid4().hex, changed_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["token", "changed_at"],
    )
    last_heard.forget()


class _LastHeard:
    """The content version and schedule as this process last read them.

    A reading is trusted for PAGE_CACHE_CHECK_SECONDS, so most cache hits cost
    no round trip at all. A change made in this process is seen at once
    (content_changed forgets the reading); one made by another worker or app
    server is seen within PAGE_CACHE_CHECK_SECONDS (0: every request asks).

    While the database cannot be read, nothing can change either: the last
    reading stays in use (cached pages keep being served) and the database is
    asked again after the interval.
    """

    def __init__(self):
        self.reading: tuple[float, str, dict | None] | None = None
        # Moved on by forget(): a reading begun before a change made in this
        # process (by another thread) is used once but not kept.
        self.changes = 0
        # A change committed while the version could not be written: written at
        # the next reading, before the version is trusted again.
        self.unrecorded_change = False

    def version_and_schedule(self) -> tuple[str, dict | None] | None:
        """(version, schedule), or None when the version is unknown (nothing is cached)."""
        reading = self.reading
        if reading is None or monotonic() - reading[0] >= settings.PAGE_CACHE_CHECK_SECONDS:
            with suppress(DatabaseError):  # if so, recorded as unrecorded_change, below
                flush_pending()  # a change this thread made outside a transaction
            changes = self.changes
            try:
                if self.unrecorded_change:
                    content_changed()
                    self.unrecorded_change = False
                version = content_version()
            except DatabaseError:
                if reading is None or self.unrecorded_change:
                    return None
                self.reading = (monotonic(), reading[1], reading[2])
                return reading[1], reading[2]
            schedule = cache.get(SCHEDULE_KEY)  # None while the cache is unreachable
            if (schedule is None or schedule["version"] != version) and reading is not None:
                schedule = reading[2]  # this process worked it out for the same version
            reading = (monotonic(), version, schedule)
            if changes == self.changes:
                self.reading = reading
        return reading[1], reading[2]

    def schedule_worked_out(self, schedule: dict) -> None:
        if self.reading is not None and self.reading[1] == schedule["version"]:
            self.reading = (self.reading[0], schedule["version"], schedule)

    def forget(self) -> None:
        self.changes += 1
        self.reading = None


last_heard = _LastHeard()


def _generation(now: datetime.datetime) -> tuple[str, int] | None:
    """The key part that names the current pages, and how long they may live (None:
    the version is unknown, so nothing may be cached).

    It joins the content version with the next scheduled change: once that moment
    has passed, the key changes, so no page from before it is served after it,
    whatever the cache backend does with timeouts. The schedule is tagged with
    its version, so a late writer cannot mislead.
    """
    heard = last_heard.version_and_schedule()
    if heard is None:
        return None
    version, schedule = heard
    if (
        schedule is None
        or schedule["version"] != version
        or (schedule["at"] is not None and schedule["at"] <= now)
    ):
        try:
            schedule = {"version": version, "at": next_scheduled_change(at=now)}
        except DatabaseError:
            return None
        cache.set(SCHEDULE_KEY, schedule, timeout=settings.PAGE_CACHE_SECONDS)
        last_heard.schedule_worked_out(schedule)
    at = schedule["at"]
    if at is None:
        return f"{version}:-", settings.PAGE_CACHE_SECONDS
    seconds = int((at - now).total_seconds())
    return f"{version}:{at.timestamp():.0f}", max(1, min(settings.PAGE_CACHE_SECONDS, seconds))


def _is_reader(request: HttpRequest) -> bool:
    """A safe request from anyone but signed-in staff (whatever other cookies it has)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and not staff_marked(request)
    )


def _key(request: HttpRequest, generation: str, query: tuple[str, ...]) -> str:
    """The page's key: its path and only the query parameters that change the page,
    so "?utm_source=..." and other junk share one entry. Nothing the client picks
    beyond those is in it (not the Host header, not the scheme): pages print the
    site's own address (settings.SITE_URL) whatever the request said."""
    params = urlencode([(name, value) for name in query for value in request.GET.getlist(name)])
    address = f"{request.path}?{params}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return PAGE_KEY.format(generation=generation, digest=digest)


def _not_modified(request: HttpRequest, etag: str) -> bool:
    # Compression turns the ETag weak (W/"…") on the way out; it names the same page.
    given = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    return etag in {tag.removeprefix("W/") for tag in given}


def _new_entry(response: HttpResponse) -> dict:
    """The page as it is stored: its bodies, and every header worked out once."""
    content = response.content
    bodies = {"": content}
    if len(content) >= 200:
        for name, compress in ENCODINGS.items():
            compressed = compress(content)
            if len(compressed) < len(content):
                bodies[name] = compressed
    # Unless the view says otherwise, browsers may keep a copy but must ask
    # again; the ETag makes asking cheap.
    response.setdefault("Last-Modified", http_date(timezone.now().timestamp()))
    response.setdefault("Cache-Control", "public, max-age=0, must-revalidate")
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
    return {
        "status": response.status_code,
        "bodies": bodies,
        "headers": {h: response[h] for h in (*KEPT_HEADERS, "Vary") if h in response},
        "etag": quote_etag(hashlib.sha256(content).hexdigest()[:32]),
    }


class _RecentPages:
    """The pages this process served last, in front of the shared cache.

    Keys carry the content version, so a page here is exactly the page the shared
    cache holds under the same key; only the round trip and the transfer are saved.
    """

    def __init__(self, size: int):
        self.size = size
        self.pages: OrderedDict[str, dict] = OrderedDict()
        # gunicorn may run threads (GUNICORN_THREADS); the reordering must not race.
        self.lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.pages.get(key)
            if entry is not None:
                self.pages.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self.lock:
            self.pages[key] = entry
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


recent_pages = _RecentPages(size=256)


def _cached_page(
    request: HttpRequest, query: tuple[str, ...]
) -> tuple[dict | None, str | None, int]:
    """The cached entry for this request (or None), its key and its lifetime (a key of
    None: the content version is unknown, so the page must not be stored).

    Looked up once per request: ReaderCacheMiddleware asks first and leaves the
    answer on the request for the view's `reader_cache` to use on a miss. A cache
    that cannot be reached answers as a miss (careers.core.redis_cache).
    """
    found = getattr(request, "_reader_cache", None)
    if found is None:
        request.get_host()  # a host the site does not serve is a 400 before any work
        generation = _generation(timezone.now())
        if generation is None:
            found = (None, None, 0)
        else:
            key = _key(request, generation[0], query)
            entry = recent_pages.get(key)
            if entry is None:
                entry = cache.get(key)
                if entry is not None:
                    recent_pages.put(key, entry)
            found = (entry, key, generation[1])
        request._reader_cache = found
    return found


def _accepted_encodings(request: HttpRequest) -> set[str]:
    """The content codings the browser takes ("br;q=0" refuses brotli)."""
    accepted = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        match = ACCEPT_ENCODING_ITEM.match(item)
        if match is None:
            continue
        name, quality = match.groups()
        try:
            if quality is None or float(quality) > 0:
                accepted.add(name.lower())
        except ValueError:
            continue
    return accepted


def _from_entry(request: HttpRequest, entry: dict) -> HttpResponse:
    accepted = _accepted_encodings(request) if len(entry["bodies"]) > 1 else set()
    encoding = next((name for name in entry["bodies"] if name and name in accepted), "")
    if _not_modified(request, entry["etag"]):
        # A 304 carries the headers the page's 200 would (caching, policy), not
        # those that describe its body.
        response = HttpResponseNotModified()
        for header, value in entry["headers"].items():
            if header not in BODY_HEADERS:
                response[header] = value
    else:
        body = entry["bodies"][encoding]
        response = HttpResponse(body, status=entry["status"], headers=entry["headers"])
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
    # A compressed copy is the same page in other bytes: its ETag is weak, as
    # Django's GZipMiddleware would make it.
    response["ETag"] = f"W/{entry['etag']}" if encoding else entry["etag"]
    return response


def _personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the page holds something of this visitor's: a cookie, a CSRF token
    (its cookie is only set later, by CsrfViewMiddleware), a session write, or a
    signed-in user (staff signed in before the marker cookie existed)."""
    session = getattr(request, "session", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.modified)
        or (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        )
    )


def reader_cache(view: Callable | None = None, *, query: tuple[str, ...] = ()) -> Callable:
    """Serve the view's page to anonymous readers from the cache until content changes.

    Marks the view's pages as cacheable and stores them on a miss; hits are served
    by ReaderCacheMiddleware before URL routing, sessions and the view run.
    `query` names the query parameters the view reads; by default the page is
    the same whatever the query string.

    Put it outermost: a decorator above it (a permission check, say) would be
    skipped by hits, so the middleware serves hits only for views whose URL
    routes straight to this wrapper; others are served from the cache here,
    after their outer decorators ran.
    """
    if view is None:
        return partial(reader_cache, query=query)

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _is_reader(request):
            response = view(request, *args, **kwargs)
            patch_vary_headers(response, ["Cookie"])
            return response
        entry, key, timeout = _cached_page(request, query)
        if entry is not None:
            return _from_entry(request, entry)
        response = view(request, *args, **kwargs)
        # Only whole, successful pages: caching every junk URL's 404 would let
        # anyone fill the cache.
        if getattr(response, "streaming", False) or response.status_code != 200:
            return response
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if (
            key is None
            or "no-store" in response.get("Cache-Control", "")
            or _personal(request, response)
        ):
            return response
        entry = _new_entry(response)
        cache.set(key, entry, timeout=timeout)  # a cache that is down or full keeps nothing
        recent_pages.put(key, entry)
        return _from_entry(request, entry)

    cached_view.reader_cache_query = query
    # Copied onto any decorator wrapped around this one (functools.wraps copies
    # attributes), so the middleware can tell this wrapper from an outer one.
    cached_view.reader_cache_view = cached_view
    return cached_view


class ReaderCacheMiddleware:
    """Serves a reader's cached page before routing, sessions and the view.

    It sits right after WhiteNoise (settings.MIDDLEWARE), so a hit costs about
    what a static file costs. Only paths routed to views marked by
    `reader_cache` are looked up: other URLs (the apply redirect, the admin,
    the health check, search) cost no cache lookup at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_reader(request):
            query = _query_read_by_view(get_urlconf() or settings.ROOT_URLCONF, request.path_info)
            if query is not None:
                entry = _cached_page(request, query)[0]
                if entry is not None:
                    return _from_entry(request, entry)
        return self.get_response(request)


@lru_cache(maxsize=2048)
def _query_read_by_view(urlconf: str, path: str) -> tuple[str, ...] | None:
    """The `query` of the `reader_cache` view the path routes to, or None if it has none."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    if getattr(match.func, "reader_cache_view", None) is not match.func:
        return None  # not a reader_cache view, or one with decorators around it
    return match.func.reader_cache_query


def cache_available() -> bool:
    """Whether the shared cache answers now (always, for a per-process one)."""
    check = getattr(cache, "available", None)
    return True if check is None else check()

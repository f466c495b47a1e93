"""Search primitives: one query over every kind of content the apps register.

Each searchable model stores its body as plain text (`search_text`, kept fresh by
`search_index_update`, called by its app's services) and, on PostgreSQL, a
weighted `search_vector` (title A, body B) computed from it in the database.
Each app describes its kind of content with a `SearchKind` and plugs it in
(careers.core.plugins); the site's search page searches them all.

- PostgreSQL: full-text search with `websearch` syntax ("quoted phrases",
  -exclusions, or) and English stemming, ranked by `ts_rank`; when that finds
  nothing anywhere, close matches by trigram word similarity, so that a typo
  ("kubernets") still finds its word.
- SQLite: every word (or quoted phrase) must appear, case-insensitively, in the
  title or the body; -exclusions and "or" work too; title matches rank first.
- Either: when nothing matches at all, words that appear nowhere on the site are
  corrected to the nearest word that does ("pytroch" to "pytorch"), from a
  vocabulary of the searchable text kept in the cache per content version, and
  the corrected query is searched instead (the page says so).

Snippets are built here from the plain text: everything is escaped, and only the
`<mark>` around matched words is markup of ours.
"""

import difflib
import html
import re
from dataclasses import dataclass, field
from typing import ClassVar

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection, models
from django.db.models import (
    Case,
    F,
    FloatField,
    IntegerField,
    Model,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Searchable models carry their text again for site search (tens of kilobytes on
# a long guide); the pages that show them never read it.
SEARCH_INDEX_FIELDS = ("search_text", "search_vector")


class Searchable(models.Model):
    """What site search reads of an object: its text, and on PostgreSQL a weighted vector.

    Both are derived (SearchKind.index rebuilds them); editors never see them.
    """

    search_text = models.TextField(
        editable=False,
        default="",
        help_text="What site search reads besides the title, as plain text; rebuilt by "
        "the app's search kind (careers.core.search.SearchKind.index).",
    )
    search_vector = SearchVectorField(
        null=True, editable=False, help_text="PostgreSQL only: title (A) and search text (B)."
    )

    # No page shows them: rebuilding the index does not make readers' pages stale
    # (careers.core.changes).
    unseen_by_readers: ClassVar[tuple[str, ...]] = SEARCH_INDEX_FIELDS

    class Meta:
        abstract = True
        indexes = [GinIndex(fields=["search_vector"], name="%(app_label)s_%(class)s_search")]


MAX_QUERY_LENGTH = 200
PREVIEW_SIZE = 5  # results of each kind on the "all" page
PAGE_SIZE = 20  # results a page when one kind is chosen
SNIPPET_LENGTH = 220
SEARCH_CONFIG = "english"
# Close matches: how alike (0–1) a query word must be to some word of the text.
TRIGRAM_THRESHOLD = 0.6
TRIGRAM_MIN_WORD = 4  # shorter words are too ambiguous to match approximately
MAX_FUZZY_WORDS = 5


# Plain text ---------------------------------------------------------------------------------

_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|pre|blockquote|br|h\d)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def plain_text(rendered_html: str) -> str:
    """Our sanitised Markdown HTML as one line of plain text (blocks become spaces)."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", rendered_html or ""))
    return " ".join(html.unescape(text).split())


def join_text(*parts: str) -> str:
    """Pieces of plain text as one, each ending as a sentence would, empty ones left out."""
    pieces = []
    for part in parts:
        part = " ".join((part or "").split())
        if part:
            pieces.append(part if part[-1] in ".?!:;…" else part + ".")
    return " ".join(pieces)


def search_vector(title_field: str) -> SearchVector:
    """The stored vector: the title weighs more (A) than the body (B)."""
    return SearchVector(title_field, weight="A", config=SEARCH_CONFIG) + SearchVector(
        "search_text", weight="B", config=SEARCH_CONFIG
    )


# The query ----------------------------------------------------------------------------------

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_EDGE_PUNCTUATION = "\"'`.,;:!?()[]{}<>«»“”‘’/\\|*^~=&%$@"
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ParsedQuery:
    """A websearch-style query: alternatives (joined by "or") of terms that must all match."""

    alternatives: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]

    @property
    def terms(self) -> list[str]:
        return [term for group in self.alternatives for term in group]

    @property
    def words(self) -> list[str]:
        """Every positive word, lower-cased and once, for highlighting."""
        seen: dict[str, None] = {}
        for term in self.terms:
            for word in _WORD.findall(term.lower()):
                seen.setdefault(word, None)
        return list(seen)

    def __bool__(self) -> bool:
        return bool(self.alternatives)


def clean_query(raw: str) -> tuple[str, bool]:
    """The query as searched (control characters out, spaces collapsed, capped) and
    whether it had to be shortened."""
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def parse_query(text: str) -> ParsedQuery:
    alternatives: list[tuple[str, ...]] = []
    current: list[str] = []
    excluded: list[str] = []
    for match in _TOKEN.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                if current:
                    alternatives.append(tuple(current))
                    current = []
                continue
            negated = "-" if bare.startswith("-") else ""
            term = bare.lstrip("-").strip(_EDGE_PUNCTUATION)
        else:
            term = " ".join(phrase.split()).strip(_EDGE_PUNCTUATION)
        if not _WORD.search(term):
            continue  # punctuation alone
        if negated:
            excluded.append(term)
        else:
            current.append(term)
    if current:
        alternatives.append(tuple(current))
    return ParsedQuery(alternatives=tuple(alternatives), excluded=tuple(excluded))


# Snippets -----------------------------------------------------------------------------------


def _stem(word: str) -> str:
    """A rough English stem, enough to highlight "engineer" for "engineers"."""
    for suffix, keep in (("ies", 3), ("es", 4), ("s", 3), ("ing", 4), ("ed", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


class _Matcher:
    def __init__(self, words: list[str], *, fuzzy: bool):
        self.stems = [_stem(word) for word in words]
        self.fuzzy = [word for word in words if len(word) >= TRIGRAM_MIN_WORD] if fuzzy else []

    def __call__(self, token: str) -> bool:
        token = token.lower()
        if any(token.startswith(stem) and len(token) <= len(stem) + 5 for stem in self.stems):
            return True
        return any(
            abs(len(token) - len(word)) <= 3
            and difflib.SequenceMatcher(None, token, word).ratio() >= 0.8
            for word in self.fuzzy
        )


def _highlight(text: str, matcher: _Matcher) -> SafeString:
    pieces, last = [], 0
    for match in _WORD.finditer(text):
        if matcher(match.group()):
            pieces.append(escape(text[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text is escaped


def _window(text: str, matcher: _Matcher) -> str:
    """About SNIPPET_LENGTH characters of the text around its first match, cut at words."""
    if len(text) <= SNIPPET_LENGTH:
        return text
    first = next((m.start() for m in _WORD.finditer(text) if matcher(m.group())), 0)
    start = max(0, min(first - SNIPPET_LENGTH // 4, len(text) - SNIPPET_LENGTH))
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + SNIPPET_LENGTH
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def snippet(text: str, matcher: _Matcher) -> SafeString:
    return _highlight(_window(text, matcher), matcher)


# Results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    title: SafeString
    url: str
    meta: str
    snippet: SafeString


@dataclass
class SearchGroup:
    kind: str  # "skills", "guides", "cards" or "jobs": the value of ?kind=
    label: str
    count: int = 0
    hits: list[SearchHit] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.hits)


@dataclass
class SearchResults:
    query: str  # as searched: cleaned and capped
    truncated: bool = False  # the query was longer than MAX_QUERY_LENGTH
    has_words: bool = False  # False: empty or punctuation only, nothing was searched
    kind: str = ""  # the one kind shown, or "" for all
    fuzzy: bool = False  # no exact matches: these are close ones
    corrected: str = ""  # no matches: these are for this corrected spelling of the query
    groups: list[SearchGroup] = field(default_factory=list)
    page: Page | None = None  # when one kind is shown
    # Pages that answer the query outright (a career's salary page for "… salary"),
    # shown above the groups; the site layer fills them in.
    leading: list[SearchHit] = field(default_factory=list)
    searched_for: str = ""  # what the groups were searched for, when not the query

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups) + len(self.leading)

    @property
    def shown_groups(self) -> list[SearchGroup]:
        return [g for g in self.groups if g.count and (not self.kind or g.kind == self.kind)]


class SearchKind:
    """One kind of content site search covers: an app subclasses it for its model.

    `key` is the value of ?kind=, `label` the heading of its results and
    `title_field` the field weighed most. `queryset()` is what readers may
    find; `text()` what search reads of an object besides its title.
    """

    key: str
    label: str
    model: type[Model]
    title_field: str = "title"

    def queryset(self) -> QuerySet:
        return self.model.objects.live()

    def title(self, obj) -> str:
        return getattr(obj, self.title_field)

    def meta(self, obj) -> str:
        return ""

    def text(self, obj) -> str:
        raise NotImplementedError

    def index_queryset(self, objects: QuerySet) -> QuerySet:
        """`objects` with what `text()` reads, fetched in a fixed number of queries."""
        return objects

    def hit(self, obj, matcher: "_Matcher") -> SearchHit:
        return SearchHit(
            title=_highlight(self.title(obj), matcher),
            url=obj.get_absolute_url(),
            meta=self.meta(obj),
            snippet=snippet(obj.search_text, matcher),
        )

    def index(self, objects: QuerySet) -> int:
        """Rebuild the stored search text of `objects`, and on PostgreSQL their search
        vector (one UPDATE, from the stored text). Returns how many."""
        objects = list(self.index_queryset(objects.order_by()))
        for obj in objects:
            obj.search_text = self.text(obj)
        self.model.objects.bulk_update(objects, ["search_text"], batch_size=500)
        if objects:
            self.vectors_update(self.model.objects.filter(pk__in=[obj.pk for obj in objects]))
        return len(objects)

    def vectors_update(self, objects: QuerySet) -> None:
        """On PostgreSQL, rebuild the search vector of `objects` from their stored title and
        search text, in one UPDATE (a bulk writer sets `search_text` itself, then calls this).
        A separate UPDATE: in the one that sets search_text, the old text would be read."""
        if connection.vendor == "postgresql":
            objects.update(search_vector=search_vector(self.title_field))


def _full_text(kind: SearchKind, qs: QuerySet, query: str) -> QuerySet:
    search = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    return (
        qs.filter(search_vector=search)
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by("-rank", kind.title_field, "pk")
    )


def _close_matches(kind: SearchKind, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """Every long-enough word is like a word of the title or the body (trigram similarity)."""
    words = [w for w in parsed.words if len(w) >= TRIGRAM_MIN_WORD][:MAX_FUZZY_WORDS]
    if not words:
        return qs.none()
    rank = Value(0.0, output_field=FloatField())
    for index, word in enumerate(words):
        title_alias, body_alias = f"title_like_{index}", f"body_like_{index}"
        qs = qs.alias(
            **{
                title_alias: TrigramWordSimilarity(word, kind.title_field),
                body_alias: TrigramWordSimilarity(word, "search_text"),
            }
        ).filter(
            Q(**{f"{title_alias}__gte": TRIGRAM_THRESHOLD})
            | Q(**{f"{body_alias}__gte": TRIGRAM_THRESHOLD})
        )
        # A title that matches counts double.
        rank = rank + 2 * F(title_alias) + F(body_alias)
    for term in parsed.excluded:
        qs = qs.exclude(**{f"{kind.title_field}__icontains": term}).exclude(
            search_text__icontains=term
        )
    return qs.annotate(rank=rank).order_by("-rank", kind.title_field, "pk")


def _word_matches(kind: SearchKind, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """SQLite: all terms of one alternative appear in the title or the body."""

    def contains(term: str) -> Q:
        return Q(**{f"{kind.title_field}__icontains": term}) | Q(search_text__icontains=term)

    matches = Q()
    for group in parsed.alternatives:
        every = Q()
        for term in group:
            every &= contains(term)
        matches |= every
    qs = qs.filter(matches)
    for term in parsed.excluded:
        qs = qs.exclude(contains(term))
    title_hits = Value(0, output_field=IntegerField())
    for term in parsed.terms:
        title_hits = title_hits + Case(
            When(**{f"{kind.title_field}__icontains": term}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return qs.annotate(rank=title_hits).order_by("-rank", kind.title_field, "pk")


# Spelling ------------------------------------------------------------------------------------

VOCABULARY_KEY = "search:vocabulary:{version}"
VOCABULARY_ROWS = 1000  # newest items of each kind read for the vocabulary
SPELLING_CUTOFF = 0.75  # how alike (0–1) a correction must be to the word typed
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary(kinds: list[SearchKind]) -> frozenset[str]:
    """Every word of the searchable titles and text, lower-cased (one query a kind, once
    per content version: the cache keeps it until something changes)."""
    from careers.core.cache import content_version  # the cache imports the plugins

    key = VOCABULARY_KEY.format(version=content_version())
    words = cache.get(key)
    if words is None:
        found: set[str] = set()
        for spec in kinds:
            rows = spec.queryset().order_by("-pk").values_list(spec.title_field, "search_text")
            for title, text in rows[:VOCABULARY_ROWS]:
                found.update(_VOCABULARY_WORD.findall(f"{title} {text}".lower()))
        words = frozenset(found)
        cache.set(key, words, timeout=24 * 60 * 60)
    return words


def spelling_corrections(words: list[str], known: frozenset[str]) -> dict[str, str]:
    """{word typed: the nearest known word} for words of four letters or more that appear
    nowhere; a transposition ("pytroch") or a letter too many or too few is forgiven."""
    corrections = {}
    for word in words:
        if len(word) < TRIGRAM_MIN_WORD or word in known or not word.isalpha():
            continue
        candidates = [w for w in known if w[0] == word[0] and abs(len(w) - len(word)) <= 2]
        best = difflib.get_close_matches(word, candidates, n=1, cutoff=SPELLING_CUTOFF)
        if best:
            corrections[word] = best[0]
    return corrections


def _corrected_text(text: str, corrections: dict[str, str]) -> str:
    return _WORD.sub(lambda m: corrections.get(m.group().lower(), m.group()), text)


def _matching(kinds: list[SearchKind], text: str, parsed: ParsedQuery) -> dict[str, QuerySet]:
    postgres = connection.vendor == "postgresql"
    return {
        spec.key: _full_text(spec, spec.queryset(), text)
        if postgres
        else _word_matches(spec, spec.queryset(), parsed)
        for spec in kinds
    }


def search(*, kinds: list[SearchKind], query: str, page: int = 1, kind: str = "") -> SearchResults:
    """Search every kind of content readers can open; a fixed number of queries.

    With `kind` (a kind's key, e.g. "guides") one kind is paginated (`page`, past the
    end shows the last page); otherwise each kind shows its best few. One count a
    kind, one more a kind when the close-match fallback runs, and one query a kind shown.
    """
    text, truncated = clean_query(query)
    kind = kind if kind in {spec.key for spec in kinds} else ""
    parsed = parse_query(text)
    results = SearchResults(query=text, truncated=truncated, has_words=bool(parsed), kind=kind)
    if not parsed:
        return results

    querysets = _matching(kinds, text, parsed)
    counts = {key: qs.count() for key, qs in querysets.items()}
    if connection.vendor == "postgresql" and not any(counts.values()):
        fuzzy = {spec.key: _close_matches(spec, spec.queryset(), parsed) for spec in kinds}
        fuzzy_counts = {key: qs.count() for key, qs in fuzzy.items()}
        if any(fuzzy_counts.values()):
            querysets, counts, results.fuzzy = fuzzy, fuzzy_counts, True
    if not any(counts.values()):
        corrections = spelling_corrections(parsed.words, vocabulary(kinds))
        if corrections:
            corrected = _corrected_text(text, corrections)
            parsed = parse_query(corrected)
            querysets = _matching(kinds, corrected, parsed)
            counts = {key: qs.count() for key, qs in querysets.items()}
            if any(counts.values()):
                results.corrected = corrected

    matcher = _Matcher(parsed.words, fuzzy=results.fuzzy)
    for spec in kinds:
        group = SearchGroup(kind=spec.key, label=spec.label, count=counts[spec.key])
        results.groups.append(group)
        if not group.count or (kind and kind != spec.key):
            continue
        if kind:
            paginator = Paginator(querysets[spec.key], PAGE_SIZE)
            # The count is known: tell the paginator, so it does not ask again.
            paginator.count = group.count
            results.page = paginator.page(min(max(page, 1), paginator.num_pages))
            objects = results.page.object_list
        else:
            objects = querysets[spec.key][:PREVIEW_SIZE]
        group.hits = [spec.hit(obj, matcher) for obj in objects]
    return results

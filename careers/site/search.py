"""Site search over every kind of content the apps plug in (careers.core.plugins), and
the questions people type that a page answers outright:

- a career and a word for pay ("machine learning engineer salary"): that career's
  salary page leads, and the rest of the query ("machine learning engineer") is
  searched as usual;
- two careers set against each other ("data scientist vs machine learning
  engineer"): their comparison leads, and either career is searched;
- a word for pay alone ("salary"): every career's pay side by side (/careers/)
  and each salary page lead; "compare" alone: the compare picker.

Career names are matched forgivingly (plurals, a typo in a long word, "MLE").
"""

import difflib
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape

from careers.core.plugins import search_kinds
from careers.core.search import SearchHit, SearchResults, clean_query, search
from guides.compare import compare_url
from guides.selectors import GuideSummary, live_career_summaries

PAY_WORDS = {
    "salary",
    "salaries",
    "pay",
    "pays",
    "paid",
    "wage",
    "wages",
    "earn",
    "earns",
    "earnings",
    "income",
    "compensation",
}
COMPARE_WORDS = {"compare", "comparison", "comparisons"}
_VERSUS = re.compile(r"\s+(?:vs\.?|versus|v\.?|compared\s+(?:to|with))\s+", re.IGNORECASE)
_WORD = re.compile(r"[\w+#]+")
# Words a query may carry around a career's name without changing what it asks.
_FILLER = {"a", "an", "the", "of", "for", "in", "how", "much", "does", "do", "what", "is", "vs"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _same_word(typed: str, word: str) -> bool:
    """ "engineers" is "engineer"; a slip in a long word ("scientst") is forgiven."""
    if typed == word or typed.rstrip("s") == word.rstrip("s"):
        return True
    return len(word) >= 5 and difflib.SequenceMatcher(None, typed, word).ratio() >= 0.85


def _names(summary: GuideSummary) -> list[list[str]]:
    """The ways a query may name the career: its name, and its initials when they are
    three letters or more ("MLE")."""
    words = _words(summary.career_name)
    names = [words]
    if len(words) >= 3:
        names.append(["".join(word[0] for word in words)])
    return names


def _position(words: list[str], name: list[str]) -> int | None:
    """Where the words say `name`, or None."""
    for start in range(len(words) - len(name) + 1):
        said = words[start : start + len(name)]
        if all(_same_word(typed, word) for typed, word in zip(said, name, strict=True)):
            return start
    return None


def _named_careers(words: list[str], careers: list[GuideSummary]) -> list[GuideSummary]:
    """The careers the words name, in the order they come."""
    found = []
    for career in careers:
        positions = [_position(words, name) for name in _names(career)]
        positions = [position for position in positions if position is not None]
        if positions:
            found.append((min(positions), career))
    return [career for _, career in sorted(found, key=lambda item: item[0])]


@dataclass(frozen=True)
class Intent:
    leading: list[SearchHit]
    searched_for: str  # "" keeps the query as typed


def _salary_hit(career: GuideSummary) -> SearchHit:
    figures = career.figures
    return SearchHit(
        title=escape(f"{career.career_name} salary"),
        url=career.salary_url,
        meta=f"Salary · typical pay {figures.pay} {figures.pay_period_words}",
        snippet=escape(
            "The typical pay range with its source and date, pay by level, and the job outlook."
        ),
    )


def _compare_hit(first: GuideSummary, second: GuideSummary) -> SearchHit:
    a, b = sorted((first, second), key=lambda s: s.career_slug)
    return SearchHit(
        title=escape(f"{a.career_name} vs {b.career_name}"),
        url=compare_url(a.career_slug, b.career_slug),
        meta=f"Comparison · {a.figures.pay} vs {b.figures.pay} typical pay",
        snippet=escape(
            "Pay by level, outlook, typical time, cost, and the skills and "
            "certifications the two share."
        ),
    )


def _hub_hit() -> SearchHit:
    return SearchHit(
        title=escape("Careers: pay and time side by side"),
        url=reverse("careers:index"),
        meta="Every career's typical pay and time, sortable",
        snippet=escape("Each career's typical pay and how long the usual way in takes."),
    )


def _picker_hit() -> SearchHit:
    return SearchHit(
        title=escape("Compare two careers"),
        url=reverse("careers:compare_index"),
        meta="Pick two careers to set side by side",
        snippet=escape("Pay, outlook, time, cost, skills and certifications."),
    )


def read_intent(text: str) -> Intent:
    """What the query asks that a page answers outright (one query, only when the query
    has a word for pay or comparison in it)."""
    words = _words(text)
    pay = [w for w in words if w in PAY_WORDS]
    versus = _VERSUS.search(text) is not None
    compare = versus or any(w in COMPARE_WORDS for w in words)
    if not (pay or compare):
        return Intent([], "")
    careers = live_career_summaries()
    named = _named_careers([w for w in words if w not in PAY_WORDS | COMPARE_WORDS], careers)
    rest = [w for w in words if w not in PAY_WORDS | COMPARE_WORDS | _FILLER]
    if versus and len(named) >= 2:
        first, second = named[0], named[1]
        both = f"{first.career_name} or {second.career_name}"
        return Intent([_compare_hit(first, second)], both)
    if named and pay:
        return Intent([_salary_hit(named[0])], " ".join(rest))
    if pay and not rest:
        return Intent([_hub_hit(), *(_salary_hit(c) for c in careers)], "")
    if compare and not rest:
        return Intent([_picker_hit()], "")
    return Intent([], "")


def site_search(*, query: str, page: int = 1, kind: str = "") -> SearchResults:
    """Search every kind of content readers can open (see careers.core.search.search),
    led by the pages that answer the query outright."""
    text, truncated = clean_query(query)
    intent = read_intent(text)
    results = search(kinds=search_kinds(), query=intent.searched_for or text, page=page, kind=kind)
    if intent.searched_for:
        results.searched_for = results.query
        results.query = text
    results.truncated = truncated
    if page == 1 and not kind:
        results.leading = intent.leading
    return results

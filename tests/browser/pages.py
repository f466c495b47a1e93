"""Every public page type the browser suite checks: add a line when an issue adds a type."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    path: str
    status: int = 200
    # The schema.org types of the page's JSON-LD, exactly.
    json_ld: frozenset[str] = frozenset()
    # A <details> the reader opens (the FAQ), checked for keyboard use and print.
    disclosure: str | None = None


PAGES = {
    "home": PageType("/"),
    "guide-index": PageType("/guides/", json_ld=frozenset({"BreadcrumbList"})),
    "guide": PageType(
        "/guides/machine-learning-engineer/",
        json_ld=frozenset({"Article", "BreadcrumbList", "FAQPage"}),
        disclosure="#faq details",
    ),
    "salary": PageType(
        "/careers/machine-learning-engineer/salary/",
        json_ld=frozenset({"Occupation", "BreadcrumbList"}),
    ),
    "compare": PageType(
        "/compare/data-scientist-vs-machine-learning-engineer/",
        json_ld=frozenset({"BreadcrumbList"}),
    ),
    "search": PageType("/search/?q=python"),
    "not-found": PageType("/guides/no-such-guide/", status=404),
}

"""Every public page type the browser suite checks: add a line when an issue adds a type."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    # The address, or a function that finds it in the demo content (an id varies).
    path: str | Callable[[], str]
    status: int = 200
    # The schema.org types of the page's JSON-LD, exactly.
    json_ld: frozenset[str] = frozenset()
    # A <details> the reader opens (the FAQ), checked for keyboard use and print.
    disclosure: str | None = None

    def url(self, site: str) -> str:
        if callable(self.path):
            from tests.browser.checks import orm_beside_playwright

            with orm_beside_playwright():
                return site + self.path()
        return site + self.path


def open_listing() -> str:
    from jobs.models import JobListing

    return JobListing.objects.live().order_by("pk").first().get_absolute_url()


def closed_listing() -> str:
    from django.utils import timezone

    from jobs.models import JobListing

    closed = JobListing.objects.filter(valid_through__lt=timezone.localdate()).order_by("pk")
    return closed.first().get_absolute_url()


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
    "careers": PageType("/careers/?sort=pay", json_ld=frozenset({"BreadcrumbList"})),
    "compare-picker": PageType("/compare/", json_ld=frozenset({"BreadcrumbList"})),
    "search": PageType("/search/?q=python"),
    "search-salary": PageType("/search/?q=machine+learning+engineer+salary"),
    "decks": PageType("/flashcards/", json_ld=frozenset({"BreadcrumbList"})),
    "deck": PageType(
        "/flashcards/machine-learning-interview-questions/",
        json_ld=frozenset({"Quiz", "BreadcrumbList"}),
        disclosure=".deck-list details",
    ),
    "jobs": PageType(
        "/jobs/?career=machine-learning-engineer", json_ld=frozenset({"BreadcrumbList"})
    ),
    "job": PageType(open_listing, json_ld=frozenset({"JobPosting", "BreadcrumbList"})),
    "closed-job": PageType(closed_listing, status=410, json_ld=frozenset({"BreadcrumbList"})),
    "skills": PageType("/skills/", json_ld=frozenset({"BreadcrumbList"})),
    "skill": PageType("/skills/python/", json_ld=frozenset({"DefinedTerm", "BreadcrumbList"})),
    "jobs-by-skill": PageType(
        "/jobs/?skill=python&skill=pytorch", json_ld=frozenset({"BreadcrumbList"})
    ),
    "plan": PageType("/plan/"),
    "not-found": PageType("/guides/no-such-guide/", status=404),
}

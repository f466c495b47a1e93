"""/sitemap.xml: every page readers can open, with the time it last changed.

Each section reads its items in one query (a list, so the paginator does not
count them again) and only the columns it needs: nothing per item.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from careers.models import Career
from flashcards.models import Deck
from guides.models import Guide
from jobs.models import JobListing


def _latest(queryset):
    return queryset.aggregate(latest=Max("updated_at"))["latest"]


class StaticPageSitemap(Sitemap):
    """Home and the three indexes, dated by the newest change to what they list."""

    def items(self):
        # Three queries, whatever the amount of content.
        guides = _latest(Guide.objects.live())
        decks = _latest(Deck.objects.live())
        jobs = _latest(JobListing.objects.live())
        return [
            ("careers:home", max(filter(None, (guides, decks, jobs)), default=None)),
            ("guides:index", guides),
            ("flashcards:index", decks),
            ("jobs:list", jobs),
        ]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


class GuideSitemap(Sitemap):
    def items(self):
        return list(Guide.objects.live().only("slug", "updated_at").order_by("pk"))

    def lastmod(self, guide):
        return guide.updated_at


class SalarySitemap(Sitemap):
    """A career's salary page exists while it has a live guide (see careers.views.salary)."""

    def items(self):
        # filter() before annotate(): the latest update of its *live* guides only.
        return list(
            Career.objects.filter(guides__in=Guide.objects.live())
            .annotate(guide_updated_at=Max("guides__updated_at"))
            .only("slug", "updated_at")
            .order_by("pk")
        )

    def lastmod(self, career):
        return max(career.updated_at, career.guide_updated_at)


class DeckSitemap(Sitemap):
    def items(self):
        return list(Deck.objects.live().only("slug", "updated_at").order_by("pk"))

    def lastmod(self, deck):
        return deck.updated_at


class JobListingSitemap(Sitemap):
    def items(self):
        # The address carries a slug made from the title.
        return list(JobListing.objects.live().only("title", "updated_at").order_by("pk"))

    def lastmod(self, listing):
        return listing.updated_at


SITEMAPS = {
    "pages": StaticPageSitemap,
    "guides": GuideSitemap,
    "salaries": SalarySitemap,
    "decks": DeckSitemap,
    "jobs": JobListingSitemap,
}

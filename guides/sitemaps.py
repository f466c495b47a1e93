"""The guides' sections of /sitemap.xml: one query each, only the columns they need."""

from django.db.models import Max
from django.urls import reverse

from careers.core.sitemaps import LiveSitemap, SiteSitemap
from careers.models import Career
from guides.models import Guide


class GuideSitemap(LiveSitemap):
    model = Guide


class SalarySitemap(SiteSitemap):
    """A career's salary page exists while it has a live guide (see guides.views.salary)."""

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


class HubSitemap(SiteSitemap):
    """/careers/ and /compare/: they show every career with a live guide, so they change
    when one of those careers or guides does (one query for both)."""

    def items(self):
        latest = Career.objects.filter(guides__in=Guide.objects.live()).aggregate(
            career=Max("updated_at"), guide=Max("guides__updated_at")
        )
        changed = max(filter(None, latest.values()), default=None)
        if changed is None:
            return []  # no live guide: both pages are empty
        return [("careers:index", changed), ("careers:compare_index", changed)]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


SITEMAPS = {"guides": GuideSitemap, "salaries": SalarySitemap, "hubs": HubSitemap}

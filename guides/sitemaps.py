"""The guides' sections of /sitemap.xml: one query each, only the columns they need."""

from django.db.models import Max

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


SITEMAPS = {"guides": GuideSitemap, "salaries": SalarySitemap}

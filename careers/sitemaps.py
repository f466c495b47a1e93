"""The skills' section of /sitemap.xml: the skills index and every skill's page (one query)."""

from django.urls import reverse

from careers.core.sitemaps import SiteSitemap
from careers.models import Skill


class SkillSitemap(SiteSitemap):
    """Skills have no publish state: every one has a public page. The index is dated by
    the newest change to any skill."""

    def items(self):
        skills = list(Skill.objects.only("slug", "updated_at").order_by("pk"))
        newest = max((skill.updated_at for skill in skills), default=None)
        return [(reverse("skills:index"), newest)] + [
            (skill.get_absolute_url(), skill.updated_at) for skill in skills
        ]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]


SITEMAPS = {"skills": SkillSitemap}

"""/sitemap.xml: every page readers can open, with the time it last changed.

Each app plugs in its own sections (careers.core.plugins); this module adds
the home page and the apps' list pages. Each section reads its items in one
query (a list, so the paginator does not count them again) and only the
columns it needs: nothing per item.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from careers.core.plugins import plugins
from careers.core.sitemaps import SiteSitemap


class PagesSitemap(SiteSitemap):
    """Home and each app's list page, dated by the newest change to what they list."""

    def items(self):
        # One query an app, whatever the amount of content.
        pages = [(p.list_url, p.latest_change()) for p in plugins() if p.list_url]
        home = max(filter(None, (changed for _, changed in pages)), default=None)
        return [("careers:home", home), *pages]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


def sitemaps() -> dict[str, type[Sitemap]]:
    """The sections of the sitemap: the list pages, then each app's own."""
    sections: dict[str, type[Sitemap]] = {"pages": PagesSitemap}
    for plugin in plugins():
        sections.update(plugin.sitemaps)
    return sections

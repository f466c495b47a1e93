"""Sitemap sections of live items, shared by the apps (each registers its own)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class SiteSitemap(Sitemap):
    """A sitemap section whose addresses are on settings.SITE_URL, whatever the request's
    Host header and scheme (Django's would take them from the request)."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class LiveSitemap(SiteSitemap):
    """A model's live items in one query, reading only the columns their address needs."""

    model = None  # a Publishable model
    address_fields: tuple[str, ...] = ("slug",)

    def items(self):
        fields = (*self.address_fields, "updated_at")
        return list(self.model.objects.live().only(*fields).order_by("pk"))

    def lastmod(self, item):
        return item.updated_at

"""Sitemap sections of live items, shared by the apps (each registers its own)."""

from django.contrib.sitemaps import Sitemap


class LiveSitemap(Sitemap):
    """A model's live items in one query, reading only the columns their address needs."""

    model = None  # a Publishable model
    address_fields: tuple[str, ...] = ("slug",)

    def items(self):
        fields = (*self.address_fields, "updated_at")
        return list(self.model.objects.live().only(*fields).order_by("pk"))

    def lastmod(self, item):
        return item.updated_at

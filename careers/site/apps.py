from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The pages that compose every app: home, search, compare, sitemap, content health."""

    name = "careers.site"
    label = "site"
    verbose_name = "Site"

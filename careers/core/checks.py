"""System checks for settings that are valid but wrong for production."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_page_cache(app_configs, **kwargs):
    """Readers' pages need one cache shared by every worker (careers/cache.py).

    With a per-process cache, each gunicorn worker keeps its own content version,
    so an edit made through one worker is not seen by the others' readers until
    their copies expire.
    """
    if settings.PAGE_CACHE_SECONDS > 0 and isinstance(caches["default"], LocMemCache):
        return [
            Warning(
                "The readers' page cache is in per-process memory: with several "
                "workers, an edit can stay unseen for up to PAGE_CACHE_SECONDS.",
                hint="Set CACHE_URL=redis://... (shared by every worker and server), "
                "or PAGE_CACHE_SECONDS=0.",
                id="careers.W001",
            )
        ]
    return []


@register(deploy=True)
def site_url_is_https(app_configs, **kwargs):
    """Canonical URLs, the sitemap, feeds and robots.txt print SITE_URL (careers.core.web)."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and parts.netloc and not parts.path:
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: canonical URLs, the sitemap, feeds and "
            "robots.txt would point readers and search engines there.",
            hint="Set SITE_URL to the site's public https address, e.g. https://careers.example "
            "(scheme and host only).",
            id="careers.W002",
        )
    ]

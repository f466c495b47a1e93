"""System checks for settings that are valid but wrong for production."""

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

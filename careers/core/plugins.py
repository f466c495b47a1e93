"""How an app plugs itself into the site, without the site knowing which apps exist.

Each content app describes what it brings in one `ContentPlugin`, as `PLUGIN`
in its `plugin.py`; its AppConfig (a `PluginAppConfig`) registers it when Django
is ready. The site layer (careers.site) and the core's page cache then ask the
registry, in the order the apps are installed:

- `model` and `list_url`: the publishable model its list page shows, which
  dates that page in the sitemap and, by its publish window, tells the page
  cache when a page changes by the clock (`next_change` when there is more);
- `sitemaps`: its sections of /sitemap.xml;
- `search_kind`: what site search finds of it;
- `demo_load`: its demo content for `manage.py load_demo`;
- `career_page`: extra context for a career's guide page (the interview-prep
  preview, the open-jobs count), so the guide app need not import the others.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django.contrib.sitemaps import Sitemap

    from careers.core.demo import DemoLoadResult
    from careers.core.search import SearchKind


@dataclass(frozen=True)
class ContentPlugin:
    """What one app brings to the site-wide pages. Every part is optional."""

    name: str
    model: type | None = None  # a Publishable model
    list_url: str = ""  # URL name of the page that lists the model's live items
    sitemaps: Mapping[str, type["Sitemap"]] = field(default_factory=dict)
    search_kind: "SearchKind | None" = None
    # at -> the next moment a page changes by the clock; by default the model's
    # publish window (one query).
    next_change: Callable[[datetime.datetime], datetime.datetime | None] | None = None
    demo_load: Callable[[], "DemoLoadResult"] | None = None
    # career -> context for its guide page; one fixed number of queries.
    career_page: Callable[[Any], dict] | None = None

    def latest_change(self) -> datetime.datetime | None:
        """When the newest of the items the list page shows last changed (one query)."""
        from careers.core.publishing import latest_update  # models: not before apps load

        return latest_update(self.model.objects.live()) if self.model else None

    def next_clock_change(self, at: datetime.datetime) -> datetime.datetime | None:
        from careers.core.publishing import next_window_change  # models: not before apps load

        if self.next_change:
            return self.next_change(at)
        return next_window_change(self.model, at=at) if self.model else None


class PluginAppConfig(AppConfig):
    """An app that plugs into the site: registers `<app>.plugin.PLUGIN` once Django is ready.

    Subclass it as `plugins.PluginAppConfig`: a second AppConfig class imported into an
    app's apps.py would stop Django choosing the app's own.
    """

    def ready(self):
        register(import_string(f"{self.name}.plugin.PLUGIN"))


_plugins: dict[str, ContentPlugin] = {}


def register(plugin: ContentPlugin) -> None:
    """Add (or, on a second `ready()`, replace) an app's plugin."""
    _plugins[plugin.name] = plugin


def plugins() -> list[ContentPlugin]:
    """Every registered plugin, in the order the apps are installed."""
    return list(_plugins.values())


def search_kinds() -> list["SearchKind"]:
    return [plugin.search_kind for plugin in plugins() if plugin.search_kind]


def next_scheduled_change(*, at: datetime.datetime) -> datetime.datetime | None:
    """The next moment any page may change by the clock alone."""
    moments = [plugin.next_clock_change(at) for plugin in plugins()]
    return min((moment for moment in moments if moment is not None), default=None)


def career_page_context(career) -> dict:
    """Every app's contribution to a career's guide page, merged."""
    context: dict = {}
    for plugin in plugins():
        if plugin.career_page:
            context.update(plugin.career_page(career))
    return context

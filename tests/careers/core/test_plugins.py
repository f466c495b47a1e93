"""Each app plugs itself into the site-wide pages; the site never asks which apps exist."""

from careers.core.plugins import plugins, search_kinds
from careers.site.sitemaps import sitemaps


def test_every_app_registers_its_plugin_in_installed_order():
    assert [plugin.name for plugin in plugins()] == ["careers", "guides", "flashcards", "jobs"]


def test_the_site_composes_what_the_apps_bring():
    assert [kind.key for kind in search_kinds()] == ["skills", "guides", "cards", "jobs"]
    assert list(sitemaps()) == ["pages", "skills", "guides", "salaries", "hubs", "decks", "jobs"]

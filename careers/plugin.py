"""What the hub brings to the site-wide pages (careers.core.plugins): its demo careers
and skills, and skills for the sitemap and site search."""

from careers.core.plugins import ContentPlugin
from careers.demo import careers_load_demo
from careers.search import skill_search
from careers.sitemaps import SITEMAPS

PLUGIN = ContentPlugin(
    name="careers", sitemaps=SITEMAPS, search_kind=skill_search, demo_load=careers_load_demo
)

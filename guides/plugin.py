"""What the guides app brings to the site-wide pages (careers.core.plugins)."""

from careers.core.plugins import ContentPlugin
from guides.demo import guides_load_demo
from guides.models import Guide
from guides.search import guide_search
from guides.sitemaps import SITEMAPS

PLUGIN = ContentPlugin(
    name="guides",
    model=Guide,
    list_url="guides:index",
    sitemaps=SITEMAPS,
    search_kind=guide_search,
    demo_load=guides_load_demo,
)

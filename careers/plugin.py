"""What the hub brings to the site-wide pages (careers.core.plugins): its demo careers."""

from careers.core.plugins import ContentPlugin
from careers.demo import careers_load_demo

PLUGIN = ContentPlugin(name="careers", demo_load=careers_load_demo)

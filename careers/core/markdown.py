"""Editor Markdown to HTML that is safe to show: rendered once, on save."""

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["replacements", "smartquotes"]
)

ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(source: str) -> str:
    """Markdown to sanitised HTML: raw HTML is escaped, then an allow-list cleans the rest."""
    if not source:
        return ""
    return sanitise_html(_markdown.render(source))


def sanitise_html(html: str) -> str:
    """The last guard: only the allowed tags, attributes and link schemes survive."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    ).strip()

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


# Employers' job descriptions arrive as HTML with section headings. They keep them
# (one level below the page's own <h1>: a board's <h1> loses its tag, keeps its text).
POSTING_TAGS = ALLOWED_TAGS | {"h2", "h3", "h4", "h5", "h6"}


def sanitise_posting_html(html: str) -> str:
    """An employer's HTML description through the editor allow-list plus headings: no
    script, style, iframe or image (so no tracking pixel) survives."""
    return nh3.clean(
        html,
        tags=POSTING_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    ).strip()

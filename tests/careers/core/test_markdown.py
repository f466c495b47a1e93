from html.parser import HTMLParser

import pytest

from careers.core.markdown import ALLOWED_TAGS, render_markdown, sanitise_html


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    collector = ElementCollector()
    collector.feed(html)
    return collector.elements


def test_light_formatting_is_kept():
    html = render_markdown(
        "Read *Hands-On ML* and [the docs](https://pytorch.org).\n\n- one\n- two"
    )
    assert "<em>Hands-On ML</em>" in html
    assert '<a href="https://pytorch.org" rel="noopener nofollow">the docs</a>' in html
    assert "<li>one</li>" in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        '[x](https://ok.example "a" onmouseover="alert(1)")',
        "<svg onload=alert(1)>",
    ],
)
def test_editor_input_never_becomes_markup_that_runs(payload):
    for tag, attrs in elements(render_markdown(payload)):
        assert tag in ALLOWED_TAGS
        assert not any(name.startswith("on") for name in attrs)
        assert not attrs.get("href", "").lower().startswith("javascript:")


def test_empty_source_renders_nothing():
    assert render_markdown("") == ""


# Written out here, not imported: widening the module's allow-list must fail this test.
SAFE_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "br"}
SAFE_ATTRIBUTES = {"a": {"href", "title", "rel"}}

HOSTILE_HTML = (
    '<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><iframe src="x">'
    '</iframe><table><tr><td>cell</td></tr></table><h1>big</h1><span style="x">s</span>'
    '<form action="x"><input name="y"></form><svg onload="x"></svg><object data="x"></object>'
    '<a href="javascript:alert(1)" onclick="x" target="_blank">js</a>'
    '<a href="https://ok.example" title="t" id="i" class="c">ok</a>'
    '<p class="c" style="color: red" onclick="x">kept <em class="c" style="x">this</em></p>'
)


def test_the_sanitiser_lets_through_only_the_fixed_safe_set():
    """Raw HTML straight into the last guard, whatever the Markdown step would have done."""
    for tag, attrs in elements(sanitise_html(HOSTILE_HTML)):
        assert tag in SAFE_TAGS, tag
        assert set(attrs) <= SAFE_ATTRIBUTES.get(tag, set()), (tag, attrs)
        assert not attrs.get("href", "https:").lower().startswith("javascript:")
    assert sanitise_html(HOSTILE_HTML).endswith(
        '<a href="https://ok.example" title="t" rel="noopener nofollow">ok</a>'
        "<p>kept <em>this</em></p>"
    )


def test_raw_html_in_markdown_is_shown_as_text_not_dropped_or_run():
    html = render_markdown("Use <b>bold</b> and <img src=x>.")
    assert html == "<p>Use &lt;b&gt;bold&lt;/b&gt; and &lt;img src=x&gt;.</p>"

from html.parser import HTMLParser

import pytest

from careers.core.markdown import ALLOWED_TAGS, render_markdown


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

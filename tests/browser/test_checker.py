"""The checks themselves: a sound page passes each one, a deliberately broken one fails it.

The pages are served from a made-up origin by the browser itself (no server).
"""

import json
import re

import pytest

from tests.browser import checks

pytestmark = pytest.mark.browser

ORIGIN = "http://checker.test"

STRUCTURED_DATA = [
    {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "How to Become a Tester (2026 Guide)",
        "datePublished": "2026-01-05T09:00:00+00:00",
        "dateModified": "2026-02-01T10:30:00+00:00",
        "author": {"@type": "Organization", "name": "Checker Site"},
        "publisher": {"@type": "Organization", "name": "Checker Site"},
        "mainEntityOfPage": f"{ORIGIN}/guide/",
    },
    {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{ORIGIN}/"},
            {"@type": "ListItem", "position": 2, "name": "Guides", "item": f"{ORIGIN}/guide/"},
        ],
    },
    {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": "Is testing fun?",
                "acceptedAnswer": {"@type": "Answer", "text": "<p>Yes, <em>every</em> day.</p>"},
            }
        ],
    },
    {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": "Tester",
        "estimatedSalary": [
            {
                "@type": "MonetaryAmount",
                "name": "Median range",
                "currency": "USD",
                "minValue": 90000,
                "maxValue": 120000,
            }
        ],
    },
]

CSS = """
:root { color-scheme: light dark; }
body { font: 16px/1.5 sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
a { color: #0645ad; }
:focus-visible { outline: 3px solid #0a58a8; outline-offset: 2px; }
header, main, footer { padding: 1rem; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #111; }
  a { color: #9ccaff; }
  :focus-visible { outline-color: #9ccaff; }
  .skip:focus { background: #111; }
}
@media print {
  .skip, nav { display: none; }
  details::details-content { content-visibility: visible; display: block; }
}
"""

GOOD_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>How to Become a Tester (2026 Guide)</title>
<link rel="stylesheet" href="/site.css">
<script type="application/ld+json">JSON_LD</script>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header>
<a href="/">Checker Site</a>
<nav aria-label="Breadcrumb"><ol>
<li><a href="/">Home</a></li>
<li><a href="/guide/" aria-current="page">Guides</a></li>
</ol></nav>
</header>
<main id="main" tabindex="-1">
<h1>How to Become a Tester (2026 Guide)</h1>
<p class="dates">Published <time datetime="2026-01-05">January 5, 2026</time>;
updated <time datetime="2026-02-01">February 1, 2026</time>.</p>
<p class="price">Tester median range: $90K–$120K a year.</p>
<h2>Questions</h2>
<details><summary>Is testing fun?</summary><p>Yes, <em>every</em> day.</p></details>
</main>
<footer><p>Checker Site</p></footer>
</body>
</html>
"""


def page_html(*, body_extra: str = "", replace: tuple[str, str] = ("", ""), json_ld=None) -> str:
    data = STRUCTURED_DATA if json_ld is None else json_ld
    html = GOOD_PAGE.replace("JSON_LD", json.dumps(data) if not isinstance(data, str) else data)
    if replace[0]:
        assert replace[0] in html, replace[0]
        html = html.replace(*replace)
    return html.replace("</main>", body_extra + "</main>")


@pytest.fixture
def serve(new_context):
    """Open `html` (with `css`) as http://checker.test/guide/ at the given viewport/scheme."""

    def open_page(html: str = GOOD_PAGE, *, css: str = CSS, **options):
        options.setdefault("viewport", checks.DESKTOP)
        context = new_context(site_origin=ORIGIN, **options)
        files = {"/guide/": (html, "text/html"), "/site.css": (css, "text/css")}

        def respond(route):
            path = route.request.url.removeprefix(ORIGIN)
            if path in files:
                body, kind = files[path]
                route.fulfill(status=200, body=body, content_type=f"{kind}; charset=utf-8")
            else:
                route.fulfill(status=404, body="Not found", content_type="text/plain")

        context.route(f"{ORIGIN}/**", respond)
        return checks.visit(context, f"{ORIGIN}/guide/")

    return open_page


GOOD = page_html()


# --- A sound page passes ------------------------------------------------------------


def test_sound_page_passes_load_and_accessibility_checks(serve):
    visit = serve(GOOD)
    assert visit.status == 200
    assert visit.console_errors == []
    assert visit.foreign_requests == []
    assert visit.failed_responses == []
    assert checks.stylesheet_problems(visit.page) == []
    assert checks.axe_violations(visit.page) == []


def test_sound_page_passes_keyboard_checks(serve):
    assert checks.skip_link_problems(serve(GOOD).page) == []
    assert checks.focus_problems(serve(GOOD).page) == []
    assert checks.details_keyboard_problems(serve(GOOD).page) == []


def test_sound_page_passes_layout_and_media_checks(serve):
    assert checks.horizontal_overflow(serve(GOOD, viewport=checks.NARROWEST).page) == []
    page = serve(GOOD).page
    assert checks.hidden_in_dark_mode(page) == []
    assert checks.hidden_in_print(page) == []
    page.emulate_media(color_scheme="dark")
    assert checks.axe_violations(page) == []


def test_sound_page_passes_structured_data_checks(serve):
    page = serve(GOOD).page
    items = checks.json_ld(page)
    assert checks.types_of(items) == {"Article", "BreadcrumbList", "FAQPage", "Occupation"}
    assert checks.schema_problems(items) == []
    assert checks.unshown_values(items, checks.ShownFacts.of(page)) == []


# --- Valid HTML: every document in one run of the checker ---------------------------

BROKEN_HTML = {
    "sound": GOOD,
    "image without alt": page_html(body_extra='<img src="/site.css" width="10" height="10">'),
    "duplicated id": page_html(body_extra='<p id="main">Again</p>'),
    "stray end tag": page_html(body_extra="<p>Text</p></div>"),
}


@pytest.fixture(scope="module")
def vnu_results():
    checks.require_tools(checks.missing_tools(), ci=checks.running_in_ci())
    return checks.validate_html(BROKEN_HTML)


def test_html_checker_passes_the_sound_page(vnu_results):
    assert vnu_results["sound"] == []


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("image without alt", "must have an “alt” attribute"),
        ("duplicated id", "Duplicate ID “main”"),
        ("stray end tag", "Stray end tag “div”"),
    ],
)
def test_html_checker_catches(vnu_results, case, expected):
    assert any(expected in error for error in vnu_results[case]), vnu_results[case]


# --- Accessibility --------------------------------------------------------------------


def test_axe_catches_each_breakage_of_a_broken_page(serve):
    html = (
        page_html(
            body_extra='<img src="/site.css" width="10" height="10">'
            '<p style="color:#bbb">Faint text</p><a href="/x/"></a>',
            replace=('<html lang="en">', "<html>"),
        )
        .replace("<h1>", "<h2>")
        .replace("</h1>", "</h2>")
        .replace('<main id="main" tabindex="-1">', '<div id="main">')
        .replace("</main>", "</div>")
    )
    problems = checks.axe_violations(serve(html).page)
    rules = {problem.split(" at ")[0] for problem in problems}
    assert rules == {
        "image-alt",
        "color-contrast",
        "html-has-lang",
        "link-name",
        "page-has-heading-one",
        "landmark-one-main",
        "region",
    }, problems


def test_axe_catches_text_that_dark_mode_makes_unreadable(serve):
    css = CSS + "@media (prefers-color-scheme: dark) { .price { color: #222; } }"
    page = serve(GOOD, css=css, color_scheme="dark").page
    problems = checks.axe_violations(page)
    assert any(p.startswith("color-contrast at .price") for p in problems), problems


# --- Loading: console, other hosts, broken resources --------------------------------


def test_console_errors_and_uncaught_exceptions_are_caught(serve):
    html = page_html(body_extra="<script>console.error('boom'); undefinedThing();</script>")
    errors = serve(html).console_errors
    assert any("boom" in e for e in errors), errors
    assert any(e.startswith("uncaught:") and "undefinedThing" in e for e in errors), errors


def test_requests_to_other_hosts_are_caught_and_blocked(serve):
    html = page_html(body_extra='<img src="https://cdn.example.com/logo.png" alt="Logo">')
    visit = serve(html)
    assert visit.foreign_requests == ["https://cdn.example.com/logo.png"]


def test_missing_resources_and_stylesheets_are_caught(serve):
    html = page_html(replace=('href="/site.css"', 'href="/missing.css"'))
    visit = serve(html)
    assert visit.failed_responses == [f"404 {ORIGIN}/missing.css"]
    assert checks.stylesheet_problems(visit.page) == [
        f"stylesheet {ORIGIN}/missing.css has no rules"
    ]


# --- Layout and media -----------------------------------------------------------------


def test_sideways_scrolling_at_320px_is_caught(serve):
    html = page_html(body_extra='<div class="wide">Wide</div>')
    visit = serve(html, css=CSS + ".wide { width: 600px; }", viewport=checks.NARROWEST)
    problems = checks.horizontal_overflow(visit.page)
    assert re.fullmatch(r"page is 6\d\dpx wide in a 320px viewport", problems[0]), problems
    assert any(p.startswith("div.wide reaches") for p in problems), problems


def test_content_that_dark_mode_hides_is_caught(serve):
    css = CSS + "@media (prefers-color-scheme: dark) { .price { display: none; } }"
    hidden = checks.hidden_in_dark_mode(serve(GOOD, css=css).page)
    assert hidden == ["<p> “Tester median range: $90K–$120K a year.”"]


def test_content_that_print_hides_is_caught(serve):
    css = CSS + "@media print { .dates { visibility: hidden; } }"
    hidden = checks.hidden_in_print(serve(GOOD, css=css).page)
    assert "<p> “Published January 5, 2026; updated February 1, 2026.”" in hidden, hidden


def test_closed_details_that_print_leaves_shut_are_caught(serve):
    css = CSS.replace("details::details-content", ".no-such-thing")
    hidden = checks.hidden_in_print(serve(GOOD, css=css).page)
    assert hidden == ["<p> “Yes, every day.”", "<em> “every”"]


# --- Keyboard -------------------------------------------------------------------------


def test_missing_skip_link_is_caught(serve):
    html = page_html(replace=('<a class="skip" href="#main">Skip to main content</a>', ""))
    problems = checks.skip_link_problems(serve(html).page)
    assert problems[0].startswith("the first Tab stop is not a skip link"), problems


def test_skip_link_to_nowhere_is_caught(serve):
    html = page_html(replace=('href="#main">Skip', 'href="#content">Skip'))
    assert checks.skip_link_problems(serve(html).page) == [
        "the skip link's target #content does not exist"
    ]


def test_skip_link_that_stays_invisible_is_caught(serve):
    css = CSS.replace(".skip:focus { left: 1rem;", ".skip:focus {")
    problems = checks.skip_link_problems(serve(GOOD, css=css).page)
    assert problems[0].startswith("the focused skip link is not visible on screen"), problems


def test_removed_focus_outline_is_caught(serve):
    css = CSS + "nav a:focus-visible { outline: none; }"
    problems = checks.focus_problems(serve(GOOD, css=css).page)
    assert problems == [
        "a “Home”: no visible focus indicator",
        "a “Guides”: no visible focus indicator",
    ]


def test_focus_hidden_behind_a_sticky_header_is_caught(serve):
    html = page_html(body_extra='<p class="spacer">End</p><p><a href="/end/">Last link</a></p>')
    css = CSS + (
        ".cover { position: fixed; bottom: 0; left: 0; right: 0; height: 50vh; background: #fff; }"
        ".spacer { height: 150vh; }"
    )
    html = html.replace("</footer>", '</footer><div class="cover"></div>')
    problems = checks.focus_problems(serve(html, css=css).page)
    assert "a “Last link”: hidden behind other content when focused" in problems, problems


def test_details_that_the_keyboard_cannot_reach_are_caught(serve):
    html = page_html(replace=("<summary>", '<summary tabindex="-1">'))
    problems = checks.details_keyboard_problems(serve(html).page)
    assert problems == ["the first details's <summary> cannot be reached with Tab"]


def test_details_that_enter_does_not_open_are_caught(serve):
    html = page_html(
        body_extra="<script>document.querySelector('summary').addEventListener("
        "'click', e => e.preventDefault())</script>"
    )
    problems = checks.details_keyboard_problems(serve(html).page)
    assert "Enter on the details's summary does not show its content" in problems, problems


# --- Structured data -------------------------------------------------------------------


def _with(index: int, **changes) -> list:
    data = json.loads(json.dumps(STRUCTURED_DATA))
    for key, value in changes.items():
        if value is None:
            del data[index][key]
        else:
            data[index][key] = value
    return data


def test_json_ld_that_does_not_parse_is_caught(serve):
    page = serve(page_html(json_ld='{"@type": "Article",}')).page
    with pytest.raises(ValueError, match="JSON-LD block 1 does not parse"):
        checks.json_ld(page)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_with(0, headline=None), "Article#1 lacks headline"),
        (_with(0, headLine="x"), "Article#1: Article has no property 'headLine'"),
        (_with(0, datePublished="5 January 2026"), "Article#1.datePublished must be an ISO 8601"),
        (_with(0, author="Checker Site"), "Article#1.author must be a Organization or Person"),
        (_with(0, **{"@context": "https://example.org"}), "Article#1: @context must be"),
        (_with(0, **{"@type": "Artikel"}), "Artikel#1: unknown schema.org type 'Artikel'"),
        (
            _with(1, itemListElement=[{"@type": "ListItem", "position": 2, "name": "Home"}]),
            "BreadcrumbList#2.itemListElement[1].position is 2, expected 1",
        ),
        (_with(2, mainEntity=[{"@type": "Question", "name": "Q?"}]), "lacks acceptedAnswer"),
        (_with(3, estimatedSalary=None), "Occupation#4 lacks estimatedSalary"),
        (
            _with(3, estimatedSalary=[{"@type": "MonetaryAmount", "minValue": 3, "maxValue": 1}]),
            "currency must be an ISO 4217 code",
        ),
    ],
    ids=[
        "no-headline",
        "unknown-property",
        "bad-date",
        "author-as-text",
        "bad-context",
        "unknown-type",
        "crumb-position",
        "question-without-answer",
        "no-salary",
        "salary-without-currency",
    ],
)
def test_schema_problems_are_caught(data, expected):
    problems = checks.schema_problems(data)
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_with(0, headline="A Headline Not On The Page"), "“A Headline Not On The Page”"),
        (_with(0, dateModified="2026-03-09T00:00:00+00:00"), "the date 2026-03-09 is not shown"),
        (_with(0, mainEntityOfPage=f"{ORIGIN}/elsewhere/"), "neither this page nor a link"),
        (_with(0, image=f"{ORIGIN}/card.png"), "image: http://checker.test/card.png is neither"),
        (
            _with(3, estimatedSalary=[{**STRUCTURED_DATA[3]["estimatedSalary"][0], "maxValue": 1}]),
            "maxValue: 1 is not shown",
        ),
        (
            _with(
                2,
                mainEntity=[
                    {
                        "@type": "Question",
                        "name": "Is testing fun?",
                        "acceptedAnswer": {"@type": "Answer", "text": "No."},
                    }
                ],
            ),
            "acceptedAnswer.text: “No.” is not in the visible text",
        ),
    ],
    ids=["headline", "date", "url", "image", "salary", "answer"],
)
def test_values_the_page_does_not_show_are_caught(serve, data, expected):
    page = serve(page_html(json_ld=data)).page
    problems = checks.unshown_values(checks.json_ld(page), checks.ShownFacts.of(page))
    assert any(expected in problem for problem in problems), problems


def test_an_articles_image_may_be_the_pages_link_preview_image(serve):
    card = f"{ORIGIN}/card.png?v=1"
    html = page_html(
        json_ld=_with(0, image=card),
        replace=("</head>", f'<meta property="og:image" content="{card}">\n</head>'),
    )
    page = serve(html).page
    assert checks.unshown_values(checks.json_ld(page), checks.ShownFacts.of(page)) == []


def test_a_link_drawn_in_svg_counts_as_a_link_on_the_page(serve):
    svg = (
        '<svg viewBox="0 0 10 10" width="40" height="40">'
        '<a href="/elsewhere/" aria-label="Go"><rect width="10" height="10"/></a></svg>'
    )
    data = _with(0, mainEntityOfPage=f"{ORIGIN}/elsewhere/")
    page = serve(page_html(json_ld=data, body_extra=svg)).page
    facts = checks.ShownFacts.of(page)
    assert f"{ORIGIN}/elsewhere/" in facts.links
    assert checks.unshown_values(checks.json_ld(page), facts) == []


def test_text_hidden_from_readers_does_not_count_as_shown(serve):
    html = page_html(replace=('<p class="price">', '<p class="price" hidden>'))
    page = serve(html).page
    problems = checks.unshown_values(checks.json_ld(page), checks.ShownFacts.of(page))
    assert problems == [
        "Occupation#4.estimatedSalary[1].name: “Median range” is not in the visible text",
        "Occupation#4.estimatedSalary[1].minValue: 90000 is not shown "
        "(looked for ['$90,000', '90,000 USD', 'USD 90,000', '$90K'])",
        "Occupation#4.estimatedSalary[1].maxValue: 120000 is not shown "
        "(looked for ['$120,000', '120,000 USD', 'USD 120,000', '$120K'])",
    ]


# --- Skipping where a tool is missing, failing in CI ---------------------------------------


def test_missing_tools_skip_on_a_developers_machine():
    with pytest.raises(pytest.skip.Exception, match="browser tests need java"):
        checks.require_tools(["java (apt-get install default-jre-headless)"], ci=False)


def test_missing_tools_fail_in_ci():
    with pytest.raises(pytest.fail.Exception, match="CI must run them"):
        checks.require_tools(["java (apt-get install default-jre-headless)"], ci=True)


def test_nothing_missing_neither_skips_nor_fails():
    checks.require_tools([], ci=True)


@pytest.mark.parametrize(
    ("value", "expected"), [("true", True), ("1", True), ("", False), ("false", False)]
)
def test_ci_is_recognised_from_the_environment(value, expected):
    assert checks.running_in_ci({"CI": value}) is expected


def test_focus_drawn_on_a_container_counts(serve):
    css = CSS + "nav a:focus-visible { outline: none; } nav li:focus-within { outline: 3px solid; }"
    assert checks.focus_problems(serve(GOOD, css=css).page) == []

"""The pictures of the figures, as a reader sees them: bars and the roadmap timeline."""

import pytest

from tests.browser import checks

pytestmark = pytest.mark.browser


def open_path(new_context, site, path, **options):
    options.setdefault("viewport", checks.DESKTOP)
    context = new_context(site_origin=site, **options)
    visit = checks.visit(context, site + path)
    assert visit.status == 200, path
    return visit.page


BAR_COLOURS = """(selector) => [...document.querySelectorAll(selector)].map(svg => {
    const box = svg.getBoundingClientRect();
    const range = svg.querySelector('.range-bar__range').getBoundingClientRect();
    const fill = el => getComputedStyle(el).fill;
    return {
        width: box.width, height: box.height, rangeWidth: range.width,
        track: fill(svg.querySelector('.range-bar__track')),
        range: fill(svg.querySelector('.range-bar__range')),
    };
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "/careers/machine-learning-engineer/salary/",
        "/compare/data-scientist-vs-machine-learning-engineer/",
        "/careers/",
    ],
)
def test_bars_are_drawn_and_stand_out_from_their_track(new_context, site, path, scheme):
    page = open_path(new_context, site, path, color_scheme=scheme)
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        bars = page.evaluate(BAR_COLOURS, ".range-bar")
        assert len(bars) >= 3
        for bar in bars:
            assert bar["width"] > 100, (media, bar)
            assert bar["height"] >= 12, (media, bar)
            assert 0 < bar["rangeWidth"] < bar["width"], (media, bar)
            assert bar["range"] != bar["track"], (media, bar)


def test_the_compare_page_tells_the_two_careers_bars_apart(new_context, site):
    page = open_path(new_context, site, "/compare/data-scientist-vs-machine-learning-engineer/")
    first = page.evaluate(BAR_COLOURS, ".chart-table__group--first .range-bar")
    second = page.evaluate(BAR_COLOURS, ".chart-table__group--second .range-bar")
    assert {bar["range"] for bar in first} != {bar["range"] for bar in second}


def test_each_timeline_segment_leads_to_its_step(new_context, site):
    guide = "/guides/machine-learning-engineer/"
    page = open_path(new_context, site, guide, reduced_motion="reduce")
    segments = page.locator(".timeline a")
    assert segments.count() == 7
    widths = page.evaluate(
        "() => [...document.querySelectorAll('.timeline__segment')]"
        ".map(r => r.getBoundingClientRect().width)"
    )
    # Step 1 is a prerequisite (a stub); 3–4 months is longer than 2–3 months.
    assert widths[0] < widths[1] < widths[2]
    segments.nth(2).click()
    assert page.url.endswith("#step-3")
    step = page.locator("#step-3")
    assert "Deep learning and frameworks" in step.inner_text()
    assert step.evaluate("el => el.getBoundingClientRect().top") < 400
    # By keyboard too: the segments are links with their step's name.
    page.locator(".timeline a").first.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith(
        "Step 1: Build software engineering foundations"
    )


def test_the_compare_picker_leads_to_the_comparison_without_javascript(new_context, site):
    page = open_path(new_context, site, "/compare/", java_script_enabled=False)
    page.select_option("#id_a", "machine-learning-engineer")
    page.select_option("#id_b", "data-scientist")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare/data-scientist-vs-machine-learning-engineer/")
    assert page.locator("h1").inner_text().startswith("Data Scientist")

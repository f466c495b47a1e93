"""The jobs pages on a phone (390×844) and beside the results on a laptop."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.browser import checks
from tests.browser.pages import open_listing

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ML_JOBS = "/jobs/?career=machine-learning-engineer"


def open_path(new_context, site, url, **options):
    options = options or {"viewport": checks.DESKTOP}
    visit = checks.visit(new_context(site_origin=site, **options), url)
    assert visit.status == 200, url
    return visit.page


def in_view(locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_on_a_phone_the_results_come_first_and_the_filters_fold_away(
    new_context, site, screenshot_dir
):
    page = open_path(new_context, site, f"{site}{ML_JOBS}&workplace=remote", **PHONE)
    filters = page.locator("details.job-filters")
    assert not filters.evaluate("d => d.open")
    assert page.locator("details.job-filters > summary").inner_text() == "Filters (2 active)"
    assert in_view(page.locator(".job-list > li").first.get_by_role("link").first, 844)
    (screenshot_dir / "jobs-phone-filters-folded.png").write_bytes(page.screenshot())
    assert checks.details_keyboard_problems(page, "details.job-filters") == []


def test_on_a_laptop_the_filters_are_open_beside_the_results(new_context, site):
    page = open_path(new_context, site, site + ML_JOBS)
    assert page.locator("details.job-filters").evaluate("d => d.open")
    form = page.locator(".job-filters__form").bounding_box()
    results = page.locator(".jobs__results").bounding_box()
    assert form["x"] + form["width"] <= results["x"]


def test_submitted_filters_carry_no_empty_parameters(new_context, site):
    page = open_path(new_context, site, site + "/jobs/", **PHONE)
    page.locator("details.job-filters > summary").click()
    page.get_by_label("Career").select_option(label="Data Scientist")
    page.get_by_label("Remote", exact=True).check()
    page.get_by_role("button", name="Show jobs").click()
    page.wait_for_url("**career=data-scientist**")
    assert parse_qsl(urlsplit(page.url).query, keep_blank_values=True) == [
        ("career", "data-scientist"),
        ("workplace", "remote"),
    ]
    assert page.locator("details.job-filters > summary").inner_text() == "Filters (2 active)"


@pytest.mark.parametrize("options", [{"viewport": checks.DESKTOP}, PHONE], ids=["laptop", "phone"])
def test_the_career_menu_shows_whole_career_names(new_context, site, options):
    page = open_path(new_context, site, site + "/jobs/", **options)
    if not page.locator("details.job-filters").evaluate("d => d.open"):
        page.locator("details.job-filters > summary").click()
    # The longest option's text against the room the closed menu has for it (less the arrow).
    room, longest = page.locator("#id_career").evaluate(
        """select => {
            const style = getComputedStyle(select);
            const context = document.createElement("canvas").getContext("2d");
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const widths = [...select.options].map(o => context.measureText(o.text).width);
            const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
            return [select.clientWidth - padding - 20, Math.max(...widths)];
        }"""
    )
    assert longest <= room


def test_a_listing_apply_button_is_in_view_on_a_phone(new_context, site):
    page = open_path(new_context, site, site + open_listing_url(), **PHONE)
    apply = page.get_by_role("link", name="Apply on")
    assert apply.count() == 1  # the other one is for wide screens only, hidden here
    assert in_view(apply, 844)


def open_listing_url() -> str:
    with checks.orm_beside_playwright():
        return open_listing()


def test_skills_are_picked_without_script_help_at_320_px(new_context, site, screenshot_dir):
    """The skill picker folds inside the phone's Filters; ticked skills submit as
    `?skill=a&skill=b` and count in the summary, one filter each."""
    narrowest = {"viewport": checks.NARROWEST, "is_mobile": True, "has_touch": True}
    page = open_path(new_context, site, site + "/jobs/", **narrowest)
    page.locator("details.job-filters > summary").click()
    page.locator("details.job-filters__skills > summary").click()
    boxes = page.locator(".job-filters__skills").get_by_role("checkbox")
    assert boxes.count() >= 2
    picked = [boxes.nth(0).get_attribute("value"), boxes.nth(1).get_attribute("value")]
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    (screenshot_dir / "jobs-phone-skill-picker.png").write_bytes(
        page.locator("details.job-filters").screenshot()
    )
    page.get_by_role("button", name="Show jobs").click()
    page.wait_for_url("**skill=**")
    assert parse_qsl(urlsplit(page.url).query, keep_blank_values=True) == [
        ("skill", picked[0]),
        ("skill", picked[1]),
    ]
    assert page.locator("details.job-filters > summary").inner_text() == "Filters (2 active)"
    assert page.locator("details.job-filters__skills").evaluate("d => d.open")
    assert page.locator(".job-filters__skills input:checked").count() == 2

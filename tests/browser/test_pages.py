"""Every public page type in a real browser: loading, HTML, accessibility, keyboard, layout.

The pages come from `load_demo`, served by one live server (see conftest.py).
Screenshots land in artifacts/browser/screenshots/ for a person to look at.
"""

import pytest

from tests.browser import checks
from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

ALL = pytest.mark.parametrize("name", list(PAGES))
WITH_DISCLOSURE = [name for name, page_type in PAGES.items() if page_type.disclosure]


def open_page(new_context, site, name, **options):
    """A fresh page of type `name` in its own context (viewport, colour scheme...)."""
    options.setdefault("viewport", checks.DESKTOP)
    context = new_context(site_origin=site, **options)
    visit = checks.visit(context, PAGES[name].url(site))
    assert visit.status == PAGES[name].status, f"{name} answered {visit.status}"
    return visit.page


# --- Loading ---------------------------------------------------------------------------


@ALL
def test_status(loaded_pages, name):
    assert loaded_pages[name].status == PAGES[name].status


@ALL
def test_no_console_errors(loaded_pages, name):
    assert loaded_pages[name].console_errors == []


@ALL
def test_no_request_to_another_host_and_no_broken_resource(loaded_pages, name):
    assert loaded_pages[name].foreign_requests == []
    assert loaded_pages[name].failed_responses == []


@ALL
def test_own_stylesheet_applies(loaded_pages, name):
    assert checks.stylesheet_problems(loaded_pages[name].page) == []


# --- Valid HTML ------------------------------------------------------------------------


@ALL
def test_html_is_valid_as_served(html_report, name):
    assert html_report[f"{name} as served"] == []


@ALL
def test_html_is_valid_after_scripts_ran(html_report, name):
    assert html_report[f"{name} after its scripts ran"] == []


# --- Accessibility ---------------------------------------------------------------------

MODES = {
    "desktop": {"viewport": checks.DESKTOP},
    "phone": {"viewport": checks.PHONE, "is_mobile": True, "has_touch": True},
    "dark": {"viewport": checks.DESKTOP, "color_scheme": "dark"},
}


@ALL
@pytest.mark.parametrize("mode", list(MODES))
def test_no_axe_violations(new_context, site, name, mode):
    page = open_page(new_context, site, name, **MODES[mode])
    assert checks.axe_violations(page) == []


@ALL
def test_printed_text_is_readable(new_context, site, name):
    page = open_page(new_context, site, name)
    page.emulate_media(media="print")
    assert checks.axe_violations(page, rules=["color-contrast"]) == []


# --- Keyboard --------------------------------------------------------------------------


@ALL
def test_skip_link_leads_to_the_main_content(new_context, site, name):
    assert checks.skip_link_problems(open_page(new_context, site, name)) == []


@ALL
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_focus_stop_is_visible(new_context, site, name, width):
    # Reduced motion: focus jumps instead of scrolling smoothly, so no stop waits for it.
    page = open_page(new_context, site, name, reduced_motion="reduce", **MODES[width])
    assert checks.focus_problems(page) == []


@pytest.mark.parametrize("name", WITH_DISCLOSURE)
def test_disclosures_open_and_close_with_the_keyboard(new_context, site, name):
    page = open_page(new_context, site, name)
    assert checks.details_keyboard_problems(page, PAGES[name].disclosure) == []


# --- Layout, dark mode, print ------------------------------------------------------------


@ALL
def test_no_sideways_scrolling_at_320px(new_context, site, name):
    page = open_page(new_context, site, name, viewport=checks.NARROWEST)
    assert checks.horizontal_overflow(page) == []


@ALL
def test_dark_mode_hides_nothing(new_context, site, name):
    assert checks.hidden_in_dark_mode(open_page(new_context, site, name)) == []


@ALL
def test_print_hides_none_of_the_main_content(new_context, site, name):
    assert checks.hidden_in_print(open_page(new_context, site, name)) == []


# --- Screenshots for a person to look at -------------------------------------------------


@ALL
def test_screenshots(new_context, site, loaded_pages, screenshot_dir, name):
    """Phone and desktop, plus the phone in dark mode and the desktop as printed."""
    desktop = loaded_pages[name].page
    phone = open_page(new_context, site, name, **MODES["phone"])
    shots = {}
    shots["phone"] = phone.screenshot(full_page=True)
    phone.emulate_media(color_scheme="dark")
    shots["phone-dark"] = phone.screenshot(full_page=True)
    shots["desktop"] = desktop.screenshot(full_page=True)
    desktop.emulate_media(media="print")
    desktop.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    try:
        shots["print"] = desktop.screenshot(full_page=True)
    finally:
        desktop.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        desktop.emulate_media(media="screen")
    for shot, png in shots.items():
        assert png.startswith(b"\x89PNG"), f"{name}-{shot} is not a PNG"
        assert len(png) > 5_000, f"{name}-{shot} looks blank"
        (screenshot_dir / f"{name}-{shot}.png").write_bytes(png)
    assert shots["phone"] != shots["phone-dark"], "dark mode looks the same as light"

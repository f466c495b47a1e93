"""The reader's plan in a real Chromium: kept in the browser, never on the server.

Marks on a guide's steps survive a reload; the pace moves the finish date; a job is
saved and followed through to "applied"; the plan goes out as a file, is cleared and
comes back in; a damaged stored plan gives a message, not a broken page; without
JavaScript the pages read fully and the controls are absent.
"""

import json

import pytest

from tests.browser import checks

pytestmark = pytest.mark.browser

GUIDE = "/guides/machine-learning-engineer/"
PHONE = {"viewport": {"width": 320, "height": 700}}


@pytest.fixture
def context(new_context, site):
    return new_context(site_origin=site, viewport=checks.DESKTOP, accept_downloads=True)


def open_page(context, url):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.errors = errors
    return page


def stored_plan(page):
    return json.loads(page.evaluate("localStorage.getItem('careers:plan')") or "null")


def mark(page, number, label):
    page.get_by_label(f"My progress on step {number}", exact=True).select_option(label=label)


def test_marks_survive_a_reload_with_what_is_left(context, site, screenshot_dir):
    page = open_page(context, site + GUIDE)
    steps = page.locator("[data-step]").count()
    assert page.locator(".plan-panel__count").inner_text() == f"0 of {steps} steps done"
    left_before = page.locator("[data-role=left]").inner_text()
    assert page.get_by_role("link", name="Next step: 1.").count() == 1

    # Keyboard only: focus the first step's control and choose "Done" with the arrows.
    select = page.get_by_label("My progress on step 1", exact=True)
    select.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert select.input_value() == "done"
    mark(page, 2, "Done")
    mark(page, 3, "In progress")
    mark(page, 4, "Skipped")
    page.wait_for_function(
        "document.querySelector('[role=status][aria-live=polite]').textContent.includes('step')"
    )
    assert "Step 4 marked skipped" in page.locator(".plan-panel [role=status]").inner_text()

    page.reload()
    assert page.locator(".plan-panel__count").inner_text() == f"2 of {steps} steps done"
    left_after = page.locator("[data-role=left]").inner_text()
    assert left_after.startswith(f"Left: {steps - 3} steps")
    assert left_after != left_before
    assert page.get_by_label("My progress on step 3", exact=True).input_value() == "doing"
    # The next step is the first not done or skipped: step 3, in progress.
    next_link = page.locator("[data-role=next] a")
    assert next_link.inner_text().startswith("Next step: 3.")
    assert next_link.get_attribute("href") == "#step-3"
    assert checks.axe_violations(page) == []
    page.locator("#roadmap").screenshot(path=screenshot_dir / "plan-guide-progress.png")
    assert page.errors == []


def test_pace_moves_the_finish_date_on_the_roadmap_and_the_paths(context, site):
    page = open_page(context, site + GUIDE)
    finish = page.locator("[data-role=finish]")
    path_cell = page.locator("[data-paths] tbody tr").first.locator("td").last
    guide_hours = page.locator("#roadmap").get_attribute("data-hours")
    hours = page.get_by_label("Hours a week you can give")
    assert hours.input_value() == guide_hours
    before, path_before = finish.inner_text(), path_cell.inner_text()
    assert before.startswith("You would finish between")
    assert path_before

    hours.fill(str(int(guide_hours) * 2))
    hours.press("Enter")
    hours.blur()
    assert finish.inner_text() != before
    assert path_cell.inner_text() != path_before
    left = page.locator("[data-role=left]").inner_text()
    assert f"at {int(guide_hours) * 2} hours a week" in left
    assert stored_plan(page)["pace"]["hours"] == int(guide_hours) * 2

    hours.fill("0")
    hours.press("Enter")
    assert hours.input_value() == str(int(guide_hours) * 2)
    assert page.errors == []


def test_a_damaged_plan_gives_a_message_not_a_broken_page(context, site):
    page = open_page(context, site + GUIDE)
    page.evaluate("localStorage.setItem('careers:plan', '{not json')")
    page.reload()
    message = page.locator("[data-plan-message]")
    assert message.is_visible()
    assert "could not be read" in message.inner_text()
    # The damaged text is set aside, and the page works on a fresh plan.
    assert page.evaluate("localStorage.getItem('careers:plan:damaged')") == "{not json"
    mark(page, 1, "Done")
    assert stored_plan(page)["version"] == 1
    assert checks.axe_violations(page) == []
    assert page.errors == []


def test_foreign_data_and_a_newer_version_are_left_alone(context, site):
    page = open_page(context, site + GUIDE)
    newer = json.dumps({"kind": "career-compass-plan", "version": 99, "guides": {}})
    page.evaluate("value => localStorage.setItem('careers:plan', value)", newer)
    page.reload()
    assert "newer version" in page.locator("[data-plan-message]").inner_text()
    mark(page, 1, "Done")
    # Shown as marked on the page, but the newer plan is not overwritten.
    assert page.evaluate("localStorage.getItem('careers:plan')") == newer
    assert page.errors == []


def test_storage_switched_off_still_gives_a_working_page(new_context, site):
    context = new_context(site_origin=site, viewport=checks.DESKTOP)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException("
        "'denied', 'SecurityError'); }});"
    )
    page = open_page(context, site + GUIDE)
    assert "storage is switched off" in page.locator("[data-plan-message]").inner_text()
    mark(page, 1, "Done")
    assert page.locator(".plan-panel__count").inner_text().startswith("1 of ")
    assert page.errors == []


def test_a_full_storage_says_the_change_was_not_kept(new_context, site):
    context = new_context(site_origin=site, viewport=checks.DESKTOP)
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException("
        "'full', 'QuotaExceededError'); };"
    )
    page = open_page(context, site + GUIDE)
    mark(page, 1, "Done")
    assert "storage is full" in page.locator("[data-plan-message]").inner_text()
    assert page.errors == []


def test_without_javascript_the_guide_reads_fully_with_no_controls(new_context, site):
    page = new_context(site_origin=site, java_script_enabled=False).new_page()
    page.goto(site + GUIDE)
    assert page.locator("[data-step]").count() > 3
    assert page.locator("select, .plan-panel").count() == 0
    assert page.locator("[data-plan-message]").is_hidden()
    assert "hours of study a week" in page.locator("#roadmap").inner_text()
    assert page.locator("#how-long tbody tr").first.locator("td").count() == 2


@pytest.mark.parametrize("options", [PHONE, {**PHONE, "color_scheme": "dark"}])
def test_guide_with_progress_at_320px_and_dark(new_context, site, options):
    context = new_context(site_origin=site, **options)
    page = open_page(context, site + GUIDE)
    mark(page, 1, "Done")
    mark(page, 2, "In progress")
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    assert page.errors == []

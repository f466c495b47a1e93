"""The editorial flow in a real Chromium: write, reorder, preview, publish, revert."""

import io

import pytest
from django.core.management import call_command

from careers.core.publishing import Publishable
from careers.core.roles import EDITORS, PUBLISHERS
from guides.models import Guide
from tests.browser import checks
from tests.factories import CareerFactory
from tests.staff import signed_in_browser as signed_in
from tests.staff import staff_user as staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("orm_beside_playwright"),
]
SCREENSHOTS = checks.SCREENSHOTS


def step_titles(guide: Guide) -> list[str]:
    return list(guide.steps.values_list("title", flat=True))


def test_editor_writes_reorders_previews_and_a_publisher_publishes(
    new_context, live_server, editorial_groups
):
    CareerFactory(name="Data Engineer", slug="data-engineer")
    editor = staff("edith", EDITORS)
    publisher = staff("paul", PUBLISHERS)
    page = signed_in(new_context, live_server, editor)

    # Write a guide with two steps and save it as a draft.
    page.goto(live_server.url + "/admin/guides/guide/add/")
    page.click(".field-career .select2-selection")
    page.locator(".select2-search__field").fill("Data Eng")
    page.locator(".select2-results__option", has_text="Data Engineer").click()
    page.fill("#id_edition_year", "2026")
    page.locator("#id_title").press_sequentially("How to Become a Data Engineer")
    assert page.input_value("#id_slug") == ""  # left empty: the career's is used
    page.fill("#id_meta_description", "A roadmap from SQL to pipelines.")
    page.fill("#id_intro", "Data engineers build the *pipelines* analysts rely on.")
    assert page.locator("#id_status").count() == 0  # editors cannot set the status
    add_step = page.locator("#steps-group .add-row a")
    for number, title in enumerate(["Learn SQL", "Build pipelines"]):
        add_step.click()
        page.fill(f"#id_steps-{number}-title", title)
        page.fill(f"#id_steps-{number}-duration_min", "2")
        page.fill(f"#id_steps-{number}-description", f"{title}, step by step.")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    guide = Guide.objects.get(slug="data-engineer")
    assert guide.status == Publishable.Status.DRAFT
    assert step_titles(guide) == ["Learn SQL", "Build pipelines"]

    # Reorder the steps by dragging the second above the first, and save.
    headers = page.locator("#steps-group .inline-related:not(.empty-form) h3")
    headers.nth(1).drag_to(headers.nth(0))
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert step_titles(guide) == ["Build pipelines", "Learn SQL"]

    # Preview the draft as readers will see it; readers themselves get a 404.
    page.click("a.viewsitelink")
    page.wait_for_url("**" + guide.get_absolute_url())
    assert page.locator(".draft-banner").is_visible()
    assert page.locator("h1").inner_text() == "How to Become a Data Engineer (2026 Guide)"
    reader = new_context().new_page()
    assert reader.goto(live_server.url + guide.get_absolute_url()).status == 404

    # The editor cannot publish: there is no such action for them.
    page.goto(live_server.url + "/admin/guides/guide/")
    actions = page.locator("select[name=action] option").all_inner_texts()
    assert "Publish selected" not in actions
    assert "Submit selected for review" in actions

    # The publisher publishes it; readers find it at its address and in the index.
    desk = signed_in(new_context, live_server, publisher)
    desk.goto(live_server.url + "/admin/guides/guide/")
    desk.check(f"input[name=_selected_action][value='{guide.pk}']")
    desk.select_option("select[name=action]", label="Publish selected")
    desk.click("button[name=index]")
    assert "Published 1 guide" in desk.locator(".messagelist").inner_text()
    assert reader.goto(live_server.url + guide.get_absolute_url()).status == 200
    reader.goto(live_server.url + "/guides/")
    assert reader.get_by_text("How to Become a Data Engineer").first.is_visible()

    # A revert from the history brings back the order before the drag.
    desk.goto(live_server.url + f"/admin/guides/guide/{guide.pk}/history/")
    desk.locator("#change-history a").first.click()  # the oldest revision: as written
    desk.click("input[type=submit][value=Save]")
    desk.wait_for_selector(".messagelist .success")
    assert step_titles(guide) == ["Learn SQL", "Build pipelines"]
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.PUBLISHED  # a revert never unpublishes


def test_the_ml_guide_edit_screen_fits_1280px_and_rows_move_by_button(
    new_context, live_server, editorial_groups
):
    call_command("load_demo", stdout=io.StringIO())
    guide = Guide.objects.get(slug="machine-learning-engineer")
    before = step_titles(guide)
    page = signed_in(new_context, live_server, staff("paul", PUBLISHERS))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + f"/admin/guides/guide/{guide.pk}/change/")

    # Long sections open folded, with their count; the screen is a few windows tall.
    summary = page.locator("#steps-group summary")
    assert summary.inner_text().strip() == f"ROADMAP STEPS ({len(before)})"
    assert not page.locator("#steps-group details").evaluate("d => d.open")
    assert page.locator("#skills-group h2").inner_text().upper().startswith("TECHNICAL SKILLS")
    assert page.locator("#skills-2-group h2").inner_text().upper().startswith("SOFT SKILLS")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "admin-guide-edit-1280.png").write_bytes(page.screenshot(full_page=True))

    # Nothing is wider than the window, whichever sections are open.
    page.evaluate(
        "() => document.querySelectorAll('.inline-group details').forEach(d => d.open = true)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.get_by_text("View on site").count() == 1  # the guide's own, not each row's

    # The first step goes to the end, by buttons alone, and stays there once saved.
    for _ in range(len(before) - 1):
        page.get_by_role("button", name=f"Move down: {before[0]}").click()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert step_titles(guide) == [*before[1:], before[0]]
    # The section being edited is still open after the save.
    assert page.locator("#steps-group details").evaluate("d => d.open")

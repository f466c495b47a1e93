"""Changes to a live guide wait for a publisher, end to end in a real Chromium."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from careers.core.models import PendingChange
from careers.core.roles import EDITORS, PUBLISHERS
from guides.models import Guide
from tests.browser import checks
from tests.staff import signed_in_browser as signed_in
from tests.staff import staff_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("orm_beside_playwright"),
]

GUIDE = "/guides/machine-learning-engineer/"
SCREENSHOTS = checks.SCREENSHOTS


@pytest.fixture
def readers_page_cache(settings):
    """Anonymous readers are served from the page cache, as in production."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def reader_sees(reader, live_server) -> list[str]:
    """The roadmap's step titles an anonymous reader gets, in order."""
    response = reader.goto(live_server.url + GUIDE)
    assert response.status == 200
    return reader.locator(".roadmap .step__title").all_inner_texts()


def open_review(desk, live_server) -> None:
    desk.goto(live_server.url + "/admin/")
    desk.get_by_role("link", name="1 submission waits for your review.").click()
    desk.get_by_role("link", name="Changes to How to Become a Machine Learning Engineer").click()
    desk.wait_for_selector("text=Compared with the live page as it is now")


def test_an_editors_change_waits_for_review_is_sent_back_fixed_and_approved(
    new_context, live_server, editorial_groups, readers_page_cache
):
    call_command("load_demo", stdout=io.StringIO())
    guide = Guide.objects.get(slug="machine-learning-engineer")
    before = list(guide.steps.values_list("title", flat=True))
    editor = staff_user("edith", EDITORS, email="edith@example.com")
    publisher = staff_user("paul", PUBLISHERS, email="paul@example.com")
    reader = new_context().new_page()
    assert reader_sees(reader, live_server) == before  # and now the page is in the cache

    # The editor renames the first step and drags the third above the second.
    page = signed_in(new_context, live_server, editor)
    page.goto(live_server.url + f"/admin/guides/guide/{guide.pk}/change/")
    assert "Saving keeps your changes as a pending change" in page.inner_text(".moderation-notice")
    page.locator("#steps-group summary").click()  # a long section opens folded
    page.fill("#id_steps-0-title", "Build solid software engineering foundations")
    headers = page.locator("#steps-group .inline-related:not(.empty-form) h3")
    headers.nth(2).drag_to(headers.nth(1))
    page.click("input[name=_continue]")
    notice = page.inner_text(".messagelist .success")
    assert "Readers still see the published version; your changes wait for a publisher" in notice
    assert "Changes pending" in page.inner_text(".moderation-notice")
    assert page.input_value("#id_steps-0-title") == "Build solid software engineering foundations"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "admin-guide-changes-pending.png").write_bytes(page.screenshot())

    # Staff preview the pending page, marked and kept out of search engines.
    page.click("text=Preview the changes")
    assert "Pending changes — not public" in page.inner_text(".draft-banner")
    assert page.locator(".roadmap .step__title").first.inner_text().startswith("Build solid")
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    page.go_back()

    # Readers still see the published page, straight from the page cache or not.
    assert reader_sees(reader, live_server) == before
    assert list(guide.steps.values_list("title", flat=True)) == before
    assert [message.to for message in mail.outbox] == [["paul@example.com"]]
    assert "Review requested" in mail.outbox[0].subject

    # The publisher reads the diff in the review queue and sends it back with a comment.
    desk = signed_in(new_context, live_server, publisher)
    desk.goto(live_server.url + "/admin/core/pendingchange/")
    (SCREENSHOTS / "admin-review-queue.png").write_bytes(desk.screenshot(full_page=True))
    open_review(desk, live_server)
    diff = desk.inner_text("#content-main")
    assert "Build software engineering foundations" in diff
    assert "Build solid software engineering foundations" in diff
    assert "Deep learning and frameworks" in diff
    assert "moved (3 → 2)" in diff
    (SCREENSHOTS / "admin-review-diff.png").write_bytes(desk.screenshot(full_page=True))
    desk.fill("#id_comment", "Keep the original wording of the first step.")
    desk.click("input[name=_reject]")
    desk.wait_for_selector(".messagelist .success")
    assert reader_sees(reader, live_server) == before

    # The editor sees the comment on the guide, fixes it, and submits again.
    page.reload()
    assert "Keep the original wording of the first step." in page.inner_text(".moderation-notice")
    (SCREENSHOTS / "admin-guide-sent-back.png").write_bytes(page.screenshot())
    assert "Rejected" in mail.outbox[-1].subject or "Sent back" in mail.outbox[-1].subject
    page.fill("#id_steps-0-title", "Build software engineering foundations")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    # The publisher approves: readers see the new page at once.
    open_review(desk, live_server)
    assert "Build solid" not in " ".join(desk.locator("table.diff").all_inner_texts())
    desk.click("input[name=_approve]")
    assert "is live now" in desk.inner_text(".messagelist")
    after = reader_sees(reader, live_server)
    assert after == [before[0], before[2], before[1], *before[3:]]
    assert list(guide.steps.values_list("title", flat=True)) == after
    change = PendingChange.objects.get(state=PendingChange.State.APPROVED)
    assert (change.submitted_by, change.decided_by) == (editor, publisher)
    assert mail.outbox[-1].to == ["edith@example.com"]
    assert "Approved" in mail.outbox[-1].subject

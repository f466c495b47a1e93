"""A job seeker's way in a real Chromium: guide → jobs → remote filter → listing → employer."""

import http.server
import threading

import pytest

from jobs.models import JobListing
from tests.factories import complete_guide
from tests.jobs.factories import JobListingFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("orm_beside_playwright"),
]

EMPLOYER_PAGE = b"<!doctype html><title>Careers at Lakeside</title><h1>Apply at Lakeside</h1>"


class EmployerSite(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(EMPLOYER_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def employer_url():
    """The employer's own page, served on loopback for the test."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EmployerSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/jobs/42"
    server.shutdown()
    server.server_close()


def test_from_the_guide_to_the_employer_with_the_click_counted(
    new_context, live_server, employer_url
):
    guide = complete_guide(title="How to Become a Machine Learning Engineer")
    career = guide.career
    remote = JobListingFactory(
        career=career,
        title="Remote ML Engineer",
        workplace_type=JobListing.WorkplaceType.REMOTE,
        remote_countries="US,CA",
        city="",
        country="",
        apply_url=employer_url,
    )
    JobListingFactory(career=career, title="On-site ML Engineer")

    page = new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto(live_server.url + guide.get_absolute_url())
    page.get_by_role("link", name=f"Browse {career.name} jobs").click()
    page.wait_for_url(f"**/jobs/?career={career.slug}")
    assert page.get_by_text("On-site ML Engineer").is_visible()

    page.get_by_label("Remote").check()
    page.get_by_role("button", name="Show jobs").click()
    page.wait_for_url("**workplace=remote**")
    assert page.get_by_text("On-site ML Engineer").count() == 0
    page.get_by_role("link", name="Remote ML Engineer").click()
    page.wait_for_url("**" + remote.get_absolute_url())

    apply = page.get_by_role("link", name="Apply on")  # the one in view at this width
    assert apply.get_attribute("rel") == "nofollow noopener"
    apply.click()
    page.wait_for_url(employer_url)
    assert page.locator("h1").inner_text() == "Apply at Lakeside"
    remote.refresh_from_db()
    assert remote.click_count == 1

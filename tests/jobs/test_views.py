import datetime
import html
import json
import re
import threading

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.models import JobListing
from tests.admin_forms import change_form_data
from tests.factories import CareerFactory
from tests.jobs.factories import CompanyFactory, JobListingFactory, expired_listing

pytestmark = pytest.mark.django_db

# Careers for the filter, the skills for the skill picker (in demand, with their counts:
# one grouped query, whatever the number of skills or listings), the count, the page, the
# page's listings' skills, and the roadmap steps that teach those skills
# (jobs.selectors.with_teaching_links).
LIST_QUERIES = 6
# The listing with company and career, its skills, the steps that teach them, the guide.
DETAIL_QUERIES = 4


def json_ld(response) -> list[dict]:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def job_posting(response) -> dict | None:
    return next((d for d in json_ld(response) if d["@type"] == "JobPosting"), None)


def visible_text(response) -> str:
    page = response.content.decode()
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


# The list ------------------------------------------------------------------------------------


def test_list_shows_live_listings_newest_first_with_the_count(client):
    today = timezone.localdate()
    old = JobListingFactory(title="Old one", posted_on=today - datetime.timedelta(days=9))
    new = JobListingFactory(title="New one", posted_on=today)
    expired_listing(title="Gone one")
    JobListingFactory(title="Draft one", status=JobListing.Status.DRAFT)
    response = client.get("/jobs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index(new.title) < page.index(old.title)
    assert "Gone one" not in page
    assert "Draft one" not in page
    assert "2 open jobs" in page
    assert 'role="status"' in page


def test_list_pages_carry_no_job_posting(client):
    JobListingFactory()
    response = client.get("/jobs/")
    assert job_posting(response) is None
    assert [d["@type"] for d in json_ld(response)] == ["BreadcrumbList"]


def test_filters_narrow_the_list(client):
    career = CareerFactory(slug="data-engineer")
    match = JobListingFactory(
        career=career,
        title="Match",
        workplace_type=JobListing.WorkplaceType.HYBRID,
        city="Rotterdam",
        country="NL",
        employment_type=JobListing.EmploymentType.CONTRACTOR,
        salary_min=60,
        salary_max=80,
        salary_period="hour",  # 60 an hour is 124,800 a year
    )
    JobListingFactory(title="Other career")
    JobListingFactory(career=career, title="Low pay", salary_min=50_000, salary_max=60_000)
    JobListingFactory(career=career, title="No pay", salary_min=None, salary_max=None)
    response = client.get(
        "/jobs/",
        {
            "career": "data-engineer",
            "location": "netherlands",
            "workplace": "hybrid",
            "employment": "contractor",
            "min_salary": "120000",
        },
    )
    page = response.content.decode()
    assert match.title in page
    assert "1 open job matches your filters" in page
    for title in ("Other career", "Low pay", "No pay"):
        assert title not in page


@pytest.mark.parametrize(
    ("query", "clean"),
    [
        ("career=data-engineer&company=&location=", "/jobs/?career=data-engineer"),
        ("company=&location=&workplace=&employment=&min_salary=", "/jobs/"),
        ("location=&utm_source=news&page=", "/jobs/?utm_source=news"),
    ],
)
def test_empty_filters_redirect_to_the_clean_address(client, query, clean):
    """What a plain form submission sends (no JavaScript) ends at an address without them."""
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 301
    assert response["Location"] == clean
    assert client.get(clean).status_code == 200


def test_the_filters_say_how_many_are_active(client):
    CareerFactory(slug="data-engineer")
    JobListingFactory()
    summary = re.compile(r"<summary[^>]*>(.*?)</summary>", re.S)
    plain = summary.search(client.get("/jobs/").content.decode()).group(1)
    assert "Filters" in plain
    assert "active" not in plain
    page = client.get("/jobs/", {"career": "data-engineer", "workplace": "remote"})
    assert "(2 active)" in summary.search(page.content.decode()).group(1)


def test_location_remote_finds_remote_jobs_open_to_the_country(client):
    JobListingFactory(
        title="Remote US",
        workplace_type=JobListing.WorkplaceType.REMOTE,
        remote_countries="US,CA",
        city="",
        country="",
    )
    JobListingFactory(title="Berlin office")
    assert "Remote US" in client.get("/jobs/", {"location": "Canada"}).content.decode()
    page = client.get("/jobs/", {"location": "remote"}).content.decode()
    assert "Remote US" in page
    assert "Berlin office" not in page


@pytest.mark.parametrize(
    "query",
    [
        "career=no-such-career",
        "workplace=moon",
        "employment=%00",
        "min_salary=lots",
        "min_salary=-5",
        "min_salary=1e309",
        "min_salary=99999999999999999999999",
        "location=%00",
        "location=" + "x" * 500,
        "company=abc",
        "company=99999999999999999999",
        "company=12345",
        "%ff=%ff",
        "career=%E2%9C%93&career=a",
    ],
)
def test_junk_filters_are_ignored_with_a_note_never_a_500(client, query):
    JobListingFactory(title="Still listed")
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Still listed" in page
    if "company=12345" not in query and "%ff" not in query:
        assert "could not read" in page


@pytest.mark.parametrize("page", ["x", "0", "-1", "1.5", "9" * 5000])
def test_junk_page_numbers_are_404(client, page):
    JobListingFactory()
    response = client.get("/jobs/", {"page": page})
    assert response.status_code == 404
    assert b"<h1" in response.content


def test_a_page_past_the_end_shows_the_last_page(client):
    JobListingFactory.create_batch(21)
    response = client.get("/jobs/", {"page": "99999999999"})
    assert response.status_code == 200
    assert "Page 2 of 2" in response.content.decode()


def _many_listings(count: int) -> None:
    first = JobListingFactory()
    JobListing.objects.bulk_create(
        JobListing(
            title=f"Bulk {n}",
            company=first.company,
            career=first.career,
            city="Berlin",
            country="DE",
            description="x",
            description_html="<p>x</p>",
            apply_url="https://employer.example/",
            posted_on=first.posted_on,
            valid_through=first.valid_through,
            status=JobListing.Status.PUBLISHED,
        )
        for n in range(count - 1)
    )


@pytest.mark.parametrize("count", [10, 1000])
def test_list_pages_keep_a_fixed_query_count(client, django_assert_max_num_queries, count):
    _many_listings(count)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get("/jobs/").status_code == 200
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get("/jobs/", {"page": "2", "min_salary": "1"}).status_code == 200


@pytest.mark.parametrize("count", [10, 1000])
def test_listing_pages_keep_a_fixed_query_count(client, django_assert_max_num_queries, count):
    _many_listings(count)
    listing = JobListing.objects.first()
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get(listing.get_absolute_url()).status_code == 200
    expired = expired_listing(career=listing.career)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get(expired.get_absolute_url()).status_code == 410


# One listing ---------------------------------------------------------------------------------


def test_listing_page_has_job_posting_matching_the_visible_text(client):
    listing = JobListingFactory(
        title="Senior Data Engineer",
        company=CompanyFactory(name="Quarry Cloud", website="https://quarrycloud.example/"),
        city="Austin",
        region="TX",
        country="US",
        workplace_type=JobListing.WorkplaceType.HYBRID,
        employment_type=JobListing.EmploymentType.FULL_TIME,
        salary_min=150_000,
        salary_max=185_000,
        salary_currency="USD",
        source="quarry-feed",
        external_id="QC-42",
    )
    response = client.get(listing.get_absolute_url())
    assert response.status_code == 200
    data = job_posting(response)
    text = visible_text(response)
    required = {
        "title",
        "description",
        "datePosted",
        "validThrough",
        "hiringOrganization",
        "jobLocation",
        "baseSalary",
        "employmentType",
        "identifier",
    }
    assert required <= data.keys()
    assert data["title"] in text
    assert data["description"] == listing.description_html
    assert data["description"] in response.content.decode()
    assert data["datePosted"] == listing.posted_on.isoformat()
    assert f"{listing.posted_on:%B} {listing.posted_on.day}, {listing.posted_on.year}" in text
    assert data["validThrough"].startswith(listing.valid_through.isoformat())
    assert data["hiringOrganization"]["name"] == "Quarry Cloud" in text
    address = data["jobLocation"]["address"]
    assert (address["addressLocality"], address["addressRegion"]) == ("Austin", "TX")
    assert "Austin, TX, United States" in text
    salary = data["baseSalary"]
    assert salary["currency"] == "USD"
    assert (salary["value"]["minValue"], salary["value"]["maxValue"]) == (150_000, 185_000)
    assert salary["value"]["unitText"] == "YEAR"
    assert "$150,000–$185,000 per year" in text
    assert data["employmentType"] == "FULL_TIME"
    assert "Full-time" in text
    assert data["identifier"]["value"] == "QC-42" in text
    assert "jobLocationType" not in data


def test_remote_listing_says_telecommute_with_applicant_countries(client):
    listing = JobListingFactory(
        workplace_type=JobListing.WorkplaceType.REMOTE,
        remote_countries="US,CA",
        city="",
        country="",
        salary_min=None,
        salary_max=None,
    )
    response = client.get(listing.get_absolute_url())
    data = job_posting(response)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert [c["name"] for c in data["applicantLocationRequirements"]] == [
        "United States",
        "Canada",
    ]
    assert "United States, Canada" in visible_text(response)
    assert "jobLocation" not in data
    assert "baseSalary" not in data
    assert "Not stated by the employer" in visible_text(response)


def test_apply_links_are_nofollow_noopener(client):
    listing = JobListingFactory()
    page = client.get(listing.get_absolute_url()).content.decode()
    assert f'href="{listing.get_apply_url()}" rel="nofollow noopener"' in page
    assert listing.apply_url not in page  # readers go through the counting redirect


def test_wrong_slug_redirects_permanently_to_the_right_one(client):
    listing = JobListingFactory(title="Data Engineer")
    response = client.get(f"/jobs/{listing.pk}/old-title/")
    assert response.status_code == 301
    assert response["Location"] == listing.get_absolute_url()


def test_expired_listing_is_410_with_similar_jobs_noindex_and_no_job_posting(client):
    listing = expired_listing(title="Closed job")
    similar = JobListingFactory(career=listing.career, title="Open sibling")
    response = client.get(listing.get_absolute_url())
    assert response.status_code == 410
    page = response.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert "Closed job" in page
    assert similar.title in page
    assert job_posting(response) is None


def test_listing_set_to_expired_is_410(client):
    listing = JobListingFactory(status=JobListing.Status.EXPIRED)
    assert client.get(listing.get_absolute_url()).status_code == 410


@pytest.mark.parametrize(
    "changes",
    [
        {"status": JobListing.Status.DRAFT},
        {"status": JobListing.Status.IN_REVIEW},
        {"publish_from": timezone.now() + datetime.timedelta(days=1)},
    ],
)
def test_unpublished_listings_are_404(client, changes):
    listing = JobListingFactory(**changes)
    assert client.get(listing.get_absolute_url()).status_code == 404
    assert client.get(listing.get_apply_url()).status_code == 404


def test_unknown_and_huge_ids_are_404(client):
    assert client.get("/jobs/12345/x/").status_code == 404
    assert client.get("/jobs/99999999999999999999999/x/").status_code == 404
    assert client.get("/jobs/99999999999999999999999/apply/").status_code == 404


def test_writes_are_refused(client):
    listing = JobListingFactory()
    assert client.post("/jobs/").status_code == 405
    assert client.post(listing.get_absolute_url()).status_code == 405
    assert client.post(listing.get_apply_url()).status_code == 405


# Apply ---------------------------------------------------------------------------------------


def test_apply_counts_the_click_and_redirects_to_the_stored_url(client):
    listing = JobListingFactory(apply_url="https://employer.example/jobs/42")
    response = client.get(listing.get_apply_url())
    assert response.status_code == 302
    assert response["Location"] == "https://employer.example/jobs/42"
    client.get(listing.get_apply_url())
    listing.refresh_from_db()
    assert listing.click_count == 2


def test_apply_ignores_any_other_target_in_the_request(client):
    listing = JobListingFactory(apply_url="https://employer.example/jobs/42")
    for query in ("next=https://evil.example/", "url=//evil.example", "to=javascript:alert(1)"):
        response = client.get(f"{listing.get_apply_url()}?{query}")
        assert response["Location"] == "https://employer.example/jobs/42"


def test_apply_refuses_a_stored_url_that_is_not_http(client):
    listing = JobListingFactory()
    JobListing.objects.filter(pk=listing.pk).update(apply_url="javascript:alert(1)")
    assert client.get(listing.get_apply_url()).status_code == 404


def test_apply_for_an_expired_listing_is_410_and_not_counted(client):
    listing = expired_listing()
    assert client.get(listing.get_apply_url()).status_code == 410
    listing.refresh_from_db()
    assert listing.click_count == 0


def test_head_requests_do_not_count(client):
    listing = JobListingFactory()
    assert client.head(listing.get_apply_url()).status_code == 302
    listing.refresh_from_db()
    assert listing.click_count == 0


# Feed and guide link -------------------------------------------------------------------------


def test_career_feed_lists_new_live_listings(client):
    listing = JobListingFactory(title="Fresh job")
    expired_listing(career=listing.career, title="Stale job")
    response = client.get(f"/jobs/feed/{listing.career.slug}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Fresh job" in body
    assert "Stale job" not in body
    assert client.get("/jobs/feed/no-such-career/").status_code == 404


def test_guide_jobs_link_shows_the_open_count():
    career = CareerFactory(name="Data Engineer", slug="data-engineer")
    page = render_to_string("includes/jobs_link.html", {"career": career, "open_job_count": 3})
    assert 'href="/jobs/?career=data-engineer"' in page
    assert "Browse Data Engineer jobs" in page
    assert "(3 open)" in page


def test_a_click_is_counted_by_one_update_in_the_database(client):
    """F() + 1 in the UPDATE itself: no read of the count that a concurrent click could
    make stale."""
    listing = JobListingFactory()
    with CaptureQueriesContext(connection) as captured:
        client.get(listing.get_apply_url())
    writes = [q["sql"] for q in captured if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert len(writes) == 1
    assert '"click_count" = ("jobs_joblisting"."click_count" + ' in writes[0]


@pytest.mark.django_db(transaction=True)
def test_concurrent_clicks_are_all_counted():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections to one database need PostgreSQL")
    listing = JobListingFactory()
    start = threading.Barrier(20, timeout=10)

    def click():
        try:
            start.wait()
            Client().get(listing.get_apply_url())
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    listing.refresh_from_db()
    assert listing.click_count == 20


def test_the_location_filter_knows_every_iso_country(client):
    JobListingFactory(title="Reykjavik office", city="Reykjavik", country="IS")
    JobListingFactory(title="Berlin office")
    page = client.get("/jobs/", {"location": "Iceland"}).content.decode()
    assert "Reykjavik office" in page
    assert "Berlin office" not in page


def test_editors_pick_countries_from_the_iso_list(admin_client):
    listing = JobListingFactory(
        workplace_type=JobListing.WorkplaceType.REMOTE,
        remote_countries="US,CA",
        city="",
        country="",
    )
    url = f"/admin/jobs/joblisting/{listing.pk}/change/"
    page = admin_client.get(url)
    form = page.context["adminform"].form
    assert form["remote_countries"].value() == ["US", "CA"]
    assert len(form.fields["remote_countries"].choices) >= 249
    assert 'class="selectfilter"' in page.content.decode()  # the admin's two-list picker
    data = change_form_data(page)
    data["remote_countries"] = ["EG", "MA"]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    listing.refresh_from_db()
    assert listing.remote_countries == "EG,MA"

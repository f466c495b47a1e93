"""Each board's documented posting format, read from a recorded (made-up) sample."""

import datetime
from pathlib import Path

import pytest

from careers.core.markdown import sanitise_posting_html
from jobs import adapters
from jobs.adapters import ADAPTERS, FeedUnreadable, default_valid_through, sitemap_urls

SAMPLES = Path(__file__).parent / "samples"
TODAY = datetime.date(2026, 11, 25)  # a Wednesday


def postings(kind: str, name: str | None = None):
    content = (SAMPLES / (name or f"{kind}.json")).read_bytes()
    return ADAPTERS[kind].postings(content, today=TODAY)


def test_greenhouse():
    first, remote, office, untitled = postings("greenhouse")
    assert first.external_id == "4010001"
    assert first.columns["title"] == "Senior Machine Learning Engineer"
    assert first.columns["apply_url"] == "https://boards.example/quillwork/jobs/4010001"
    assert (first.columns["city"], first.columns["region"], first.columns["country"]) == (
        "Boston",
        "MA",
        "US",
    )
    assert first.columns["workplace_type"] == "on_site"
    assert first.columns["employment_type"] == "full_time"
    assert first.columns["posted_on"] == "2026-11-02"
    assert first.columns["description"].startswith("<h2>About the role</h2>")
    assert remote.columns["workplace_type"] == "remote"
    assert remote.columns["remote_countries"] == "US"
    assert office.columns["title"] == "Office Manager"
    assert untitled.problem == "missing title"
    assert untitled.external_id == "4010004"


def test_lever():
    mle, contract, no_url = postings("lever")
    assert mle.columns["title"] == "Machine Learning Engineer, Recommendations"
    assert mle.columns["apply_url"].endswith("/apply")
    assert (mle.columns["city"], mle.columns["country"]) == ("Berlin", "DE")
    assert mle.columns["workplace_type"] == "hybrid"
    assert (mle.columns["salary_min"], mle.columns["salary_max"]) == (80000, 105000)
    assert (mle.columns["salary_currency"], mle.columns["salary_period"]) == ("EUR", "year")
    assert mle.columns["posted_on"] == "2026-11-13"
    assert "<h3>What you bring</h3>" in mle.columns["description"]
    assert contract.columns["employment_type"] == "contractor"
    assert contract.columns["workplace_type"] == "remote"
    assert contract.columns["remote_countries"] == "GB"
    assert contract.columns["salary_period"] == "month"
    assert no_url.problem == "missing apply_url"


def test_ashby_skips_unlisted_jobs_and_reads_compensation():
    ai, intern = postings("ashby")
    assert ai.columns["title"] == "AI Engineer, Assistants"
    assert (ai.columns["city"], ai.columns["region"], ai.columns["country"]) == (
        "San Francisco",
        "California",
        "US",
    )
    assert ai.columns["workplace_type"] == "hybrid"
    assert (ai.columns["salary_min"], ai.columns["salary_max"]) == (170000, 210000)
    assert (ai.columns["salary_currency"], ai.columns["salary_period"]) == ("USD", "year")
    assert intern.columns["employment_type"] == "intern"
    assert intern.columns["workplace_type"] == "remote"
    assert intern.columns["salary_period"] == "hour"


def test_jobposting_json_ld_from_a_page():
    (posting,) = postings("jobposting", "jobposting.html")
    assert posting.external_id == "HL-2231"
    columns = posting.columns
    assert columns["title"] == "Cloud Architect"
    assert (columns["city"], columns["region"], columns["country"]) == (
        "Rotterdam",
        "South Holland",
        "NL",
    )
    assert columns["valid_through"] == "2027-01-31"
    assert columns["posted_on"] == "2026-11-12"
    assert (columns["salary_min"], columns["salary_max"], columns["salary_currency"]) == (
        90000,
        120000,
        "EUR",
    )
    assert columns["apply_url"] == "https://harbourline.example/careers/cloud-architect"


def test_sitemap_lists_pages():
    content = (SAMPLES / "sitemap.xml").read_bytes()
    assert sitemap_urls(content, limit=10) == [
        "https://harbourline.example/careers/cloud-architect"
    ]


def test_without_a_closing_date_a_listing_stays_open_30_days_rounded_to_a_sunday():
    (posting, *_) = postings("greenhouse")
    assert posting.columns["valid_through"] == "2026-12-27"  # 25 Dec + to Sunday
    # The date moves once a week, not on every fetch.
    week = [default_valid_through(TODAY + datetime.timedelta(days=n)) for n in range(-4, 3)]
    assert len(set(week)) == 1


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        ("greenhouse", b"<!doctype html><html>Maintenance</html>", "HTML page"),
        ("lever", b'[{"id": "x", "text": "cut', "does not parse"),
        ("ashby", b"[]", "Ashby board answers"),
        ("greenhouse", b"\xff\xfe", "not UTF-8"),
    ],
)
def test_a_body_that_is_not_the_boards_format_is_refused(kind, content, message):
    with pytest.raises(FeedUnreadable, match=message):
        ADAPTERS[kind].postings(content, today=TODAY)


def test_descriptions_keep_headings_lists_and_links_but_no_script_style_iframe_or_image():
    html = "".join(p.columns["description"] for p in postings("greenhouse") if not p.problem)
    clean = sanitise_posting_html(html)
    assert "<h2>About the role</h2>" in clean
    assert "<li>PyTorch</li>" in clean
    assert 'href="https://quillwork.example/benefits"' in clean
    for banned in ("<script", "alert(1)", "<img", "tracker.example", "<iframe", "<style", "color:"):
        assert banned not in clean
    lever = sanitise_posting_html(postings("lever")[0].columns["description"])
    assert "javascript:" not in lever
    ashby = sanitise_posting_html(postings("ashby")[0].columns["description"])
    assert "<h1>" not in ashby
    assert "AI Engineer" in ashby


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Boston, MA", ("Boston", "MA", "US")),  # Massachusetts, though MA is Morocco's code
        ("Austin, TX", ("Austin", "TX", "US")),
        ("Casablanca, Morocco", ("Casablanca", "", "MA")),
        ("Berlin, Germany", ("Berlin", "", "DE")),
        ("Toronto, ON, Canada", ("Toronto", "ON", "CA")),
        ("London, UK", ("London", "", "GB")),
    ],
)
def test_a_location_is_read_as_an_american_board_writes_it(text, place):
    columns = adapters._place(text)
    assert (columns["city"], columns["region"], columns["country"]) == place

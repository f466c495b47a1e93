import datetime
import json

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careers.core.importing import ImportInvalid
from jobs.demo import demo_listing_specs, jobs_load_demo
from jobs.models import Company, JobListing, JobSource
from jobs.services import jobs_feed_rows, jobs_import
from tests.admin_forms import change_form_data
from tests.factories import CareerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def career():
    return CareerFactory(slug="data-engineer")


def row(n: int, **changes) -> dict:
    return {
        "external_id": f"DE-{n}",
        "title": f"Data Engineer {n}",
        "company": "Northwind Analytics",
        "company_website": "https://northwind-analytics.example/",
        "career": "data-engineer",
        "description": "Build *pipelines*.",
        "apply_url": f"https://northwind-analytics.example/careers/{n}",
        "valid_through": "2099-12-31",
        "posted_on": "2026-01-15",
        "city": "Chicago",
        "region": "IL",
        "country": "US",
        "salary_min": 130000,
        "salary_max": 160000,
        **changes,
    }


def json_feed(*rows) -> bytes:
    return json.dumps(list(rows), indent=2).encode()


def run(content: bytes, source="northwind", file_format="json"):
    return jobs_import(rows=jobs_feed_rows(content=content, file_format=file_format), source=source)


def test_import_creates_then_a_second_import_changes_nothing(career):
    feed = json_feed(row(1), row(2, workplace_type="remote", remote_countries="US, CA", city=""))
    first = run(feed)
    assert (first.created, first.updated, first.expired) == (2, 0, 0)
    before = list(JobListing.objects.values_list("pk", "updated_at", "status"))
    second = run(feed)
    assert (second.created, second.updated, second.unchanged, second.expired) == (0, 0, 2, 0)
    assert list(JobListing.objects.values_list("pk", "updated_at", "status")) == before
    assert Company.objects.count() == 1
    remote = JobListing.objects.get(external_id="DE-2")
    assert remote.remote_countries == "US,CA"
    assert remote.description_html == "<p>Build <em>pipelines</em>.</p>"


def test_import_updates_changed_rows(career):
    run(json_feed(row(1)))
    result = run(json_feed(row(1, title="Staff Data Engineer")))
    assert (result.created, result.updated) == (0, 1)
    assert JobListing.objects.get().title == "Staff Data Engineer"


def test_bad_rows_are_all_reported_with_lines_and_nothing_is_written(career):
    feed = json_feed(
        row(1),
        row(2, apply_url="javascript:alert(1)"),
        row(3, career="no-such-career"),
        row(4, salary_min=200000, salary_max=100000),
        row(1),
        row(5, valid_through="soon"),
    )
    with pytest.raises(ImportInvalid) as invalid:
        run(feed)
    errors = invalid.value.errors
    assert [error.line for error in errors] == [18, 34, 50, 66, 82]
    reasons = " | ".join(error.message for error in errors)
    assert "apply_url" in reasons
    assert "no-such-career" in reasons
    assert "salary_max" in reasons
    assert "also on line 2" in reasons
    assert "valid_through" in reasons
    assert not JobListing.objects.exists()
    assert not Company.objects.exists()


def test_listings_that_vanish_from_the_feed_are_expired(career):
    run(json_feed(row(1), row(2)))
    other_source = jobs_import(rows=[(2, row(9))], source="elsewhere")
    assert other_source.created == 1
    result = run(json_feed(row(1)))
    assert result.expired == 1
    assert JobListing.objects.get(external_id="DE-2").status == JobListing.Status.EXPIRED
    assert JobListing.objects.get(source="elsewhere").status == JobListing.Status.PUBLISHED
    assert run(json_feed(row(1))).expired == 0  # again: nothing more to do


def test_an_empty_feed_is_refused_rather_than_expiring_everything(career):
    run(json_feed(row(1)))
    with pytest.raises(ImportInvalid):
        run(b"[]")
    assert JobListing.objects.live().count() == 1


def test_csv_feed_reports_its_line_numbers(career):
    content = (
        b"external_id,title,company,company_website,career,description,apply_url,valid_through,"
        b"city,country\n"
        b"A1,Data Engineer,Acme,https://acme.example/,data-engineer,Build things,"
        b"https://acme.example/a1,2099-01-01,Oslo,NO\n"
        b'A2,Data Engineer,Acme,https://acme.example/,data-engineer,"Two\nlines",'
        b"ftp://acme.example/a2,2099-01-01,Oslo,NO\n"
        b"A3,,Acme,https://acme.example/,data-engineer,x,https://acme.example/a3,2099-01-01,Oslo,NO\n"
    )
    with pytest.raises(ImportInvalid) as invalid:
        run(content, file_format="csv")
    assert [(e.line, e.message.split(":")[0]) for e in invalid.value.errors] == [
        (3, "apply_url"),
        (5, "missing title"),
    ]


@pytest.mark.parametrize(
    ("content", "file_format"),
    [
        (b"{not json", "json"),
        (b'{"a": 1}', "json"),
        (b"[1, 2]", "json"),
        (b"\xff\xfe", "csv"),
        (b"", "csv"),
        (b"a,b\n1,2,3\n", "csv"),
        (b"x", "xml"),
    ],
)
def test_unreadable_files_are_refused(content, file_format):
    with pytest.raises(ImportInvalid):
        jobs_feed_rows(content=content, file_format=file_format)


def test_management_command_imports_and_reports_bad_rows(career, tmp_path, capsys):
    good = tmp_path / "northwind.json"
    good.write_bytes(json_feed(row(1)))
    call_command("import_jobs", str(good))
    assert JobListing.objects.get().source == "northwind"
    bad = tmp_path / "bad.json"
    bad.write_bytes(json_feed(row(2, country="Germany")))
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_jobs", str(bad), "--source", "northwind")
    assert "bad.json:2: country" in capsys.readouterr().err
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_jobs", str(tmp_path / "missing.csv"))


def test_admin_import_needs_the_permission(client, career):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_joblisting"))
    client.force_login(user)
    url = reverse("admin:jobs_joblisting_import")
    assert client.get(url).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="import_joblistings"))
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("feed.json", json_feed(row(1)), content_type="application/json")
    response = client.post(url, {"file": upload, "source": "northwind"})
    assert response.status_code == 302
    assert JobListing.objects.count() == 1
    bad = SimpleUploadedFile("feed.json", json_feed(row(2, career="nope")))
    response = client.post(url, {"file": bad, "source": "northwind"})
    assert response.status_code == 400
    assert "Line 2: no career" in response.content.decode()


def test_admin_bulk_expire(admin_client, career):
    run(json_feed(row(1), row(2)))
    ids = list(JobListing.objects.values_list("pk", flat=True))
    admin_client.post(
        reverse("admin:jobs_joblisting_changelist"),
        {"action": "expire_selected", "_selected_action": ids},
    )
    assert set(JobListing.objects.values_list("status", flat=True)) == {"expired"}


def test_demo_sources_come_with_their_boards_listings_and_a_fetch_record():
    for slug in ("software-engineer", "machine-learning-engineer", "data-engineer"):
        CareerFactory(slug=slug)
    for slug in ("data-scientist", "ai-engineer"):
        CareerFactory(slug=slug)
    jobs_load_demo()
    sources = {source.kind: source for source in JobSource.objects.all()}
    assert set(sources) == {"greenhouse", "lever", "ashby"}
    for source in sources.values():
        assert source.outcome == JobSource.Outcome.OK
        assert source.counts["new"] >= 1
        assert source.listings.exists()
        assert not source.active  # their boards are made up: never fetched for real
    assert sources["greenhouse"].skipped  # the sample's untitled posting
    jobs_load_demo()  # again: nothing new
    assert JobSource.objects.count() == 3


def test_demo_loads_once_and_never_overwrites():
    listings = demo_listing_specs()
    for slug in {listing["career"] for listing in listings}:
        CareerFactory(slug=slug)
    assert jobs_load_demo().created["joblisting"] == len(listings) >= 30
    listing = JobListing.objects.get(external_id="mle-1")
    listing.title = "Edited by hand"
    listing.save()
    assert jobs_load_demo().created["joblisting"] == 0
    assert JobListing.objects.get(external_id="mle-1").title == "Edited by hand"
    assert JobListing.objects.live().filter(source="demo").count() < len(listings)  # some expired
    assert JobListing.objects.filter(workplace_type="remote").exists()
    assert all(".example/" in url for url in JobListing.objects.values_list("apply_url", flat=True))


@pytest.mark.parametrize(
    ("content", "file_format", "line", "message"),
    [
        (b"[" * 100_000, "json", 1, "nested more than 3 levels deep"),
        (b'[{"a": {"b": {"c": 1}}}]', "json", 1, "nested more than 3 levels deep"),
        (b"external_id,title\nDE-1,Data\x00Engineer\n", "csv", 2, "NUL character"),
    ],
)
def test_hostile_files_are_refused_with_a_message_not_a_crash(
    career, content, file_format, line, message
):
    with pytest.raises(ImportInvalid) as refused:
        jobs_feed_rows(content=content, file_format=file_format)
    (error,) = refused.value.errors
    assert error.line == line
    assert message in error.message


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "Data\u0000Engineer"}, "NUL character"),
        ({"city": "Chi\ud800cago"}, "not valid Unicode"),
        ({"remote_countries": ["US", "C\u0000A"]}, "NUL character"),
    ],
)
def test_unstorable_text_in_a_row_is_reported_with_its_line(career, changes, message):
    feed = json.dumps([row(1), row(2, **changes)], indent=2).encode("utf-8", "surrogatepass")
    with pytest.raises(ImportInvalid) as refused:
        run(feed)
    (error,) = refused.value.errors
    assert error.line == 18
    assert message in error.message
    assert JobListing.objects.count() == 0


def test_the_admin_answers_a_hostile_feed_with_its_import_page(admin_client, career):
    url = reverse("admin:jobs_joblisting_import")
    for name, content in (
        ("deep.json", b"[" * 100_000),
        ("nul.csv", b"external_id\nx\x00\n"),
        ("nul.json", json_feed(row(1, title="A\u0000B"))),
    ):
        upload = SimpleUploadedFile(name, content)
        response = admin_client.post(url, {"file": upload, "source": "northwind"})
        assert response.status_code == 400, name
    assert JobListing.objects.count() == 0


def test_a_write_that_fails_part_way_leaves_nothing_written(career, monkeypatch):
    """The import writes in one transaction: the listings and company already inserted are
    undone when a later step of the same import fails."""
    import jobs.services

    def fail(**kwargs):
        assert JobListing.objects.count() == 2  # inserted by now
        raise RuntimeError("the database went away")

    monkeypatch.setattr(jobs.services, "jobs_expire", fail)
    with pytest.raises(RuntimeError):
        run(json_feed(row(1), row(2)))
    assert JobListing.objects.count() == 0
    assert Company.objects.count() == 0


def feed_of(count: int, **changes) -> bytes:
    return json_feed(*(row(n, **changes) for n in range(count)))


def test_the_import_asks_the_database_the_same_number_of_times_for_10_or_1000_rows(career):
    """Fresh, unchanged and changed imports each cost a fixed number of queries."""
    queries = {}
    for size, source in ((10, "small"), (1000, "large")):
        steps = (
            ("fresh", feed_of(size, company=source)),
            ("unchanged", feed_of(size, company=source)),
            ("changed", feed_of(size, company=source, title="Senior Data Engineer")),
            ("expired", feed_of(size // 2, company=source)),
        )
        for step, content in steps:
            with CaptureQueriesContext(connection) as captured:
                run(content, source=source)
            queries[size, step] = len(captured)
    for step in ("fresh", "unchanged", "changed", "expired"):
        assert queries[10, step] == queries[1000, step], str(queries)
    assert queries[10, "unchanged"] <= 6
    assert JobListing.objects.filter(source="large", status="expired").count() == 500
    assert JobListing.objects.get(source="large", external_id="DE-999").title == (
        "Senior Data Engineer"
    )
    assert JobListing.objects.get(source="large", external_id="DE-1").title == "Data Engineer 1"


def test_an_unchanged_row_is_compared_in_full_after_an_editor_saved_the_listing(career):
    run(json_feed(row(1)))
    listing = JobListing.objects.get()
    listing.title = "Edited by hand"
    listing.save()
    result = run(json_feed(row(1)))
    assert (result.updated, result.unchanged) == (1, 0)
    assert JobListing.objects.get().title == "Data Engineer 1"


def test_an_update_moves_the_edit_version_on_and_rebuilds_html_and_search_text(career):
    run(json_feed(row(1)))
    before = JobListing.objects.get()
    run(json_feed(row(1, description="Build **warehouses**.")))
    after = JobListing.objects.get()
    assert after.edit_version == before.edit_version + 1
    assert after.description_html == "<p>Build <strong>warehouses</strong>.</p>"
    assert "warehouses" in after.search_text
    assert after.updated_at > before.updated_at


def test_a_nul_typed_into_an_admin_text_field_is_a_form_error(admin_client, career):
    listing = JobListing.objects.create(
        title="Data Engineer",
        company=Company.objects.create(name="Northwind", website="https://n.example/"),
        career=career,
        description="Pipelines.",
        apply_url="https://n.example/1",
        valid_through=datetime.date(2099, 12, 31),
        city="Chicago",
        country="US",
    )
    url = reverse("admin:jobs_joblisting_change", args=[listing.pk])
    data = change_form_data(admin_client.get(url))
    data["description"] = "Markdown with a \x00 in it"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Null characters are not allowed" in str(response.context["adminform"].form.errors)

"""A board's postings imported as a source's feed: careers by title, skips with reasons,
the same job kept once, and the same file by hand through `import_jobs`."""

import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careers.core.importing import ImportInvalid
from jobs.adapters import ADAPTERS
from jobs.models import JobListing
from jobs.services import career_matcher, postings_import
from tests.factories import CareerFactory
from tests.jobs.factories import CompanyFactory, JobListingFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def careers():
    return {
        slug: CareerFactory(slug=slug)
        for slug in ("machine-learning-engineer", "data-engineer", "software-engineer")
    }


def board(kind="greenhouse", name=None):
    content = (SAMPLES / (name or f"{kind}.json")).read_bytes()
    return ADAPTERS[kind].postings(content, today=datetime.date.today())


def test_title_rules_pick_careers_and_unmatched_postings_are_skipped(careers):
    company = CompanyFactory(name="Quillwork")
    career_for = career_matcher(
        rules=[("machine learning", "machine-learning-engineer"), ("data", "data-engineer")],
        default_career=None,
    )
    result = postings_import(
        postings=board(), company=company, source="quillwork", career_for=career_for
    )
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert {item["id"]: item["reason"] for item in result.skipped} == {
        "4010003": "no career matches the title",
        "4010004": "missing title",
    }
    mle = JobListing.objects.get(external_id="4010001")
    assert mle.career.slug == "machine-learning-engineer"
    assert mle.description_format == "html"
    assert "<h2>About the role</h2>" in mle.description_html
    assert "<script" not in mle.description_html
    assert "<img" not in mle.description_html
    assert mle.confirmed_on == datetime.date.today()
    assert mle.is_live()
    again = postings_import(
        postings=board(), company=company, source="quillwork", career_for=career_for
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_a_posting_a_listing_cannot_hold_is_skipped_and_the_rest_imported(careers):
    postings = board("lever")
    postings[0].columns["apply_url"] = "ftp://jobs.example/x"
    result = postings_import(
        postings=postings,
        company=CompanyFactory(),
        source="pageturn",
        career_for=career_matcher(rules=[], default_career=careers["data-engineer"]),
    )
    assert result.created == 1
    reasons = {item["id"]: item["reason"] for item in result.skipped}
    assert "apply_url" in reasons["5ac21346-8e0c-4494-8e7a-3eb92ff77902"]
    assert reasons["9d8c7b6a-0000-4000-8000-000000000003"] == "missing apply_url"


def test_the_same_job_from_two_sources_is_kept_once(careers):
    JobListingFactory(
        source="other-board",
        external_id="x1",
        apply_url="https://jobs.example/lanternlabs/b1f8e3f0/application",
    )
    result = postings_import(
        postings=board("ashby"),
        company=CompanyFactory(),
        source="lantern",
        career_for=career_matcher(rules=[], default_career=careers["software-engineer"]),
    )
    assert result.created == 1
    assert result.skipped == [
        {"id": "b1f8e3f0-1111-4a2b-9c3d-000000000001", "reason": "already listed from other-board"}
    ]


def test_a_dry_run_writes_nothing(careers):
    result = postings_import(
        postings=board("ashby"),
        company=CompanyFactory(),
        source="lantern",
        career_for=career_matcher(rules=[], default_career=careers["software-engineer"]),
        dry_run=True,
    )
    assert result.created == 2
    assert not JobListing.objects.exists()


def test_a_board_with_nothing_to_import_is_refused_rather_than_expiring_everything(careers):
    company = CompanyFactory()
    career_for = career_matcher(rules=[], default_career=careers["data-engineer"])
    postings_import(postings=board(), company=company, source="q", career_for=career_for)
    with pytest.raises(ImportInvalid):
        postings_import(postings=[], company=company, source="q", career_for=career_for)
    assert JobListing.objects.live().count() == 3


@pytest.mark.parametrize(
    ("kind", "name", "created"),
    [
        ("greenhouse", "greenhouse.json", 3),
        ("lever", "lever.json", 2),
        ("ashby", "ashby.json", 2),
        ("jobposting", "jobposting.html", 1),
    ],
)
def test_import_jobs_reads_each_board_format_from_a_file(careers, capsys, kind, name, created):
    CompanyFactory(name="Acme")
    call_command(
        "import_jobs",
        str(SAMPLES / name),
        "--format",
        kind,
        "--company",
        "Acme",
        "--career",
        "data-engineer",
    )
    assert f"{created} new" in capsys.readouterr().out
    assert JobListing.objects.filter(source=Path(name).stem).count() == created


def test_import_jobs_needs_company_and_career_for_a_board_file(careers):
    with pytest.raises(CommandError, match="--company NAME and --career SLUG"):
        call_command("import_jobs", str(SAMPLES / "lever.json"), "--format", "lever")
    with pytest.raises(CommandError, match="No company"):
        call_command(
            "import_jobs",
            str(SAMPLES / "lever.json"),
            "--format",
            "lever",
            "--company",
            "Nobody",
            "--career",
            "data-engineer",
        )

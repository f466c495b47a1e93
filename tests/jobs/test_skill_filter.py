"""The jobs list's skill picker: the skills open listings ask for, with how many ask, as
plain checkboxes (no script needed) that submit `?skill=a&skill=b`."""

import re

import pytest
from django.test import RequestFactory

from jobs.forms import MAX_SKILL_CHOICES, JobFilterForm, job_search
from jobs.models import JobListing, ListingSkill
from tests.factories import SkillFactory
from tests.jobs.factories import JobListingFactory, expired_listing
from tests.jobs.test_views import LIST_QUERIES

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<summary class="job-filters__summary">(.*?)</summary>', re.S)


def asks(listing, *skills):
    for position, skill in enumerate(skills):
        ListingSkill.objects.create(listing=listing, skill=skill, position=position)


@pytest.fixture
def demand():
    python, sql, rust, cobol = (SkillFactory(name=n) for n in ("Python", "SQL", "Rust", "COBOL"))
    asks(JobListingFactory(title="Data engineer"), python, sql)
    asks(JobListingFactory(title="Analyst"), python)
    asks(JobListingFactory(title="Systems", status=JobListing.Status.DRAFT), rust)
    asks(expired_listing(title="Old"), cobol, python)
    return {"python": python, "sql": sql, "rust": rust, "cobol": cobol}


def picker(page: str) -> list[tuple[str, str, bool]]:
    """(value, label text, checked) of each skill checkbox, in page order."""
    boxes = re.findall(
        r'<input type="checkbox" name="skill" value="([^"]+)" id="skill-[^"]+"( checked)?> '
        r'<label for="skill-[^"]+">(.*?)</label>',
        page,
    )
    return [
        (value, re.sub(r"<[^>]+>", "", label), bool(checked)) for value, checked, label in boxes
    ]


def test_the_form_takes_several_skills_and_counts_each_as_a_filter():
    python, sql = SkillFactory(name="Python"), SkillFactory(name="SQL")
    form = JobFilterForm({"skill": ["sql", "python"], "workplace": "remote"}, skills=[python, sql])
    assert form.is_valid()
    assert form.filters == {"skill": ["sql", "python"], "workplace": "remote"}
    assert form.active_count == 3
    unknown = JobFilterForm({"skill": ["python", "haskell"]}, skills=[python, sql])
    assert not unknown.is_valid()
    assert unknown.ignored[0][0] == "Skills"
    assert unknown.active_count == 0


def test_the_picker_offers_what_open_listings_ask_for_with_counts(client, demand):
    page = client.get("/jobs/").content.decode()
    # Drafts and expired listings do not count: no Rust, no COBOL, Python asked by two.
    assert picker(page) == [("python", "Python (2)", False), ("sql", "SQL (1)", False)]
    assert '<details class="job-filters__skills">' in page  # folded: nothing chosen
    assert "<legend>Skills employers ask for</legend>" in page


def test_chosen_skills_are_ticked_counted_and_narrow_the_list(client, demand):
    response = client.get("/jobs/", {"skill": ["sql", "python"], "workplace": "hybrid"})
    page = response.content.decode()
    assert picker(page) == [("python", "Python (2)", True), ("sql", "SQL (1)", True)]
    assert '<details class="job-filters__skills" open>' in page
    assert "(2 chosen)" in page
    assert "(3 active)" in SUMMARY.search(page).group(1)  # two skills and the workplace
    assert "No open jobs match your filters" in page
    page = client.get("/jobs/", {"skill": ["sql", "python"]}).content.decode()
    assert "1 open job matches your filters" in page
    assert "Data engineer" in page
    assert "Analyst" not in page


def test_a_chosen_skill_no_open_listing_asks_for_stays_offered(client, demand):
    """A skill's page links here even when nothing asks for it: the box shows it ticked."""
    page = client.get("/jobs/", {"skill": "cobol"}).content.decode()
    assert ("cobol", "COBOL (0)", True) in picker(page)
    assert "No open jobs match your filters" in page


def test_an_unknown_skill_is_ignored_and_said(client, demand):
    page = client.get("/jobs/", {"skill": "haskell"}).content.decode()
    assert "We left out 1 filter we could not read" in page
    assert "3 open jobs" not in page  # draft and expired never show
    assert "2 open jobs" in page


def test_an_empty_skill_parameter_is_dropped_from_the_address(client, demand):
    response = client.get("/jobs/?skill=&skill=sql&location=")
    assert response.status_code == 301
    assert response["Location"] == "/jobs/?skill=sql"


def test_the_picker_offers_the_most_asked_skills_only(demand):
    listing = JobListingFactory()
    asks(listing, *(SkillFactory(name=f"Skill {n:02}") for n in range(MAX_SKILL_CHOICES + 5)))
    request = RequestFactory().get("/jobs/", {"skill": "cobol"})
    choices = job_search(request, skill_choices=True).skill_choices
    assert len(choices) == MAX_SKILL_CHOICES + 1  # the chosen one on top of the cap
    assert [s.slug for s in choices[:2]] == ["python", "skill-00"]
    assert "cobol" in [s.slug for s in choices]


@pytest.mark.parametrize("count", [3, 60])
def test_the_page_keeps_its_query_count_whatever_the_skills(
    client, django_assert_max_num_queries, count
):
    skills = [SkillFactory(name=f"Skill {n:02}") for n in range(count)]
    for n in range(count):
        asks(JobListingFactory(), *skills[: n % 7 + 1])
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get("/jobs/").status_code == 200
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get("/jobs/", {"skill": ["skill-00", "skill-01"]}).status_code == 200

"""A listing's skills: found in its own title and description by one function,
`jobs.services.listing_skills_detect`, on every path its text changes by."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from careers.models import SkillAlias
from jobs.models import JobListing, ListingSkill
from jobs.services import jobs_feed_rows, jobs_import, listing_skills_detect
from tests.admin_forms import change_form_data
from tests.factories import CareerFactory, SkillFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills():
    kubernetes = SkillFactory(name="Kubernetes")
    SkillAlias.objects.create(skill=kubernetes, text="k8s")
    return {
        "python": SkillFactory(name="Python"),
        "sql": SkillFactory(name="SQL"),
        "go": SkillFactory(name="Go", name_case_sensitive=True),
        "kubernetes": kubernetes,
    }


def linked(listing) -> list[tuple[str, bool]]:
    return [(link.skill.name, link.detected) for link in listing.skill_links.all()]


def test_detection_adds_what_the_text_names_and_keeps_what_an_editor_added(
    skills, django_assert_max_num_queries
):
    listing = JobListingFactory(
        title="Platform engineer (Go)", description="We go to production on k8s. Some SQL."
    )
    other = JobListingFactory(title="Data engineer", description="Python and NoSQL stores.")
    ListingSkill.objects.create(listing=other, skill=skills["sql"], position=1)  # by hand
    with django_assert_max_num_queries(5):
        assert listing_skills_detect([listing, other]) == 4
    assert linked(listing) == [("Go", True), ("Kubernetes", True), ("SQL", True)]
    assert linked(other) == [("SQL", False), ("Python", True)]
    # The text changes: what it no longer names goes, the editor's own link stays.
    other.description = "Rust only."
    other.save()
    listing_skills_detect(JobListing.objects.filter(pk=other.pk))
    assert linked(other) == [("SQL", False)]
    assert listing_skills_detect([listing]) == 0  # nothing changed: nothing written


def test_every_import_detects_the_skills_of_the_listings_it_writes(skills):
    CareerFactory(slug="data-engineer")
    feed = (
        b'[{"external_id": "1", "title": "Data Engineer", "company": "Acme", '
        b'"company_website": "https://acme.example", "career": "data-engineer", '
        b'"description": "Python, SQL and a little Go.", '
        b'"apply_url": "https://acme.example/1", "valid_through": "2099-01-01", '
        b'"workplace_type": "remote", "remote_countries": "US"}]'
    )
    jobs_import(rows=jobs_feed_rows(content=feed, file_format="json"), source="acme")
    listing = JobListing.objects.get()
    assert linked(listing) == [("Python", True), ("SQL", True), ("Go", True)]


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_an_admin_save_detects_when_the_text_changes_and_shows_which_were_detected(
    client, editorial_groups, skills, role
):
    user = User.objects.create_user(username="staff", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    listing = JobListingFactory(status=JobListing.Status.DRAFT, description="Plain text.")
    url = reverse("admin:jobs_joblisting_change", args=[listing.pk])
    data = change_form_data(client.get(url))
    data["description"] = "Python and Kubernetes."
    assert client.post(url, data).status_code == 302
    assert linked(listing) == [("Python", True), ("Kubernetes", True)]
    page = client.get(url).content.decode()
    assert "Skills asked for" in page
    assert 'name="skill_links-0-skill"' in page
    # The editor takes one out without touching the text: it stays out.
    data = change_form_data(client.get(url))
    data["skill_links-1-DELETE"] = "on"
    assert client.post(url, data).status_code == 302
    assert linked(listing) == [("Python", True)]

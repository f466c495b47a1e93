"""/skills/, /skills/<slug>/, the guide's "What employers ask for", and skills on the
compare and job pages: what readers see, in a fixed number of queries."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careers.models import SkillAlias
from jobs.models import JobListing, ListingSkill
from tests.factories import (
    CareerFactory,
    CertificationFactory,
    GuideFactory,
    GuideSkillFactory,
    RoadmapStepFactory,
    SkillFactory,
)
from tests.flashcards.factories import CardFactory, DeckFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


def ask(listing, *skills):
    for position, skill in enumerate(skills, start=1):
        ListingSkill.objects.create(listing=listing, skill=skill, position=position)


@pytest.fixture
def world():
    """Two careers with guides; listings for the first, some asking for Python."""
    python, sql, docker = (SkillFactory(name=n) for n in ("Python", "SQL", "Docker"))
    python.category = "Programming languages"
    python.description = "A *general-purpose* language."
    python.save()
    SkillAlias.objects.create(skill=python, text="py")
    mle = GuideFactory(career=CareerFactory(name="ML Engineer", slug="ml-engineer"))
    ds = GuideFactory(career=CareerFactory(name="Data Scientist", slug="data-scientist"))
    GuideSkillFactory(guide=mle, skill=python, note="expert")
    GuideSkillFactory(guide=mle, skill=sql)
    GuideSkillFactory(guide=ds, skill=python)
    step = RoadmapStepFactory(guide=mle, title="Learn Python well")
    step.skills.add(python)
    CertificationFactory(name="Python Cert").skills.add(python)
    deck = DeckFactory(career=mle.career, slug="mle-deck")
    CardFactory(deck=deck, question="What is a generator?", tags="Python")
    for number in range(6):
        listing = JobListingFactory(career=mle.career, title=f"MLE {number}")
        ask(listing, *([python, docker] if number < 4 else [sql]))
    # Neither a draft nor an expired listing counts.
    ask(JobListingFactory(career=mle.career, status=JobListing.Status.DRAFT), python)
    ask(JobListingFactory(career=mle.career, status=JobListing.Status.EXPIRED), python)
    past = timezone.localdate() - datetime.timedelta(days=1)
    ask(
        JobListingFactory(
            career=mle.career, posted_on=past - datetime.timedelta(days=30), valid_through=past
        ),
        python,
    )
    ask(JobListingFactory(career=ds.career), python, sql)
    return {"python": python, "sql": sql, "docker": docker, "mle": mle, "ds": ds}


def test_the_index_lists_skills_by_category_with_careers_and_open_jobs(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        html = client.get("/skills/").content.decode()
    programming = html.index("Programming languages")
    other = html.index("Other skills")
    assert programming < html.index('href="/skills/python/"') < other
    assert re.search(r'/skills/python/">Python</a> <span[^>]*>2 careers · 5 open jobs', html)
    assert re.search(r'/skills/docker/">Docker</a> <span[^>]*>0 careers · 4 open jobs', html)


def test_a_skill_page_shows_everything_that_points_at_it(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):
        response = client.get("/skills/python/")
    html = response.content.decode()
    assert "<em>general-purpose</em>" in html
    # An alias is a word that counts as the skill in job text, not always another name.
    assert "Job listings that say “py” count as asking for Python." in html
    assert f'href="{world["mle"].get_absolute_url()}">ML Engineer</a> (expert)' in html
    assert "Learn Python well" in html
    assert "Python Cert" in html
    assert 'href="/flashcards/mle-deck/?skill=python"' in html
    assert "5 open jobs ask for Python" in html
    assert 'href="/jobs/?skill=python"' in html
    # Demand: each career's open listings, drafts and expired ones left out.
    assert '<th scope="row">Data Scientist</th><td>1 of 1 (100%)</td>' in html
    assert '<th scope="row">ML Engineer</th><td>4 of 6 (67%)</td>' in html
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    term = next(d for d in data if d["@type"] == "DefinedTerm")
    assert term["name"] == "Python"
    assert term["alternateName"] == ["py"]


def test_an_unknown_skill_is_404(client):
    assert client.get("/skills/cobol/").status_code == 404


def test_the_guide_shows_what_employers_ask_for_marking_what_it_teaches(
    client, world, django_assert_max_num_queries
):
    guide = world["mle"]
    html = client.get(guide.get_absolute_url()).content.decode()
    section = re.search(r'id="employers-ask".*?</section>', html, re.S).group(0)
    taught, not_taught = section.split("Asked for, not covered by this guide")
    assert '<a href="/skills/python/">Python</a> — 4 of 6 open listings' in taught
    assert '<a href="/skills/sql/">SQL</a> — 2 of 6 open listings' in taught
    assert '<a href="/skills/docker/">Docker</a> — 4 of 6 open listings' in not_taught
    # The guide's own skills link to their pages.
    python = '<a href="/skills/python/" data-skill="python">Python</a>'
    assert f'{python} <span class="skill-note">(expert)</span>' in html


def test_the_section_says_so_with_fewer_than_five_open_listings(client, world):
    html = client.get(world["ds"].get_absolute_url()).content.decode()
    assert "Fewer than 5 Data Scientist listings are open right now" in html
    assert " of 1 open listings" not in html


def test_the_demand_section_costs_one_query_more(client, world):
    guide = world["ds"]
    with CaptureQueriesContext(connection) as few:
        client.get(guide.get_absolute_url())
    for _ in range(4):
        ask(JobListingFactory(career=guide.career), world["sql"])
    with CaptureQueriesContext(connection) as enough:
        html = client.get(guide.get_absolute_url()).content.decode()
    assert "SQL</a> — 5 of 5 open listings" in html
    assert len(enough) == len(few) + 1


def test_jobs_filter_by_every_skill_given_and_show_each_listings_skills(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7):
        html = client.get("/jobs/", {"skill": ["python", "docker"]}).content.decode()
    assert "4 open jobs match your filters" in html
    assert "Jobs asking for Python, Docker" in html
    assert '<a class="skill-tag" href="/skills/docker/">Docker</a>' in html
    html = client.get("/jobs/", {"skill": ["python", "sql"]}).content.decode()
    assert "1 open job match" in html
    # An unknown skill is ignored and said so, never a 500.
    response = client.get("/jobs/", {"skill": "cobol"})
    assert response.status_code == 200


def test_a_listing_page_shows_its_skills_and_states_them_in_job_posting(client, world):
    listing = JobListing.objects.live().filter(skill_links__skill=world["docker"]).first()
    html = client.get(listing.get_absolute_url()).content.decode()
    assert re.search(
        r'<li><a href="/skills/python/" data-skill="python" data-teach="[^"]+">Python</a></li>',
        html,
    )
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    posting = next(d for d in data if d["@type"] == "JobPosting")
    assert posting["skills"] == ["Python", "Docker"]


def test_search_finds_a_skill_by_its_alias_first(client):
    from careers.search import skill_search

    kubernetes = SkillFactory(name="Kubernetes")
    SkillAlias.objects.create(skill=kubernetes, text="k8s")
    skill_search.index(type(kubernetes).objects.all())
    guide = GuideFactory(intro="You will run services on k8s every day.")
    from guides.services import guide_search_index

    guide_search_index(guide=guide)
    html = client.get("/search/", {"q": "k8s"}).content.decode()
    assert 'href="/skills/kubernetes/"' in html
    guide_link = f'href="{guide.get_absolute_url()}"'
    assert html.index('href="/skills/kubernetes/"') < html.index(guide_link)


def test_content_health_lists_skill_gaps_bare_skills_and_near_duplicates(
    admin_client, world, django_assert_max_num_queries
):
    from careers.site.health import content_health

    SkillFactory(name="Scikit learn", description="Models.")
    SkillFactory(name="scikit-learn", slug="sklearn", description="Models.")
    with django_assert_max_num_queries(13):
        health = content_health()
    gaps = [(gap.career_name, gap.skill_name, gap.asking, gap.total) for gap in health.skill_gaps]
    # Docker: 4 of 6 ML Engineer listings, not in its guide. SQL is (2 of 6, taught);
    # Data Scientist's one listing asks for SQL, which its guide leaves out.
    assert gaps == [("Data Scientist", "SQL", 1, 1), ("ML Engineer", "Docker", 4, 6)]
    assert [s.name for s in health.skills_without_description] == ["Docker", "SQL"]
    pairs = [(a.name, b.name) for a, b in health.near_duplicate_skills]
    assert pairs == [("Scikit learn", "scikit-learn")]
    html = admin_client.get("/admin/content-health/").content.decode()
    assert "Docker</a>, in 4 of 6 open listings" in html

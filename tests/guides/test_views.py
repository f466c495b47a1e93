import datetime
from html import escape

import pytest
from django.utils import timezone

from careers.core.publishing import Publishable
from jobs.models import ListingSkill
from jobs.selectors import DEMAND_MIN_LISTINGS, DEMAND_TOP_SKILLS
from tests.factories import (
    FAQFactory,
    GuideFactory,
    PathFactory,
    RelatedGuideFactory,
    RoadmapStepFactory,
    SkillFactory,
    complete_guide,
)
from tests.flashcards.factories import deck_with_cards
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db

# 10, plus the related careers for the Compare links, the steps' skills, and the skills
# employers ask for (with five open listings or more).
GUIDE_PAGE_QUERIES = 12


def test_guide_page_shows_every_section(client):
    guide = complete_guide(title="How to Become a Data Engineer", edition_year=2026)
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "How to Become a Data Engineer (2026 Guide)" in html
    for section_id in (
        "what-they-do",
        "roadmap",
        "skills",
        "how-long",
        "certifications",
        "salary",
        "outlook",
        "faq",
        "related",
    ):
        assert f'id="{section_id}"' in html, section_id
    assert guide.career.get_absolute_url() in html
    assert "36% projected growth through 2033" in html


def test_guide_page_without_a_deck_has_no_interview_section(client):
    guide = complete_guide()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert 'id="interview-prep"' not in html


def test_guide_page_previews_the_first_three_cards_of_its_careers_deck(client):
    guide = complete_guide()
    deck = deck_with_cards(career=guide.career, cards=5)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert 'id="interview-prep"' in html
    assert deck.get_absolute_url() in html
    questions = list(deck.cards.values_list("question", flat=True))
    assert all(escape(q) in html for q in questions[:3])
    assert escape(questions[3]) not in html


def test_guide_page_links_to_the_roles_open_jobs_with_their_count(client):
    guide = complete_guide()
    JobListingFactory.create_batch(2, career=guide.career)
    JobListingFactory(career=guide.career, status=Publishable.Status.DRAFT)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert f"/jobs/?career={guide.career.slug}" in html
    assert "(2 open)" in html


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Publishable.Status.DRAFT},
        {"status": Publishable.Status.IN_REVIEW},
        {"publish_from": timezone.now() + datetime.timedelta(days=1)},
        {"publish_until": timezone.now() - datetime.timedelta(days=1)},
    ],
)
def test_drafts_and_scheduled_guides_are_404_for_readers(client, changes):
    guide = GuideFactory(**changes)
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 404
    assert b"<h1" in response.content  # the styled 404 page, not a bare message


def test_unknown_and_malformed_slugs_are_404(client):
    assert client.get("/guides/no-such-guide/").status_code == 404
    assert client.get("/guides/%E2%9C%93/").status_code == 404
    assert client.get("/guides/a/b/").status_code == 404


def test_guide_page_ignores_junk_query_strings(client):
    guide = GuideFactory()
    response = client.get(guide.get_absolute_url(), {"page": "99999999999", "q": "\x00"})
    assert response.status_code == 200
    assert guide.title.encode() in response.content
    assert client.get(guide.get_absolute_url() + "?page=-1&%ff=1").status_code == 200


def test_writes_are_refused_on_reader_pages(client):
    guide = GuideFactory()
    assert client.post(guide.get_absolute_url()).status_code == 405


def test_related_guides_show_summaries_computed_from_their_own_data(client):
    guide = GuideFactory()
    related = GuideFactory(title="How to Become a Data Scientist")
    related.career.salary_low, related.career.salary_high = 120_000, 175_000
    related.career.save()
    for _ in range(6):
        RoadmapStepFactory(guide=related)
    PathFactory(guide=related, duration_min=9, duration_max=12)
    PathFactory(guide=related, duration_min=12, duration_max=18, is_typical=True)
    RelatedGuideFactory(guide=guide, related=related)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "6-step roadmap · typically 12–18 months · $120K–$175K a year" in html


def test_related_guides_that_are_not_live_are_left_out(client):
    guide = GuideFactory()
    draft = GuideFactory(title="Secret draft", status=Publishable.Status.DRAFT)
    RelatedGuideFactory(guide=guide, related=draft)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Secret draft" not in html
    assert draft.get_absolute_url() not in html


def test_faq_answers_are_native_disclosures(client):
    guide = GuideFactory()
    FAQFactory(guide=guide, question="Do I need a PhD?", answer="Not for most roles.")
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "<details" in html
    assert "Do I need a PhD?" in html


@pytest.mark.parametrize("parts", [1, 3, 30])
def test_guide_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, parts):
    guide = complete_guide(parts=parts)
    for number, step in enumerate(guide.steps.all()):
        skill = SkillFactory(name=f"Skill of step {number}")
        step.skills.add(skill)
        listing = JobListingFactory(career=guide.career)
        ListingSkill.objects.create(listing=listing, skill=skill)
    with django_assert_max_num_queries(GUIDE_PAGE_QUERIES):
        response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="step"') == parts
    # Each step's skill, and the most asked-for skills once five listings are open.
    demand = min(parts, DEMAND_TOP_SKILLS) if parts >= DEMAND_MIN_LISTINGS else 0
    assert html.count('href="/skills/skill-of-step-') == parts + demand


def test_guide_index_lists_live_guides_by_category_with_summaries(client):
    live = complete_guide(title="How to Become a Cloud Architect")
    GuideFactory(title="How to Become a Hidden Draft", status=Publishable.Status.DRAFT)
    html = client.get("/guides/").content.decode()
    assert "How to Become a Cloud Architect" in html
    assert escape(live.career.category.name) in html
    assert "3-step roadmap" in html
    assert "Hidden Draft" not in html


@pytest.mark.parametrize("guides", [1, 12])
def test_guide_index_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, guides):
    for _ in range(guides):
        complete_guide(parts=2)
    with django_assert_max_num_queries(2):
        assert client.get("/guides/").status_code == 200


def test_the_header_marks_guides_as_the_section_of_a_guide_page(client):
    guide = complete_guide()
    page = client.get(guide.get_absolute_url()).content.decode()
    assert '<a href="/guides/" aria-current="true">Guides</a>' in page
    assert '<a href="/jobs/">Jobs</a>' in page
    index = client.get("/guides/").content.decode()
    assert '<a href="/guides/" aria-current="page">Guides</a>' in index


def test_with_no_open_jobs_the_guide_says_so_and_offers_the_careers_job_feed(client):
    guide = complete_guide()
    JobListingFactory(career=guide.career, status=Publishable.Status.DRAFT)
    html = client.get(guide.get_absolute_url()).content.decode()
    section = html.split('id="jobs"', 1)[1]
    assert f"No {escape(guide.career.name)} jobs are open right now." in section
    assert f'href="/jobs/feed/{guide.career.slug}/"' in section
    assert 'class="button"' not in section
    assert "(0 open)" not in html

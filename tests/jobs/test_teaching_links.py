"""What a listing asks for, linked to where this site teaches it: the roadmap step of the
listing's career's newest live guide, else the skill's page (jobs.selectors)."""

import pytest

from careers.core.publishing import Publishable
from jobs.models import ListingSkill
from jobs.selectors import live_listings, with_teaching_links
from tests.factories import CareerFactory, GuideFactory, RoadmapStepFactory, SkillFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


def asking(listing, *skills):
    for position, skill in enumerate(skills):
        ListingSkill.objects.create(listing=listing, skill=skill, position=position)


def test_each_skill_links_to_the_step_of_the_newest_live_guide_that_teaches_it(
    client, django_assert_num_queries
):
    python, sql, docker, rust = (SkillFactory(name=n) for n in ("Python", "SQL", "Docker", "Rust"))
    career, other_career = CareerFactory(), CareerFactory()
    old = GuideFactory(career=career, edition_year=2025)
    RoadmapStepFactory(guide=old, position=0).skills.add(rust)  # an older edition only
    guide = GuideFactory(career=career, edition_year=2026)
    RoadmapStepFactory(guide=guide, position=0)
    RoadmapStepFactory(guide=guide, position=1).skills.add(python)
    RoadmapStepFactory(guide=guide, position=2).skills.add(sql, python)
    draft = GuideFactory(career=career, edition_year=2027, status=Publishable.Status.DRAFT)
    RoadmapStepFactory(guide=draft, position=0).skills.add(docker)
    other = GuideFactory(career=other_career)
    RoadmapStepFactory(guide=other, position=0).skills.add(docker)
    listing = JobListingFactory(career=career)
    asking(listing, python, sql, docker, rust)
    elsewhere = JobListingFactory(career=other_career)
    asking(elsewhere, docker, python)

    listings = list(live_listings())
    with django_assert_num_queries(1):
        with_teaching_links(listings)
    links = {
        item.pk: [(link.skill.name, link.teach_url) for link in item.skill_list]
        for item in listings
    }
    guide_url = guide.get_absolute_url()
    assert links[listing.pk] == [
        ("Python", f"{guide_url}#step-2"),  # its first step, numbered as the page numbers it
        ("SQL", f"{guide_url}#step-3"),
        ("Docker", "/skills/docker/"),  # only a draft and another career's guide teach it
        ("Rust", "/skills/rust/"),
    ]
    assert links[elsewhere.pk] == [
        ("Docker", f"{other.get_absolute_url()}#step-1"),
        ("Python", "/skills/python/"),
    ]

    html = client.get("/jobs/").content.decode()
    assert f'data-skill="python" data-teach="{guide_url}#step-2"' in html


def test_no_skills_no_query(django_assert_num_queries):
    listings = [JobListingFactory()]
    listings = list(live_listings())
    with django_assert_num_queries(0):
        assert with_teaching_links(listings) == listings

"""The demo job listings read like real, different jobs: no shared boilerplate, and each
asks for skills found in its own text."""

import collections
import re

import pytest

from careers.site.demo import demo_load
from careers.site.search import site_search
from jobs.demo import DEMO_SOURCE, demo_listing_specs
from jobs.models import JobListing, ListingSkill

# Lines shorter than this ("**What we need**", "On site in Pittsburgh.") may repeat.
SHORT_LINE_WORDS = 8


def _passages(description: str) -> set[str]:
    """Each paragraph and each line of a description, lower-cased, spaces collapsed."""
    passages = set()
    for paragraph in re.split(r"\n\s*\n", description):
        for passage in [paragraph, *paragraph.splitlines()]:
            passage = " ".join(passage.split()).lower()
            if len(passage.split()) >= SHORT_LINE_WORDS:
                passages.add(passage)
    return passages


def test_no_two_demo_listings_share_a_paragraph_or_line():
    where = collections.defaultdict(list)
    for spec in demo_listing_specs():
        for passage in _passages(spec["description"]):
            where[passage].append(spec["key"])
    shared = {passage: keys for passage, keys in where.items() if len(keys) > 1}
    assert shared == {}


def test_the_passage_check_catches_a_shared_template():
    """The check above would have failed on the old templated texts."""
    template = "Intro.\n\n**What you will do**\n\n- Train, evaluate and ship models that run"
    assert _passages(template) == {"- train, evaluate and ship models that run"}


@pytest.mark.django_db
def test_every_demo_listing_has_at_least_three_skills_detected_in_its_own_text():
    demo_load(apps=["careers", "jobs"])
    listings = JobListing.objects.filter(source=DEMO_SOURCE)
    assert listings.count() == len(demo_listing_specs())
    counts = collections.Counter(
        ListingSkill.objects.filter(listing__in=listings, detected=True).values_list(
            "listing__external_id", flat=True
        )
    )
    too_few = {
        spec["key"]: counts[spec["key"]] for spec in demo_listing_specs() if counts[spec["key"]] < 3
    }
    assert too_few == {}
    # Different jobs ask for different things: no two listings detect the same skill set.
    skill_sets = collections.defaultdict(set)
    for key, skill in ListingSkill.objects.filter(listing__in=listings).values_list(
        "listing__external_id", "skill__name"
    ):
        skill_sets[key].add(skill)
    assert len({frozenset(skills) for skills in skill_sets.values()}) == len(skill_sets)


@pytest.mark.django_db
def test_searching_the_demo_jobs_shows_a_different_snippet_for_each_listing():
    demo_load(apps=["careers", "jobs"])
    results = site_search(query="python", page=1, kind="jobs")
    hits = next(group for group in results.groups if group.kind == "jobs").hits
    snippets = [str(hit.snippet) for hit in hits]
    assert len(snippets) >= 5
    assert len(set(snippets)) == len(snippets)

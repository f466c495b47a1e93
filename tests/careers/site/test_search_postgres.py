"""PostgreSQL full-text search: stemming, websearch syntax, ranking and typo tolerance."""

import re

import pytest
from django.db import connection

from careers.site.search import site_search
from flashcards.models import Card
from flashcards.services import cards_search_index
from guides.models import Guide
from guides.services import guides_search_index
from jobs.models import JobListing
from jobs.services import jobs_search_index
from tests.factories import (
    FAQFactory,
    GuideFactory,
    GuideSkillFactory,
    RoadmapStepFactory,
    SkillFactory,
)
from tests.flashcards.factories import CardFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="full-text search, stemming and trigram matching need PostgreSQL",
    ),
]


def guide_titles(query: str) -> list[str]:
    results = site_search(query=query, page=1, kind="guides")
    return [guide.rsplit(" (", 1)[0] for guide in _plain_titles(results)]


def _guides(results):
    return next(group for group in results.groups if group.kind == "guides")


def _plain_titles(results) -> list[str]:
    return [
        str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in _guides(results).hits
    ]


@pytest.fixture
def guides():
    kube = GuideFactory(title="Kubernetes Administrator", intro="Keep clusters healthy.")
    GuideSkillFactory(guide=kube, skill=SkillFactory(name="Helm"))
    devops = GuideFactory(title="DevOps Engineer", intro="Automate delivery.")
    RoadmapStepFactory(
        guide=devops, title="Containers", description="Run services on Kubernetes clusters."
    )
    ml = GuideFactory(title="Machine Learning Engineer", intro="Ship models.")
    GuideSkillFactory(guide=ml, skill=SkillFactory(name="Python"))
    GuideSkillFactory(guide=ml, skill=SkillFactory(name="TensorFlow"))
    RoadmapStepFactory(guide=ml, title="Features", description="Build feature stores for training.")
    data = GuideFactory(title="Data Engineer", intro="Move data reliably.")
    GuideSkillFactory(guide=data, skill=SkillFactory(name="Python"))
    FAQFactory(
        guide=data,
        question="Which stores?",
        answer="Object stores, and each feature of the warehouse.",
    )
    writer = GuideFactory(title="Technical Writer", intro="Explain what engineers build.")
    guides_search_index(guides=Guide.objects.all())
    return {"kube": kube, "devops": devops, "ml": ml, "data": data, "writer": writer}


def test_a_title_match_ranks_above_a_body_match(guides):
    assert guide_titles("kubernetes") == ["Kubernetes Administrator", "DevOps Engineer"]


def test_a_typo_still_finds_the_word(guides):
    # English stemming forgives this one: "kubernets" and "Kubernetes" share a stem.
    assert guide_titles("kubernets") == ["Kubernetes Administrator", "DevOps Engineer"]
    # This one full-text search misses; trigram similarity finds the close matches.
    results = site_search(query="kubernetis", page=1)
    assert results.fuzzy
    assert guide_titles("kubernetis") == ["Kubernetes Administrator", "DevOps Engineer"]
    assert "<mark>Kubernetes</mark>" in str(_guides(results).hits[0].title)
    assert "<mark>Kubernetes</mark>" in str(_guides(results).hits[1].snippet)


def test_a_typo_respects_minus(guides):
    assert guide_titles("kubernetis -helm") == ["DevOps Engineer"]


def test_stemming_finds_other_forms_of_a_word(guides):
    found = guide_titles("engineers")
    # Titles first (rank A), then the guide that says "engineers" in its body.
    assert set(found[:3]) == {"DevOps Engineer", "Machine Learning Engineer", "Data Engineer"}
    assert found[3:] == ["Technical Writer"]


def test_a_quoted_phrase_matches_only_the_phrase(guides):
    assert guide_titles('"feature stores"') == ["Machine Learning Engineer"]
    assert set(guide_titles("feature stores")) == {"Machine Learning Engineer", "Data Engineer"}


def test_minus_leaves_a_word_out(guides):
    assert guide_titles("python -tensorflow") == ["Data Engineer"]
    assert set(guide_titles("python")) == {"Data Engineer", "Machine Learning Engineer"}


def test_or_finds_either(guides):
    assert set(guide_titles("helm or tensorflow")) == {
        "Kubernetes Administrator",
        "Machine Learning Engineer",
    }


def test_stop_words_alone_find_nothing_and_do_not_fail(guides):
    results = site_search(query="the and of", page=1)
    assert results.has_words
    assert results.total == 0


def test_cards_and_jobs_are_ranked_too():
    CardFactory(question="What is Kubernetes?", answer="A container orchestrator.")
    CardFactory(question="What is Helm?", answer="A package manager for Kubernetes.")
    cards_search_index(cards=Card.objects.all())
    jobs_search_index(listings=JobListing.objects.all())
    results = site_search(query="kubernetes", page=1, kind="cards")
    cards = next(group for group in results.groups if group.kind == "cards")
    assert [str(hit.title) for hit in cards.hits] == [
        "What is <mark>Kubernetes</mark>?",
        "What is Helm?",
    ]


def test_the_stored_vector_weights_the_title_above_the_body(guides):
    vector = Guide.objects.values_list("search_vector", flat=True).get(pk=guides["kube"].pk)
    assert "'kubernet':1A" in vector
    assert re.search(r"'helm':\d+B", vector)


def test_close_matches_cost_a_fixed_number_of_queries(
    client, guides, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get("/search/", {"q": "kubernetis"})
    assert response.context["results"].fuzzy

"""The skill matcher (careers/skills.py) against the table of tricky sentences that the
browser's matcher reads too, and as it reads skills from the database."""

import json
import re
import time
from pathlib import Path

import pytest

from careers.models import Skill, SkillAlias
from careers.skills import SkillMatcher, skill_matcher, skill_terms_of, term_pattern

TABLE = json.loads((Path(__file__).parent / "skill_matching_cases.json").read_text())


def table_matcher() -> SkillMatcher:
    terms = []
    for skill in TABLE["skills"]:
        aliases = [(a["text"], a["case_sensitive"], a["whole_word"]) for a in skill["aliases"]]
        terms += skill_terms_of(skill["key"], skill["name"], skill["name_case_sensitive"], aliases)
    return SkillMatcher(terms)


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["text"][:40] for c in TABLE["cases"]])
def test_tricky_sentences(case):
    assert table_matcher().find(case["text"]) == case["expect"]


def test_every_skill_of_the_table_is_found_somewhere():
    """No row of the table is dead: each skill is expected in at least one sentence."""
    expected = {key for case in TABLE["cases"] for key in case["expect"]}
    assert expected == {skill["key"] for skill in TABLE["skills"]}


def test_a_few_hundred_skills_over_a_long_description_is_quick():
    terms = []
    for n in range(400):
        terms += skill_terms_of(n, f"Skill{n} tool", False, [(f"st{n}", False, True)])
    terms += skill_terms_of("python", "Python", False, [])
    started = time.perf_counter()
    matcher = SkillMatcher(terms)
    text = ("We ship data products with python and care about craft. " * 400) + "skill399 tools"
    found = [matcher.find(text) for _ in range(10)]
    elapsed = time.perf_counter() - started
    assert found[0] == ["python", 399]
    assert elapsed < 2.0, f"compiling once and matching ten times took {elapsed:.2f} s"


@pytest.mark.django_db
def test_the_database_matcher_follows_new_aliases_and_compiles_once_per_change(
    django_assert_num_queries,
):
    kubernetes = Skill.objects.create(name="Kubernetes", slug="kubernetes")
    go = Skill.objects.create(name="Go", slug="go", name_case_sensitive=True)
    text = "We go to production on k8s with services in Go."
    assert skill_matcher().find(text) == [go.pk]
    SkillAlias.objects.create(skill=kubernetes, text="k8s")
    with django_assert_num_queries(2):
        matcher = skill_matcher()
    assert matcher.find(text) == [kubernetes.pk, go.pk]
    assert skill_matcher() is matcher  # nothing changed: the compiled matcher is reused


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["text"][:40] for c in TABLE["cases"]])
def test_each_terms_own_pattern_finds_what_the_matcher_finds(case):
    """`term_pattern` is what the browser will use term by term: the same skills."""
    matcher = table_matcher()
    found = {
        term.skill
        for term in matcher.terms
        if re.search(term_pattern(term), case["text"], 0 if term.case_sensitive else re.I)
    }
    assert found == set(case["expect"])

"""Random paths, query strings and form input at every public URL: never a 5xx."""

import string

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import complete_guide
from tests.flashcards.factories import deck_with_cards
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db

SEGMENT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40
)
QUERY = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "page",
            "career",
            "location",
            "workplace",
            "employment",
            "min_salary",
            "company",
            "difficulty",
            "utm_source",
            "v",
            "x",
        ]
    )
    | SEGMENT,
    st.one_of(SEGMENT, st.integers().map(str), st.just("99999999999999999999")),
    max_size=5,
)
# The content fixture is module-wide and read-only, so sharing it across examples is safe.
FIXTURES_OK = [HealthCheck.function_scoped_fixture]
PATTERNS = [
    "/",
    "/guides/",
    "/guides/{}/",
    "/careers/{}/salary/",
    "/flashcards/",
    "/flashcards/{}/",
    "/jobs/",
    "/jobs/{}/{}/",
    "/jobs/{}/apply/",
    "/search/",
    "/plan/",
    "/compare/{}-vs-{}/",
    "/sitemap.xml",
    "/robots.txt",
    "/{}",
]


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        guide = complete_guide(slug="machine-learning-engineer")
        deck_with_cards(career=guide.career, cards=3)
        JobListingFactory(career=guide.career)
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def assert_handled(response):
    assert response.status_code < 500, response.status_code
    assert b"Traceback" not in response.content


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pattern=st.sampled_from(PATTERNS), parts=st.lists(SEGMENT, min_size=2, max_size=2), query=QUERY
)
def test_no_public_url_answers_with_a_server_error(content, pattern, parts, query):
    path = pattern.format(*(part.replace("/", "") for part in parts))
    client = Client(raise_request_exception=False)
    try:
        response = client.get(path, query)
    except UnicodeError:  # the client itself cannot encode it; no server would see it
        return
    assert_handled(response)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pattern=st.sampled_from(PATTERNS), body=QUERY)
def test_posting_junk_to_public_urls_is_refused_cleanly(content, pattern, body):
    path = pattern.format("machine-learning-engineer", "x")
    response = Client(raise_request_exception=False).post(path, body)
    assert_handled(response)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=string.printable + "ßé中文🙂\u202e\x00", max_size=400))
def test_search_takes_any_text(content, text):
    assert_handled(Client(raise_request_exception=False).get("/search/", {"q": text}))

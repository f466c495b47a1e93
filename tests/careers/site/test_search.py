"""Site search on any database: what it finds, how it answers odd input, and its cost."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from careers.core.publishing import Publishable
from careers.core.search import MAX_QUERY_LENGTH, parse_query, plain_text
from careers.site.search import site_search
from flashcards.models import Card
from flashcards.services import cards_import, cards_search_index
from guides.models import Guide
from guides.services import guides_search_index
from jobs.models import JobListing
from jobs.services import jobs_import, jobs_search_index
from tests.factories import FAQFactory, GuideFactory, GuideSkillFactory, RoadmapStepFactory
from tests.flashcards.factories import CardFactory, DeckFactory
from tests.jobs.factories import CompanyFactory, JobListingFactory, expired_listing

pytestmark = pytest.mark.django_db

SEARCH = "/search/"


def reindex():
    guides_search_index(guides=Guide.objects.all())
    cards_search_index(cards=Card.objects.all())
    jobs_search_index(listings=JobListing.objects.all())


def titles(results, kind):
    group = next(group for group in results.groups if group.kind == kind)
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in group.hits]


def group(results, kind: str):
    """The results of one kind (skills, guides, cards, jobs)."""
    return next(g for g in results.groups if g.kind == kind)


def test_the_url_is_stable():
    assert reverse("careers:search") == SEARCH


def test_finds_guides_by_every_part():
    guide = GuideFactory(title="How to Become a Gardener", intro="Tend the *orchards*.")
    RoadmapStepFactory(guide=guide, title="Prune", description="Learn **grafting** early.")
    GuideSkillFactory(guide=guide, skill__name="Composting")
    FAQFactory(guide=guide, question="Do I need gloves?", answer="Thick *leather* ones.")
    reindex()
    for word in ("gardener", "orchards", "grafting", "composting", "gloves", "leather"):
        results = site_search(query=word, page=1)
        assert titles(results, "guides") == ["How to Become a Gardener (2026 Guide)"], word


def test_finds_cards_of_live_decks_and_live_jobs_only():
    CardFactory(question="What is a monad?", answer="A *burrito*, some say.")
    CardFactory(
        deck=DeckFactory(status=Publishable.Status.DRAFT), question="Draft monad?", answer="x"
    )
    JobListingFactory(title="Monad Wrangler", company=CompanyFactory(name="Zygote Labs"))
    JobListingFactory(title="Monad Draft", status=JobListing.Status.DRAFT)
    expired_listing(title="Monad Expired")
    GuideFactory(title="Monad guide", status=Publishable.Status.DRAFT)
    reindex()
    results = site_search(query="monad", page=1)
    assert titles(results, "cards") == ["What is a monad?"]
    assert titles(results, "jobs") == ["Monad Wrangler"]
    assert titles(results, "guides") == []
    assert titles(site_search(query="burrito", page=1), "cards") == ["What is a monad?"]
    assert titles(site_search(query="zygote", page=1), "jobs") == ["Monad Wrangler"]
    assert titles(site_search(query="berlin", page=1), "jobs") == ["Monad Wrangler"]


def test_every_word_must_match_and_minus_leaves_out():
    GuideFactory(title="Python and Rust")
    GuideFactory(title="Python and Go")
    reindex()
    assert titles(site_search(query="python rust", page=1), "guides") == [
        "Python and Rust (2026 Guide)"
    ]
    assert titles(site_search(query="python -rust", page=1), "guides") == [
        "Python and Go (2026 Guide)"
    ]


def test_snippets_escape_content_and_mark_the_matches():
    JobListingFactory(
        title="Plumber", description="Fix pipes. <script>alert(1)</script> Pipes & drains."
    )
    reindex()
    hit = group(site_search(query="pipes", page=1), "jobs").hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet or "alert" not in hit.snippet
    assert "<mark>pipes</mark>" in hit.snippet
    assert "<mark>Pipes</mark> &amp; drains" in hit.snippet


def test_a_long_text_gives_a_short_snippet_around_the_match():
    GuideFactory(title="Baker", intro=("Flour and water. " * 60) + "Sourdough starters matter.")
    reindex()
    hit = group(site_search(query="sourdough", page=1), "guides").hits[0]
    assert hit.snippet.startswith("…")
    assert "<mark>Sourdough</mark>" in hit.snippet
    assert len(hit.snippet) < 320


def test_parse_query_understands_websearch_syntax():
    parsed = parse_query('"feature stores" python -tensorflow or rust !!! -')
    assert parsed.alternatives == (("feature stores", "python"), ("rust",))
    assert parsed.excluded == ("tensorflow",)
    assert not parse_query("!!! ... --")


def test_plain_text_from_rendered_markdown():
    assert plain_text("<p>One &amp; <em>two</em></p>\n<ul><li>a</li><li>b</li></ul>") == (
        "One & two a b"
    )


# The page ------------------------------------------------------------------------------------


def test_the_page_groups_results_with_counts(client):
    GuideFactory(title="Kiln guide")
    CardFactory(question="Kiln temperature?", answer="Hot.")
    reindex()
    response = client.get(SEARCH, {"q": "kiln"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 results" in html
    assert 'id="results-guides"' in html
    assert 'id="results-cards"' in html
    assert 'id="results-jobs"' not in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "Type a role, a skill or a tool"),
        ("   ", "Type a role, a skill or a tool"),
        ("!!! ??? -", "has no letters or digits"),
        ("zzzznothing", "Nothing matches"),
        ("\x00\x01 nul", "Nothing matches"),
        ('"unclosed', "Nothing matches"),
        ("-", "has no letters or digits"),
        ("or", "has no letters or digits"),
        ("&lt;b&gt; <script>", "Nothing matches"),
    ],
)
def test_odd_queries_get_a_helpful_page(client, query, expected):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert b"<script>" not in response.content.split(b"</header>", 1)[1]


def test_an_over_long_query_is_shortened_and_says_so(client):
    response = client.get(SEARCH, {"q": "word " * 100})
    assert response.status_code == 200
    assert "We shortened your search" in response.content.decode()
    assert len(response.context["results"].query) <= MAX_QUERY_LENGTH


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "9" * 5000])
def test_junk_page_numbers_are_not_found(client, page):
    assert client.get(SEARCH, {"q": "x", "page": page}).status_code == 404


def test_a_page_past_the_end_shows_the_last_page(client):
    for n in range(25):
        GuideFactory(title=f"Yurt builder {n}")
    reindex()
    response = client.get(SEARCH, {"q": "yurt", "kind": "guides", "page": "999999999999"})
    assert response.status_code == 200
    assert response.context["results"].page.number == 2
    assert len(group(response.context["results"], "guides").hits) == 5


def test_an_unknown_kind_shows_every_kind(client):
    response = client.get(SEARCH, {"q": "x", "kind": "<script>"})
    assert response.status_code == 200
    assert response.context["results"].kind == ""


def test_every_page_has_the_search_form(client):
    html = client.get("/").content.decode()
    assert '<form class="search-form search-form--header" role="search" action="/search/" ' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html
    assert 'name="q"' in html


@pytest.mark.parametrize("kind", ["", "guides", "cards", "jobs"])
def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, kind):
    def make(n):
        for i in range(n):
            guide = GuideFactory(title=f"Quokka keeper {i}")
            FAQFactory(guide=guide, question="Quokka?", answer="Quokka.")
            CardFactory(question=f"Quokka {i}?", answer="Quokka.")
            JobListingFactory(title=f"Quokka keeper {i}")
        reindex()

    make(2)
    with django_assert_max_num_queries(7):
        assert client.get(SEARCH, {"q": "quokka", "kind": kind}).status_code == 200
    make(30)
    with django_assert_max_num_queries(7):
        assert client.get(SEARCH, {"q": "quokka", "kind": kind}).status_code == 200


# Keeping the index fresh ---------------------------------------------------------------------


def test_the_reindex_command_rebuilds_everything():
    guide = GuideFactory(title="Cooper", intro="Barrels of oak.")
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    assert "1 guides" in out.getvalue()
    guide.refresh_from_db()
    assert "Barrels of oak." in guide.search_text


def test_card_import_indexes_the_new_cards():
    deck = DeckFactory()
    cards_import(deck=deck, file=io.BytesIO(b"question,answer\nWhat is a quine?,Self-printing.\n"))
    assert titles(site_search(query="self-printing", page=1), "cards") == ["What is a quine?"]


def test_feed_import_indexes_the_listings():
    guide = GuideFactory()
    rows = [
        (
            2,
            {
                "external_id": "a1",
                "title": "Cartographer",
                "company": "Mapsmiths",
                "company_website": "https://mapsmiths.example/",
                "career": guide.career.slug,
                "description": "Draw *isobars*.",
                "apply_url": "https://mapsmiths.example/apply",
                "valid_through": "2999-01-01",
                "city": "Oslo",
                "country": "NO",
            },
        )
    ]
    jobs_import(rows=rows, source="maps")
    for word in ("isobars", "mapsmiths", "oslo"):
        assert titles(site_search(query=word, page=1), "jobs") == ["Cartographer"], word


def test_the_demo_leaves_the_index_fresh():
    from careers.site.demo import demo_load

    demo_load()
    counts = {group.kind: group.count for group in site_search(query="pytorch", page=1).groups}
    assert all(counts.values()), counts


def _admin_save(client, url, **changes):
    from tests.admin_forms import change_form_data

    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context.get("errors")
    return response


def test_saving_a_guide_in_the_admin_indexes_its_parts(admin_client):
    guide = GuideFactory(title="Farrier")
    RoadmapStepFactory(guide=guide, title="Shoe", description="Forge a horseshoe.")
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    _admin_save(admin_client, url, **{"steps-0-description": "Rasp the hoof."})
    assert titles(site_search(query="hoof", page=1), "guides") == ["Farrier (2026 Guide)"]
    assert titles(site_search(query="horseshoe", page=1), "guides") == []


def test_reverting_a_guide_reverts_what_search_finds(admin_client):
    from reversion.models import Version

    guide = GuideFactory(title="Chandler")
    RoadmapStepFactory(guide=guide, title="Wax", description="Dip beeswax candles.")
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    _admin_save(admin_client, url)
    _admin_save(admin_client, url, **{"steps-0-description": "Pour paraffin."})
    assert titles(site_search(query="beeswax", page=1), "guides") == []
    earlier = Version.objects.get_for_object(guide).last()
    _admin_save(admin_client, reverse("admin:guides_guide_revision", args=[guide.pk, earlier.pk]))
    assert titles(site_search(query="beeswax", page=1), "guides") == ["Chandler (2026 Guide)"]
    assert titles(site_search(query="paraffin", page=1), "guides") == []


def test_saving_cards_in_the_admin_indexes_them(admin_client):
    card = CardFactory(question="What is a glacier?", answer="Slow ice.")
    _admin_save(
        admin_client,
        reverse("admin:flashcards_deck_change", args=[card.deck.pk]),
        **{"cards-0-answer": "Moraine-making ice."},
    )
    assert titles(site_search(query="moraine", page=1), "cards") == ["What is a glacier?"]
    _admin_save(
        admin_client,
        reverse("admin:flashcards_card_change", args=[card.pk]),
        answer="Crevasse-riddled ice.",
    )
    assert titles(site_search(query="crevasse", page=1), "cards") == ["What is a glacier?"]


def test_saving_a_listing_or_renaming_its_company_in_the_admin_indexes_it(admin_client):
    listing = JobListingFactory(title="Luthier", description="Build violins.")
    _admin_save(
        admin_client,
        reverse("admin:jobs_joblisting_change", args=[listing.pk]),
        description="Build cellos.",
    )
    assert titles(site_search(query="cellos", page=1), "jobs") == ["Luthier"]
    _admin_save(
        admin_client,
        reverse("admin:jobs_company_change", args=[listing.company.pk]),
        name="Stradivarius Works",
    )
    assert titles(site_search(query="stradivarius", page=1), "jobs") == ["Luthier"]


# Questions a page answers outright, and typos ------------------------------------------------


@pytest.fixture
def demo_site():
    call_command("load_demo", stdout=io.StringIO())


def leading(client, query):
    results = client.get(SEARCH, {"q": query}).context["results"]
    return [(str(hit.title), hit.url) for hit in results.leading], results


def test_a_career_and_salary_leads_with_that_careers_salary_page(client, demo_site):
    for query in (
        "machine learning engineer salary",
        "Machine Learning Engineers salaries",
        "how much does a machine learning engineer earn",
        "MLE pay",
    ):
        hits, results = leading(client, query)
        assert hits == [
            ("Machine Learning Engineer salary", "/careers/machine-learning-engineer/salary/")
        ], query
    # The rest of the query is searched as usual, and finds the career's guide.
    _, asked = leading(client, "how much does a machine learning engineer earn")
    assert asked.searched_for == "machine learning engineer"
    assert asked.query == "how much does a machine learning engineer earn"
    assert results.query == "MLE pay"
    guides = next(group for group in results.groups if group.kind == "guides")
    assert guides.hits[0].url == "/guides/machine-learning-engineer/"


def test_a_typo_in_the_careers_name_still_leads_with_its_salary_page(client, demo_site):
    hits, _ = leading(client, "data scientst salary")
    assert hits == [("Data Scientist salary", "/careers/data-scientist/salary/")]


def test_a_versus_b_leads_with_their_comparison(client, demo_site):
    for query in (
        "data scientist vs machine learning engineer",
        "Machine Learning Engineer versus Data Scientist",
        "data scientist vs. machine learning engineer salary",
    ):
        hits, results = leading(client, query)
        assert hits == [
            (
                "Data Scientist vs Machine Learning Engineer",
                "/compare/data-scientist-vs-machine-learning-engineer/",
            )
        ], query
    guides = next(group for group in results.groups if group.kind == "guides")
    urls = [hit.url for hit in guides.hits]
    assert "/guides/data-scientist/" in urls
    assert "/guides/machine-learning-engineer/" in urls


def test_salary_alone_leads_with_every_careers_pay(client, demo_site):
    assert leading(client, "what is the salary")[0] == leading(client, "salary")[0]
    hits, results = leading(client, "salary")
    assert hits[0] == ("Careers: pay and time side by side", "/careers/")
    assert [url for _, url in hits[1:]] == [
        f"/careers/{slug}/salary/"
        for slug in (
            "ai-engineer",
            "cloud-architect",
            "data-engineer",
            "data-scientist",
            "devops-engineer",
            "machine-learning-engineer",
            "software-engineer",
        )
    ]
    assert results.total >= 8
    html = client.get(SEARCH, {"q": "salary"}).content.decode()
    assert "Nothing matches" not in html
    assert "Best matches" in html


def test_leading_pages_show_on_the_first_page_of_all_kinds_only(client, demo_site):
    hits, _ = leading(client, "compare")
    assert hits == [("Compare two careers", "/compare/")]
    results = client.get(SEARCH, {"q": "salary", "kind": "jobs"}).context["results"]
    assert results.leading == []


def test_a_typo_finds_the_intended_word(client, demo_site):
    html = client.get(SEARCH, {"q": "pytroch"}).content.decode()
    results = client.get(SEARCH, {"q": "pytroch"}).context["results"]
    assert results.corrected == "pytorch"
    guides = next(group for group in results.groups if group.kind == "guides")
    assert "/guides/machine-learning-engineer/" in [hit.url for hit in guides.hits]
    assert "for “pytorch”: nothing matched “pytroch”" in html
    assert "<mark>PyTorch</mark>" in html


def test_words_the_site_has_are_never_corrected(client, demo_site):
    results = client.get(SEARCH, {"q": "quokka pytorch"}).context["results"]
    assert results.corrected == ""
    assert results.total == 0


@pytest.mark.parametrize("query", ["salary", "machine learning engineer salary", "pytroch"])
def test_understood_queries_cost_a_fixed_number_of_queries(
    client, demo_site, django_assert_max_num_queries, query
):
    client.get(SEARCH, {"q": query})  # the vocabulary is read once per content version
    # A count and a page of each kind, the careers once; a typo counts again, and the
    # vocabulary it is corrected against checks the content version once. On PostgreSQL a
    # typo first tries close matches: a count more of each of the four kinds.
    with django_assert_max_num_queries(17 if connection.vendor == "postgresql" else 13):
        assert client.get(SEARCH, {"q": query}).status_code == 200

import json
import re
from html import escape

import pytest

from careers.core.publishing import Publishable
from guides.compare import candidate_pairs, compare_url
from guides.models import DurationUnit, GuideSkill
from tests.factories import (
    CareerFactory,
    CertificationFactory,
    GuideCertificationFactory,
    GuideFactory,
    GuideSkillFactory,
    PathFactory,
    RelatedGuideFactory,
    RoadmapStepFactory,
    complete_guide,
)

pytestmark = pytest.mark.django_db

COMPARE_QUERIES = 6


def two_guides():
    first = GuideFactory(
        career=CareerFactory(name="Data Scientist", slug="data-scientist"),
        title="How to Become a Data Scientist",
    )
    second = GuideFactory(
        career=CareerFactory(
            name="Machine Learning Engineer",
            slug="machine-learning-engineer",
            salary_low=150_000,
            salary_high=230_000,
            outlook_growth_percent=40,
            outlook_horizon_year=2034,
            outlook_label="much faster than average",
        ),
        title="How to Become a Machine Learning Engineer",
    )
    return first, second


def cells(html: str, row: str) -> list[str]:
    """The text of the two value cells of the figures table's row `row`."""
    match = re.search(rf'<th scope="row">{re.escape(row)}</th>(.*?)</tr>', html, re.S)
    assert match, row
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    ]


def test_compare_url_puts_the_slugs_in_alphabetical_order():
    assert compare_url("b-role", "a-role") == "/compare/a-role-vs-b-role/"
    assert compare_url("a-role", "b-role") == "/compare/a-role-vs-b-role/"


def test_candidate_pairs_allow_slugs_that_contain_vs():
    assert candidate_pairs("a-vs-b-vs-c") == [("a", "b-vs-c"), ("a-vs-b", "c")]
    assert candidate_pairs("a-vs-a") == []
    assert candidate_pairs("junk") == []
    assert candidate_pairs("-vs-b") == []
    assert candidate_pairs("a%20b-vs-c") == []


def test_compare_page_puts_both_careers_side_by_side(client):
    first, second = two_guides()
    for guide, durations in ((first, [(2, 3), (3, 4)]), (second, [(1, 2), (6, 9), (6, None)])):
        for low, high in durations:
            RoadmapStepFactory(guide=guide, duration_min=low, duration_max=high)
    RoadmapStepFactory(guide=first, duration_min=None, duration_max=None, duration_label="Prereq")
    PathFactory(guide=first, name="Analyst move", cost_min=0, cost_max=None, is_typical=True)
    PathFactory(guide=first, cost_min=500, cost_max=80_000)
    PathFactory(guide=second, cost_min=200, cost_max=1_000)
    html = client.get("/compare/data-scientist-vs-machine-learning-engineer/").content.decode()

    assert "<h1>Data Scientist" in html
    assert cells(html, "Typical pay")[0].startswith("$120K–$175K per year")
    assert cells(html, "Typical pay")[1].startswith("$150K–$230K per year")
    assert cells(html, "Job outlook")[1] == (
        "40% projected growth through 2034 much faster than average (BLS)"
    )
    assert cells(html, "Roadmap") == ["3 steps", "3 steps"]
    # The typical path's time, as every page quotes it, not the steps added up (5–7 months);
    # a guide without a typical path states none.
    assert cells(html, "Typical time") == [
        "12–18 months by the typical path, Analyst move",
        "Not stated",
    ]
    assert cells(html, "Cost of the paths") == ["$0–$80K", "$200–$1K"]
    for guide in (first, second):
        assert f'href="{guide.get_absolute_url()}"' in html
        assert f'href="{guide.career.get_absolute_url()}"' in html


def test_typical_time_is_the_typical_path_whatever_the_steps_units(client):
    first, _ = two_guides()
    RoadmapStepFactory(guide=first, duration_min=2, duration_unit=DurationUnit.WEEKS)
    RoadmapStepFactory(guide=first, duration_min=2, duration_unit=DurationUnit.MONTHS)
    PathFactory(guide=first, name="Bootcamp", duration_min=3, duration_unit=DurationUnit.YEARS)
    PathFactory(guide=first, name="Usual", duration_min=12, duration_max=18, is_typical=True)
    html = client.get("/compare/data-scientist-vs-machine-learning-engineer/").content.decode()
    assert cells(html, "Typical time") == ["12–18 months by the typical path, Usual", "Not stated"]


def test_the_figures_match_the_guide_pages_summary_line(client):
    first, second = two_guides()
    for _ in range(4):
        RoadmapStepFactory(guide=first)
    PathFactory(guide=first, duration_min=9, duration_max=12, is_typical=True)
    RelatedGuideFactory(guide=second, related=first)
    guide_html = client.get(second.get_absolute_url()).content.decode()
    assert "4-step roadmap · typically 9–12 months · $120K–$175K a year" in guide_html
    html = client.get("/compare/data-scientist-vs-machine-learning-engineer/").content.decode()
    assert cells(html, "Roadmap")[0] == "4 steps"
    assert cells(html, "Typical pay")[0].startswith("$120K–$175K")
    assert cells(html, "Typical time")[0].startswith("9–12 months")


def test_skills_and_certifications_are_split_into_shared_and_distinct(client):
    first, second = two_guides()
    GuideSkillFactory(guide=first, skill__name="Python", note="expert")
    GuideSkillFactory(guide=first, skill__name="Statistics")
    GuideSkillFactory(guide=first, skill__name="Storytelling", kind=GuideSkill.Kind.SOFT)
    # The same skill, with another note in the other guide: shared by identity.
    GuideSkillFactory(guide=second, skill__name="Python", note="basics")
    GuideSkillFactory(guide=second, skill__name="Kubernetes")
    shared = CertificationFactory(name="Shared Cert")
    GuideCertificationFactory(guide=first, certification=shared)
    GuideCertificationFactory(guide=second, certification=shared)
    GuideCertificationFactory(guide=second, certification=CertificationFactory(name="MLE Cert"))
    html = client.get("/compare/data-scientist-vs-machine-learning-engineer/").content.decode()

    def groups(section_id):
        """[shared, only first, only second] of the section's lists."""
        pattern = rf'<section class="section" id="{section_id}".*?</section>'
        section = re.search(pattern, html, re.S).group(0)
        parts = section.split('<div class="compare__group">')[1:]
        return [re.findall(r"<li>(?:<a [^>]*>)?(.*?)(?:</a>)?</li>", part) for part in parts]

    assert groups("skills") == [["Python"], ["Statistics", "Storytelling"], ["Kubernetes"]]
    assert '<a href="/skills/python/">Python</a>' in html  # each skill links to its page
    assert groups("certifications") == [["Shared Cert"], [], ["MLE Cert"]]
    assert cells(html, "Certifications") == ["1 recommended", "2 recommended"]


def test_the_reverse_order_redirects_to_the_canonical_address(client):
    two_guides()
    response = client.get("/compare/machine-learning-engineer-vs-data-scientist/")
    assert response.status_code == 301
    assert response["Location"] == "/compare/data-scientist-vs-machine-learning-engineer/"


def test_slugs_containing_vs_are_read_correctly(client):
    GuideFactory(career=CareerFactory(name="A", slug="red-vs-blue"))
    GuideFactory(career=CareerFactory(name="B", slug="zebra"))
    assert client.get("/compare/red-vs-blue-vs-zebra/").status_code == 200
    response = client.get("/compare/zebra-vs-red-vs-blue/")
    assert response["Location"] == "/compare/red-vs-blue-vs-zebra/"


@pytest.mark.parametrize(
    "address",
    [
        "/compare/data-scientist-vs-nobody/",
        "/compare/data-scientist-vs-data-scientist/",
        "/compare/data-scientist-vs-draft-role/",
        "/compare/junk/",
        "/compare/-vs-/",
        "/compare/data-scientist-vs-machine-learning-engineer-vs-/",
        "/compare/%E2%9C%93-vs-data-scientist/",
        "/compare/data%20scientist-vs-machine-learning-engineer/",
    ],
)
def test_bad_comparisons_are_a_styled_404(client, address):
    two_guides()
    GuideFactory(
        career=CareerFactory(slug="draft-role"), status=Publishable.Status.DRAFT, slug="draft"
    )
    response = client.get(address)
    assert response.status_code == 404
    assert b"<h1" in response.content


def test_writes_are_refused(client):
    two_guides()
    assert client.post("/compare/data-scientist-vs-machine-learning-engineer/").status_code == 405


def test_compare_page_has_a_breadcrumb_list_and_an_accessible_table(client):
    two_guides()
    html = client.get("/compare/data-scientist-vs-machine-learning-engineer/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(block) for block in blocks]
    assert [item["@type"] for item in data] == ["BreadcrumbList"]
    names = [item["name"] for item in data[0]["itemListElement"]]
    assert names == ["Home", "Guides", "Data Scientist vs Machine Learning Engineer"]
    assert "<caption>" in html
    assert html.count('<th scope="col">') == 2
    assert html.count('<th scope="row">') == 6
    assert (
        '<link rel="canonical" '
        'href="http://testserver/compare/data-scientist-vs-machine-learning-engineer/">'
    ) in html


@pytest.mark.parametrize("parts", [1, 10])
def test_compare_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, parts):
    first = complete_guide(parts=parts, career=CareerFactory(slug="alpha"))
    second = complete_guide(parts=parts, career=CareerFactory(slug="beta"))
    with django_assert_max_num_queries(COMPARE_QUERIES):
        response = client.get("/compare/alpha-vs-beta/")
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(first.career.name) in html
    assert escape(second.career.name) in html


def test_guide_page_links_to_a_comparison_with_each_related_career(client):
    guide = complete_guide(career=CareerFactory(slug="alpha"))
    same_career = GuideFactory(career=guide.career, edition_year=2025)
    RelatedGuideFactory(guide=guide, related=same_career)
    html = client.get(guide.get_absolute_url()).content.decode()
    links = re.findall(r'class="compare-link" href="([^"]+)"', html)
    related = [link.related for link in guide.related_links.exclude(related=same_career)]
    assert links == [compare_url("alpha", r.career.slug) for r in related]
    for url in links:
        assert client.get(url).status_code == 200

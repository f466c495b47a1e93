"""/careers/ (every career's pay and time), /compare/ (the picker) and the salary bars."""

import re

import pytest

from careers.core.publishing import Publishable
from tests.factories import (
    CareerFactory,
    GuideFactory,
    PathFactory,
    RoadmapStepFactory,
    SalaryFigureFactory,
)

pytestmark = pytest.mark.django_db

HUB_QUERIES = 1
PICKER_QUERIES = 1
SALARY_QUERIES = 3


def career_with_guide(name, slug, *, low, high, months=None, **guide_fields):
    career = CareerFactory(name=name, slug=slug, salary_low=low, salary_high=high)
    guide = GuideFactory(career=career, slug=f"{slug}-guide", **guide_fields)
    RoadmapStepFactory(guide=guide)
    if months:
        PathFactory(guide=guide, duration_min=months[0], duration_max=months[1], is_typical=True)
    return guide


@pytest.fixture
def three():
    return [
        career_with_guide("Beta Analyst", "beta", low=90_000, high=120_000, months=(6, 9)),
        career_with_guide("Alpha Engineer", "alpha", low=150_000, high=230_000, months=(12, 18)),
        career_with_guide("Gamma Lead", "gamma", low=200_000, high=260_000),  # no typical path
    ]


def row_names(html):
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)


def test_the_careers_hub_lists_every_careers_pay_and_time_with_bars(client, three):
    GuideFactory(career=CareerFactory(slug="hidden"), status=Publishable.Status.DRAFT)
    response = client.get("/careers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert row_names(html) == ["Alpha Engineer", "Beta Analyst", "Gamma Lead"]
    alpha = re.search(r"Alpha Engineer</a>.*?</tr>", html, re.S).group(0)
    assert "$150K–$230K" in alpha
    assert "12–18 months" in alpha
    gamma = re.search(r"Gamma Lead</a>.*?</tr>", html, re.S).group(0)
    assert "Not stated" in gamma
    # Pay bars for all three, time bars for the two with a time; none styled inline.
    assert html.count('<svg class="range-bar"') == 5
    assert "style=" not in html.split("<main", 1)[1]
    # One scale: $260K is the top figure, so the pay scale runs to $300K.
    assert "$300K" in html


@pytest.mark.parametrize(
    ("sort", "order", "sorted_column"),
    [
        ("", ["Alpha Engineer", "Beta Analyst", "Gamma Lead"], "Career"),
        ("?sort=name", ["Alpha Engineer", "Beta Analyst", "Gamma Lead"], "Career"),
        ("?sort=pay", ["Gamma Lead", "Alpha Engineer", "Beta Analyst"], "Typical pay"),
        ("?sort=time", ["Beta Analyst", "Alpha Engineer", "Gamma Lead"], "Typical time"),
        ("?sort=junk", ["Alpha Engineer", "Beta Analyst", "Gamma Lead"], "Career"),
    ],
)
def test_the_careers_hub_sorts_by_links(client, three, sort, order, sorted_column):
    html = client.get(f"/careers/{sort}").content.decode()
    assert row_names(html) == order
    assert re.search(rf'<th scope="col"[^>]* aria-sort="\w+">{sorted_column}', html)
    assert html.count("aria-sort=") == 1
    current = re.findall(r'<a href="([^"]+)" aria-current="true">([^<]+)</a>', html)
    assert [label for _, label in current] == [sorted_column]


def test_the_careers_hub_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for index in range(6):
        career_with_guide(
            f"Role {index}", f"role-{index}", low=100_000, high=150_000, months=(6, 9)
        )
    with django_assert_max_num_queries(HUB_QUERIES):
        assert client.get("/careers/?sort=pay").status_code == 200


def test_the_compare_picker_redirects_to_the_comparison(client, three):
    response = client.get("/compare/", {"a": "gamma", "b": "alpha"})
    assert response.status_code == 302
    assert response["Location"] == "/compare/alpha-vs-gamma/"
    assert client.get(response["Location"]).status_code == 200


def test_the_compare_picker_lists_every_pair(client, three, django_assert_max_num_queries):
    with django_assert_max_num_queries(PICKER_QUERIES):
        response = client.get("/compare/", {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert "field-error" not in response.content.decode()
    html = response.content.decode()
    assert '<form class="pick-form" action="/compare/" method="get"' in html
    assert re.findall(r'<a href="(/compare/[^"]+/)">', html) == [
        "/compare/alpha-vs-beta/",
        "/compare/alpha-vs-gamma/",
        "/compare/beta-vs-gamma/",
    ]
    options = re.findall(r'<option value="([^"]*)"', html)
    assert options == ["", "alpha", "beta", "gamma"] * 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"a": "alpha", "b": "alpha"}, "Choose a different career to compare with."),
        ({"a": "alpha", "b": ""}, "Choose the second career."),
        ({"a": "alpha", "b": "nobody"}, "Choose a career from the list."),
        ({"a": "<script>", "b": "beta"}, "Choose a career from the list."),
    ],
)
def test_a_bad_pick_says_what_is_wrong(client, three, query, message):
    response = client.get("/compare/", query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_the_salary_page_draws_each_level_as_a_bar_on_one_scale(
    client, django_assert_max_num_queries
):
    guide = career_with_guide("Alpha Engineer", "alpha", low=150_000, high=230_000)
    for label, low, high in (("Entry", 100_000, 140_000), ("Senior", 200_000, 300_000)):
        SalaryFigureFactory(career=guide.career, label=label, low=low, high=high)
    with django_assert_max_num_queries(SALARY_QUERIES):
        response = client.get("/careers/alpha/salary/")
    html = response.content.decode()
    bars = re.findall(r'<rect class="range-bar__range" x="([\d.]+)" y="3" width="([\d.]+)"', html)
    # A scale from $0 to $300K: $100K–$140K and $200K–$300K.
    assert [(float(x), float(w)) for x, w in bars] == [(333.3, 133.4), (666.7, 333.3)]
    # The figures stay in the table as text; the bars are hidden from screen readers.
    assert "$100K–$140K" in html
    assert "$200K–$300K" in html
    assert html.count('aria-hidden="true" focusable="false"') == 2
    assert "Typical pay" in html
    assert "Median" not in html
    assert "style=" not in html.split("<main", 1)[1]


def test_the_compare_page_draws_both_careers_pay_levels_on_one_scale(client):
    first = career_with_guide("Alpha Engineer", "alpha", low=150_000, high=230_000)
    second = career_with_guide("Beta Analyst", "beta", low=90_000, high=120_000)
    SalaryFigureFactory(career=first.career, label="Entry", low=120_000, high=160_000)
    SalaryFigureFactory(career=second.career, label="Entry", low=80_000, high=100_000)
    html = client.get("/compare/alpha-vs-beta/").content.decode()
    section = re.search(r'<section class="section" id="pay-levels".*?</section>', html, re.S)
    groups = re.findall(r'<th scope="rowgroup" colspan="2">([^<]+)</th>', section.group(0))
    assert groups == ["Alpha Engineer", "Beta Analyst"]
    assert "chart-table__group--second" in section.group(0)
    bars = re.findall(r'class="range-bar__range" x="([\d.]+)"', section.group(0))
    assert [float(x) for x in bars] == [600.0, 400.0]  # $120K and $80K of $200K


def test_a_range_in_another_currency_or_period_keeps_its_figures_but_gets_no_bar(client):
    guide = career_with_guide("Alpha Engineer", "alpha", low=150_000, high=230_000)
    SalaryFigureFactory(career=guide.career, label="US", low=100_000, high=140_000)
    SalaryFigureFactory(career=guide.career, label="UK", low=60_000, high=90_000, currency="GBP")
    SalaryFigureFactory(career=guide.career, label="Contract", low=90, high=120, period="hour")
    html = client.get("/careers/alpha/salary/").content.decode()
    assert html.count('class="range-bar__range"') == 1
    assert "£60K–£90K" in html
    assert "$90–$120" in html

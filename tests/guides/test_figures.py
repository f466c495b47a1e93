"""How long and what it pays: one definition, and every page that shows them agrees."""

import io
import json
import re
from html import unescape
from itertools import combinations

import pytest
from django.core.management import call_command

from careers.models import Career
from guides import og_card
from guides.compare import compare_url
from guides.figures import annotated_figures, career_figures, roadmap_timeline, with_figures
from guides.models import DurationUnit, Guide, Path, RoadmapStep
from tests.factories import CareerFactory, GuideFactory, PathFactory, RoadmapStepFactory

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def card_lines(html: str) -> dict[str, str]:
    """{guide address: its card's line} of every guide card on a page."""
    pattern = r'<h3 class="card__title"><a href="([^"]+)">.*?<p class="card__meta">(.*?)</p>'
    return {url: text(line) for url, line in re.findall(pattern, html, re.S)}


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def expected(career: Career) -> dict:
    """The figures worked out here from the raw fields, not through guides.figures."""
    guide = Guide.objects.live().filter(career=career).order_by("-edition_year").first()
    typical = guide.paths.get(is_typical=True)
    low, high = career.salary_low // 1000, career.salary_high // 1000
    time = typical.duration_display
    pay = f"${low}K–${high}K"
    steps = guide.steps.count()
    return {
        "guide": guide,
        "time": time,
        "pay": pay,
        "line": f"{steps}-step roadmap · typically {time} · {pay} a year",
        "low": career.salary_low,
        "high": career.salary_high,
    }


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    return {career.slug: expected(career) for career in Career.objects.all()}


def test_the_demo_steps_do_not_add_up_to_the_typical_time(demo):
    """Why one definition matters: the two readings differ for the demo careers."""
    ml = demo["machine-learning-engineer"]["guide"]
    months = [(s.duration_min, s.duration_max) for s in ml.steps.all() if s.duration_min]
    assert (sum(low for low, _ in months), sum(high for _, high in months)) == (15, 21)
    assert demo["machine-learning-engineer"]["time"] == "12–18 months"


def test_every_page_states_each_demo_careers_figures_alike(client, demo):
    assert len(demo) == 7
    lists = {path: card_lines(client.get(path).content.decode()) for path in ("/", "/guides/")}
    hub = client.get("/careers/").content.decode()

    for slug, want in demo.items():
        guide = want["guide"]
        url = guide.get_absolute_url()
        # Guide cards on the home page and the guide index.
        for path, lines in lists.items():
            assert lines[url] == want["line"], (path, slug)

        # The guide page: its figures line, its "How long" sentence, its salary snapshot.
        page = client.get(url).content.decode()
        assert f'<p class="guide__figures">{want["line"]}</p>' in page
        assert f"Typically <strong>{want['time']}</strong>" in page
        assert f'<span class="salary-card__amount">{want["pay"]}</span>' in page
        # ...and its related guides, each with the figures of its own career.
        for related_url, line in card_lines(page).items():
            related = Guide.objects.get(slug=related_url.strip("/").split("/")[-1])
            assert line == demo[related.career.slug]["line"], (slug, related_url)

        # The salary page and its structured data.
        salary = client.get(f"/careers/{slug}/salary/").content.decode()
        assert f'<span class="salary-card__amount">{want["pay"]}</span>' in salary
        [occupation] = [item for item in json_ld(salary) if item["@type"] == "Occupation"]
        typical = occupation["estimatedSalary"][0]
        assert (typical["name"], typical["minValue"], typical["maxValue"]) == (
            "Typical pay",
            want["low"],
            want["high"],
        )

        # The careers hub.
        row = re.search(rf'<a href="{url}">.*?</tr>', hub, re.S).group(0)
        assert want["pay"] in text(row), slug
        assert want["time"] in text(row), slug

        # Search results for the career's name.
        results = client.get("/search/", {"q": guide.career.name}).content.decode()
        meta = re.search(
            rf'<a href="{url}">.*?<p class="search-result__meta">(.*?)</p>', results, re.S
        )
        assert meta, slug
        assert text(meta.group(1)).endswith(want["line"]), slug

        # The link-preview card.
        figures = annotated_figures(with_figures(Guide.objects.filter(pk=guide.pk)).get())
        assert og_card.card_content(guide, figures)["summary"] == want["line"]

    # Every comparison, both sides.
    for first, second in combinations(sorted(demo), 2):
        page = client.get(compare_url(first, second)).content.decode()
        for row, key in (("Typical pay", "pay"), ("Typical time", "time")):
            cells = re.search(rf'<th scope="row">{row}</th>(.*?)</tr>', page, re.S).group(1)
            values = [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
            assert values[0].startswith(demo[first][key]), (first, second, row)
            assert values[1].startswith(demo[second][key]), (first, second, row)


def test_a_guide_without_a_typical_path_states_no_time():
    guide = GuideFactory(career=CareerFactory(salary_low=90_000, salary_high=90_000))
    RoadmapStepFactory(guide=guide)
    PathFactory(guide=guide)  # not marked typical
    figures = annotated_figures(with_figures(Guide.objects.filter(pk=guide.pk)).get())
    assert figures.time == ""
    assert figures.time_months is None
    assert figures.line == "1-step roadmap · $90K a year"


@pytest.mark.parametrize(
    ("unit", "low", "high", "months", "shown"),
    [
        (DurationUnit.MONTHS, 12, 18, (12, 18), "12–18 months"),
        (DurationUnit.YEARS, 3, 5, (36, 60), "3–5 years"),
        (DurationUnit.WEEKS, 26, None, (6, 6), "26 weeks"),
        (DurationUnit.YEARS, 1, 1, (12, 12), "1 year"),
    ],
)
def test_time_is_shown_in_its_unit_and_compared_in_months(unit, low, high, months, shown):
    career = CareerFactory.build(salary_period="hour", salary_low=40, salary_high=60)
    path = Path(duration_min=low, duration_max=high, duration_unit=unit, name="Usual")
    figures = career_figures(career=career, step_count=3, typical_path=path)
    assert figures.time == shown
    assert figures.time_months == pytest.approx(months)
    assert figures.line == f"3-step roadmap · typically {shown} · $40–$60 an hour"


def test_the_roadmap_timeline_draws_each_step_as_long_as_its_time():
    steps = [
        RoadmapStep(title="Foundations", duration_label="Prereq"),
        RoadmapStep(title="Theory", duration_min=2, duration_max=4),  # 3 months
        RoadmapStep(title="Projects", duration_min=6),  # 6 months
        RoadmapStep(title="Bootcamp", duration_min=13, duration_unit=DurationUnit.WEEKS),  # 3
    ]
    timeline = roadmap_timeline(steps)
    first, theory, projects, bootcamp = timeline.segments
    assert [s.number for s in timeline.segments] == [1, 2, 3, 4]
    assert projects.bar.width == pytest.approx(2 * theory.bar.width, abs=0.2)
    assert bootcamp.bar.width == pytest.approx(theory.bar.width, abs=0.2)
    # The untimed step is a short stub (half the shortest step), marked as such.
    assert not first.timed
    assert timeline.has_untimed
    assert first.bar.width == pytest.approx(theory.bar.width / 2, abs=0.2)
    assert theory.label == "Step 2: Theory, 2–4 months"
    # End to end across the drawing, in order, without overlapping.
    assert first.bar.x == 0
    assert bootcamp.bar.x + bootcamp.bar.width == pytest.approx(1000, abs=0.5)
    for left, right in zip(timeline.segments, timeline.segments[1:], strict=False):
        assert right.bar.x > left.bar.x + left.bar.width
    assert not roadmap_timeline([RoadmapStep(title="Only a label", duration_label="Prereq")])


def test_the_guide_page_draws_the_timeline_with_a_link_to_each_step(client):
    guide = GuideFactory()
    RoadmapStepFactory(guide=guide, title="Learn", duration_min=2, duration_max=3)
    RoadmapStepFactory(guide=guide, title="Build", duration_min=4, duration_max=None)
    html = client.get(guide.get_absolute_url()).content.decode()
    timeline = re.search(r'<figure class="timeline">.*?</figure>', html, re.S).group(0)
    assert re.findall(r'<a href="#(step-\d)" aria-label="([^"]+)">', timeline) == [
        ("step-1", "Step 1: Learn, 2–3 months"),
        ("step-2", "Step 2: Build, 4 months"),
    ]
    assert 'id="step-1"' in html
    assert 'id="step-2"' in html
    assert "style=" not in timeline  # the CSP allows no inline styles
    segment = r'<rect class="timeline__segment" [^>]*width="([\d.]+)"'
    widths = [float(width) for width in re.findall(segment, timeline)]
    assert widths[1] == pytest.approx(widths[0] * 4 / 2.5, abs=0.5)

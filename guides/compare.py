"""Two careers side by side (/compare/<a>-vs-<b>/), from the figures their guides show.

How long and what it pays come from the same `CareerFigures` (guides.figures) as
every other page, so the pages cannot disagree.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse

from careers.models import Career, Skill
from guides.figures import Chart, pay_chart
from guides.models import Certification, Guide, GuideCertification, GuideSkill, Path
from guides.selectors import GuideSummary, guide_summaries

SEPARATOR = "-vs-"
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


def compare_url(slug_a: str, slug_b: str) -> str:
    """The one address of a comparison: the two career slugs in alphabetical order."""
    first, second = sorted((slug_a, slug_b))
    return reverse("careers:compare", kwargs={"pair": f"{first}{SEPARATOR}{second}"})


def candidate_pairs(pair: str) -> list[tuple[str, str]]:
    """Every way to read "<a>-vs-<b>": slugs may themselves contain "-vs-"."""
    pairs = []
    start = pair.find(SEPARATOR)
    while start != -1:
        first, second = pair[:start], pair[start + len(SEPARATOR) :]
        if _SLUG.match(first) and _SLUG.match(second) and first != second:
            pairs.append((first, second))
        start = pair.find(SEPARATOR, start + 1)
    return pairs


@dataclass(frozen=True)
class Side:
    """One career's column of the comparison."""

    career: Career
    guide: Guide
    summary: GuideSummary
    path_cost: str
    skills: list[GuideSkill]
    certifications: list[Certification]

    @property
    def outlook(self) -> str:
        c = self.career
        return f"{c.outlook_growth_percent}% projected growth through {c.outlook_horizon_year}"


@dataclass(frozen=True)
class Comparison:
    first: Side
    second: Side
    shared_skills: list[Skill]
    first_only_skills: list[Skill]
    second_only_skills: list[Skill]
    shared_certifications: list[Certification]
    first_only_certifications: list[Certification]
    second_only_certifications: list[Certification]
    pay_levels: Chart  # both careers' pay by level, on one scale

    @property
    def url(self) -> str:
        return compare_url(self.first.career.slug, self.second.career.slug)

    @property
    def heading(self) -> str:
        return f"{self.first.career.name} vs {self.second.career.name}"


def _path_cost(paths: list[Path]) -> str:
    """From the cheapest path's low end to the dearest path's high end, per currency."""
    by_currency: dict[str, list[Path]] = {}
    for path in paths:
        by_currency.setdefault(path.cost_currency, []).append(path)
    ranges = [
        Path(
            cost_min=min(p.cost_min for p in group),
            cost_max=max(p.cost_min if p.cost_max is None else p.cost_max for p in group),
            cost_currency=currency,
        ).cost_display
        for currency, group in by_currency.items()
    ]
    return " / ".join(ranges)


def _split(first: Iterable, second: Iterable, key) -> tuple[list, list, list]:
    """(shared, only in first, only in second), each in its guide's order."""
    first, second = list(first), list(second)
    first_keys = {key(item) for item in first}
    second_keys = {key(item) for item in second}
    shared = [item for item in first if key(item) in second_keys]
    first_only = [item for item in first if key(item) not in second_keys]
    second_only = [item for item in second if key(item) not in first_keys]
    return _unique(shared, key), _unique(first_only, key), _unique(second_only, key)


def _unique(items: list, key) -> list:
    seen = set()
    kept = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept


def _skill_key(link: GuideSkill) -> int:
    return link.skill_id


def _side(guide: Guide, summary: GuideSummary) -> Side:
    paths = list(guide.paths.all())
    skills = list(guide.skills.all())
    return Side(
        career=guide.career,
        guide=guide,
        summary=summary,
        path_cost=_path_cost(paths),
        # Technical skills first, then soft, each in the editor's order.
        skills=sorted(skills, key=lambda s: s.kind != GuideSkill.Kind.TECHNICAL),
        certifications=[link.certification for link in guide.certifications.all()],
    )


def _newest_live_guides(slugs: set[str]) -> dict[str, Guide]:
    """The newest live edition of each career, as its salary page uses, with the parts
    a side shows (five queries)."""
    guides = (
        Guide.objects.live()
        .filter(career__slug__in=slugs)
        .select_related("career__category")
        .order_by("career_id", "-edition_year")
        .prefetch_related(
            "career__salary_figures",
            Prefetch("skills", queryset=GuideSkill.objects.select_related("skill")),
            "paths",
            Prefetch(
                "certifications",
                queryset=GuideCertification.objects.select_related("certification"),
            ),
        )
    )
    latest: dict[str, Guide] = {}
    for guide in guides:
        latest.setdefault(guide.career.slug, guide)
    return latest


def comparison_for_page(pair: str) -> Comparison:
    """The comparison "<a>-vs-<b>" names (seven queries at most), or 404.

    404 when the address is junk, names one career twice, or either career has
    no live guide. The caller redirects when the order is not the canonical one.
    """
    pairs = candidate_pairs(pair)
    latest = _newest_live_guides({slug for both in pairs for slug in both}) if pairs else {}
    found = next(((a, b) for a, b in pairs if a in latest and b in latest), None)
    if found is None:
        raise Http404("No two careers with live guides have that address.")
    first, second = (latest[slug] for slug in sorted(found))
    summaries = {
        summary.url: summary
        for summary in guide_summaries(Guide.objects.filter(pk__in=[first.pk, second.pk]))
    }
    a = _side(first, summaries[first.get_absolute_url()])
    b = _side(second, summaries[second.get_absolute_url()])
    shared, a_only, b_only = _split(a.skills, b.skills, _skill_key)
    shared_certs, a_only_certs, b_only_certs = _split(
        a.certifications, b.certifications, lambda c: c.pk
    )
    return Comparison(
        first=a,
        second=b,
        shared_skills=[link.skill for link in shared],
        first_only_skills=[link.skill for link in a_only],
        second_only_skills=[link.skill for link in b_only],
        shared_certifications=shared_certs,
        first_only_certifications=a_only_certs,
        second_only_certifications=b_only_certs,
        pay_levels=pay_chart(
            [*first.career.salary_figures.all(), *second.career.salary_figures.all()]
        ),
    )

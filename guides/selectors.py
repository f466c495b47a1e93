"""Reads for the guide pages: each a fixed number of queries, whatever the content."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from careers.core.search import SEARCH_INDEX_FIELDS
from careers.models import Career, Category, skill_prefetch
from guides.figures import CareerFigures, annotated_figures, with_figures
from guides.models import Guide, GuideCertification, GuideSkill, RoadmapStep


@dataclass(frozen=True)
class GuideSummary:
    """A guide as lists show it: "6-step roadmap · typically 12–18 months · $120K–$175K a year"."""

    title: str
    url: str
    career_name: str
    career_slug: str
    description: str
    category: Category
    figures: CareerFigures

    @property
    def step_count(self) -> int:
        return self.figures.step_count

    @property
    def line(self) -> str:
        return self.figures.line

    @property
    def salary_url(self) -> str:
        return reverse("careers:salary", kwargs={"slug": self.career_slug})


def guide_summaries(guides: QuerySet[Guide]) -> list[GuideSummary]:
    """These guides as lists show them, in the queryset's order (one query)."""
    guides = with_figures(guides.defer(*SEARCH_INDEX_FIELDS)).select_related("career__category")
    return [
        GuideSummary(
            title=guide.title,
            url=guide.get_absolute_url(),
            career_name=guide.career.name,
            career_slug=guide.career.slug,
            description=guide.career.description,
            category=guide.career.category,
            figures=annotated_figures(guide),
        )
        for guide in guides
    ]


def live_guide_summaries() -> list[GuideSummary]:
    """Every live guide, by category then title (one query)."""
    return guide_summaries(
        Guide.objects.live().order_by(
            "career__category__position", "career__category__name", "title"
        )
    )


def related_guide_summaries(guide: Guide) -> list[GuideSummary]:
    """The guide's related guides that readers can open, in the editor's order (one query)."""
    return guide_summaries(
        Guide.objects.live().filter(linked_from__guide=guide).order_by("linked_from__position")
    )


def guide_for_page(slug: str, *, queryset: QuerySet[Guide] | None = None) -> Guide:
    """The guide with every part the page shows (six queries), or 404."""
    queryset = Guide.objects.live() if queryset is None else queryset
    return get_object_or_404(
        queryset.defer(*SEARCH_INDEX_FIELDS)
        .select_related("career__category")
        .prefetch_related(
            Prefetch(
                "steps", queryset=RoadmapStep.objects.prefetch_related(skill_prefetch("skills"))
            ),
            Prefetch("skills", queryset=GuideSkill.objects.select_related("skill")),
            "paths",
            Prefetch(
                "certifications",
                queryset=GuideCertification.objects.select_related("certification"),
            ),
            "faqs",
        ),
        slug=slug,
    )


def group_by_category(summaries: list[GuideSummary]) -> list[tuple[Category, list[GuideSummary]]]:
    """[(category, [summary, ...]), ...] in the order the summaries come in."""
    groups: dict = {}
    for summary in summaries:
        groups.setdefault(summary.category, []).append(summary)
    return list(groups.items())


def career_guide(career: Career | str) -> Guide | None:
    """The career's newest live guide (one query), or None: the guide a career's other
    pages link to. `career` is a Career, or its slug (then the guide comes with its
    career and category)."""
    guides = Guide.objects.live().defer(*SEARCH_INDEX_FIELDS).order_by("-edition_year")
    if isinstance(career, str):
        return guides.filter(career__slug=career).select_related("career__category").first()
    guide = guides.filter(career=career).first()
    if guide is not None:
        guide.career = career  # already at hand: no query for it
    return guide


def live_career_summaries() -> list[GuideSummary]:
    """Each career with a live guide, once, by its newest live edition; by name (one query)."""
    newest: dict[str, GuideSummary] = {}
    for summary in guide_summaries(
        Guide.objects.live().order_by("career__name", "career_id", "-edition_year")
    ):
        newest.setdefault(summary.career_slug, summary)
    return list(newest.values())

"""The content-health page: what needs an editor's attention, across apps."""

import datetime
import difflib
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone

from careers.core.publishing import Publishable
from careers.models import Career, SalaryFigure, Skill
from guides.models import Guide, GuideSkill, RelatedGuide
from jobs.models import JobListing, ListingSkill

# A skill asked for in at least this share of a career's open listings belongs in its guide.
SKILL_GAP_SHARE = 0.25
NEAR_DUPLICATE_RATIO = 0.88


@dataclass(frozen=True)
class SkillGap:
    career_name: str
    skill_id: int
    skill_name: str
    asking: int
    total: int


def skill_gaps(live_guides) -> list[SkillGap]:
    """Skills asked for in ≥ 25% of a career's open listings that none of its live guides
    lists (three queries)."""
    live = JobListing.objects.live()
    totals = dict(live.values_list("career").annotate(total=Count("pk")))
    taught = set(
        GuideSkill.objects.filter(guide__in=live_guides).values_list("guide__career", "skill")
    )
    rows = (
        ListingSkill.objects.filter(listing__in=live.values("pk"))
        .values("listing__career", "listing__career__name", "skill", "skill__name")
        .annotate(asking=Count("listing", distinct=True))
        .order_by("listing__career__name", "-asking", "skill__name")
    )
    return [
        SkillGap(r["listing__career__name"], r["skill"], r["skill__name"], r["asking"], total)
        for r in rows
        if (total := totals.get(r["listing__career"], 0))
        and r["asking"] / total >= SKILL_GAP_SHARE
        and (r["listing__career"], r["skill"]) not in taught
    ]


def _name_key(name: str) -> str:
    key = "".join(char for char in name.casefold() if char.isalnum())
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def near_duplicate_skills(skills: list[Skill]) -> list[tuple[Skill, Skill]]:
    """Pairs of skills whose names differ only in case, punctuation, a plural or a slip
    ("Scikit learn" and "scikit-learn"): likely one skill to merge."""
    pairs = []
    keyed = [(_name_key(skill.name), skill) for skill in skills]
    for index, (key, skill) in enumerate(keyed):
        for other_key, other in keyed[index + 1 :]:
            if key == other_key or (
                min(len(key), len(other_key)) >= 6
                and difflib.SequenceMatcher(None, key, other_key).ratio() >= NEAR_DUPLICATE_RATIO
            ):
                pairs.append((skill, other))
    return pairs


@dataclass(frozen=True)
class ContentHealth:
    stale_careers: list  # careers whose headline salary or outlook figure is overdue for review
    careers_without_figures: list  # careers made before their pay or outlook was known
    stale_salary_figures: list
    guides_without_description: list
    guides_without_steps: list
    links_to_hidden_guides: list  # RelatedGuide rows from a live guide to one readers cannot open
    going_live: list  # published guides whose publish_from is ahead
    going_offline: list  # live guides whose publish_until is ahead
    skill_gaps: list  # SkillGap: asked for by employers, missing from the career's guide
    skills_without_description: list
    near_duplicate_skills: list  # (skill, skill) pairs to merge, probably
    review_before: datetime.date
    horizon: datetime.datetime

    @property
    def problem_count(self) -> int:
        return (
            len(self.stale_careers)
            + len(self.careers_without_figures)
            + len(self.stale_salary_figures)
            + len(self.guides_without_description)
            + len(self.guides_without_steps)
            + len(self.links_to_hidden_guides)
            + len(self.skill_gaps)
            + len(self.skills_without_description)
            + len(self.near_duplicate_skills)
        )


def content_health(*, at: datetime.datetime | None = None) -> ContentHealth:
    """Everything the content-health page lists, in a fixed number of queries."""
    at = at or timezone.now()
    review_before = (at - datetime.timedelta(days=settings.FIGURE_REVIEW_DAYS)).date()
    horizon = at + datetime.timedelta(days=settings.SCHEDULE_HORIZON_DAYS)
    live = Guide.objects.live(at=at)
    live_ids = live.values("pk")
    skills = list(Skill.objects.only("name", "description"))
    return ContentHealth(
        stale_careers=list(
            Career.objects.filter(
                Q(salary_as_of__lt=review_before) | Q(outlook_as_of__lt=review_before)
            )
        ),
        careers_without_figures=list(
            Career.objects.filter(Q(salary_as_of__isnull=True) | Q(outlook_as_of__isnull=True))
        ),
        stale_salary_figures=list(
            SalaryFigure.objects.filter(as_of__lt=review_before).select_related("career")
        ),
        guides_without_description=list(live.filter(meta_description="")),
        guides_without_steps=list(live.annotate(step_count=Count("steps")).filter(step_count=0)),
        links_to_hidden_guides=list(
            RelatedGuide.objects.filter(guide__in=live_ids)
            .exclude(related__in=live_ids)
            .select_related("guide", "related")
        ),
        going_live=list(
            Guide.objects.filter(
                status=Publishable.Status.PUBLISHED, publish_from__gt=at, publish_from__lte=horizon
            ).order_by("publish_from")
        ),
        going_offline=list(
            live.filter(publish_until__gt=at, publish_until__lte=horizon).order_by("publish_until")
        ),
        skill_gaps=skill_gaps(live_ids),
        skills_without_description=[s for s in skills if not s.description.strip()],
        near_duplicate_skills=near_duplicate_skills(skills),
        review_before=review_before,
        horizon=horizon,
    )


def content_health_view(request):
    """What needs an editor's attention: stale figures, gaps, broken links, schedule."""
    if not request.user.has_perm("guides.view_guide"):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": "Content health",
        "health": content_health(),
        "review_days": settings.FIGURE_REVIEW_DAYS,
    }
    return TemplateResponse(request, "admin/content_health.html", context)

"""The content-health page: what needs an editor's attention, across apps."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone

from careers.core.publishing import Publishable
from careers.models import Career, SalaryFigure
from guides.models import Guide, RelatedGuide


@dataclass(frozen=True)
class ContentHealth:
    stale_careers: list  # careers whose headline salary or outlook figure is overdue for review
    stale_salary_figures: list
    guides_without_description: list
    guides_without_steps: list
    links_to_hidden_guides: list  # RelatedGuide rows from a live guide to one readers cannot open
    going_live: list  # published guides whose publish_from is ahead
    going_offline: list  # live guides whose publish_until is ahead
    review_before: datetime.date
    horizon: datetime.datetime

    @property
    def problem_count(self) -> int:
        return (
            len(self.stale_careers)
            + len(self.stale_salary_figures)
            + len(self.guides_without_description)
            + len(self.guides_without_steps)
            + len(self.links_to_hidden_guides)
        )


def content_health(*, at: datetime.datetime | None = None) -> ContentHealth:
    """Everything the content-health page lists, in a fixed number of queries."""
    at = at or timezone.now()
    review_before = (at - datetime.timedelta(days=settings.FIGURE_REVIEW_DAYS)).date()
    horizon = at + datetime.timedelta(days=settings.SCHEDULE_HORIZON_DAYS)
    live = Guide.objects.live(at=at)
    live_ids = live.values("pk")
    return ContentHealth(
        stale_careers=list(
            Career.objects.filter(
                Q(salary_as_of__lt=review_before) | Q(outlook_as_of__lt=review_before)
            )
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

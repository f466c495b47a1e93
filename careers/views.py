from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from careers import structured_data
from guides.models import Guide
from guides.selectors import live_guide_summaries


def group_by_category(summaries):
    """[(category, [summary, ...]), ...] in the order the summaries come in."""
    groups: dict = {}
    for summary in summaries:
        groups.setdefault(summary.category, []).append(summary)
    return list(groups.items())


@require_safe
def home(request):
    return render(
        request,
        "careers/home.html",
        {"categories": group_by_category(live_guide_summaries())},
    )


@require_safe
def salary(request, slug):
    """The full salary breakdown of a career whose guide readers can open."""
    guide = (
        Guide.objects.live()
        .filter(career__slug=slug)
        .select_related("career__category")
        .order_by("-edition_year")
        .first()
    )
    if guide is None:
        raise Http404("No career with a live guide has that address.")
    career = guide.career
    figures = list(career.salary_figures.all())
    crumbs = [
        ("Home", reverse("careers:home")),
        ("Guides", reverse("guides:index")),
        (guide.title, guide.get_absolute_url()),
        ("Salary", career.get_absolute_url()),
    ]
    return render(
        request,
        "careers/salary.html",
        {
            "career": career,
            "figures": figures,
            "guide": guide,
            "crumbs": crumbs,
            "structured_data": [
                structured_data.occupation(request, career, figures),
                structured_data.breadcrumb_list(request, crumbs),
            ],
        },
    )


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"admin_path": settings.ADMIN_PATH},
        content_type="text/plain",
    )

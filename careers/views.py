from django.conf import settings
from django.contrib.sitemaps import views as sitemaps_views
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from careers import structured_data
from careers.cache import reader_cache
from careers.compare import comparison_for_page
from careers.search import MAX_QUERY_LENGTH, site_search
from careers.sitemaps import SITEMAPS
from guides.models import Guide
from guides.selectors import live_guide_summaries


def group_by_category(summaries):
    """[(category, [summary, ...]), ...] in the order the summaries come in."""
    groups: dict = {}
    for summary in summaries:
        groups.setdefault(summary.category, []).append(summary)
    return list(groups.items())


@reader_cache
@require_safe
def home(request):
    return render(
        request,
        "careers/home.html",
        {"categories": group_by_category(live_guide_summaries())},
    )


@reader_cache
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


@reader_cache
@require_safe
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "admin_path": settings.ADMIN_PATH,
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
        },
        content_type="text/plain",
    )


@reader_cache(query=("p",))
@require_safe
def sitemap_xml(request):
    """Every page readers can open, for search engines (careers/sitemaps.py)."""
    return sitemaps_views.sitemap(request, sitemaps=SITEMAPS, template_name="careers/sitemap.xml")


@reader_cache
@require_safe
def compare(request, pair):
    """Two careers side by side: /compare/<a>-vs-<b>/, the slugs in alphabetical order."""
    comparison = comparison_for_page(pair)
    if comparison is None:
        raise Http404("No two careers with live guides have that address.")
    if request.path != comparison.url:
        return HttpResponsePermanentRedirect(comparison.url)
    first, second = comparison.first, comparison.second
    crumbs = [
        ("Home", reverse("careers:home")),
        ("Guides", reverse("guides:index")),
        (comparison.heading, comparison.url),
    ]
    description = (
        f"{first.career.name} vs {second.career.name}: median pay "
        f"{first.career.salary_display} vs {second.career.salary_display}, "
        f"{first.career.outlook_growth_percent}% vs {second.career.outlook_growth_percent}% "
        f"projected growth, {first.summary.step_count}- vs {second.summary.step_count}-step "
        "roadmaps, and the skills and certifications they share."
    )
    return render(
        request,
        "careers/compare.html",
        {
            "comparison": comparison,
            "first": first,
            "second": second,
            "comparison_sides": [first, second],
            "page_title": f"{comparison.heading}: pay, outlook and roadmap compared",
            "description": description,
            "crumbs": crumbs,
            "structured_data": [structured_data.breadcrumb_list(request, crumbs)],
        },
    )


def bench_constant(request):
    """Baseline A for `make bench`: constant bytes through the full middleware stack."""
    return HttpResponse(b"ok\n" * 1000, content_type="text/plain")


@require_safe
def search(request):
    """One search over live guides, interview cards and job listings (never cached:
    every query string would be a page of its own)."""
    raw_page = request.GET.get("page", "1")
    try:
        page = int(raw_page)
    except ValueError:
        raise Http404("That page number is not a number.") from None
    if page < 1:
        raise Http404("Page numbers start at 1.")
    results = site_search(
        query=request.GET.get("q", ""), page=page, kind=request.GET.get("kind", "")
    )
    if results.query:
        title = f"Search: {results.query}"
        if results.page and results.page.number > 1:
            title += f", page {results.page.number}"
    else:
        title = "Search"
    return render(
        request,
        "careers/search.html",
        {
            "results": results,
            "search_query": results.query,
            "page_title": title,
            "description": "Search every career guide, interview flashcard and open job.",
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )

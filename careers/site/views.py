"""The pages that compose every app: home, search, skills, robots.txt, the sitemap, health."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sitemaps import views as sitemaps_views
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from careers.core.cache import cache_available, reader_cache
from careers.core.search import MAX_QUERY_LENGTH
from careers.core.structured_data import breadcrumb_list
from careers.core.web import page_number, site_url
from careers.site.search import site_search
from careers.site.sitemaps import sitemaps
from careers.site.skills import skill_for_page, skills_by_category, skills_for_browser
from careers.structured_data import defined_term
from guides.selectors import group_by_category, live_guide_summaries


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
def plan(request):
    """The reader's plan: the same page for everyone, which plan_page.js fills from this
    browser's storage. Without JavaScript it says what the page is for."""
    return render(request, "careers/plan.html")


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not.

    The cache is reported but does not fail the check: the site serves without
    it, and a load balancer that pulled every server when the shared Redis went
    down would turn a slower site into no site.
    """
    cache_state = "ok" if cache_available() else "unavailable"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        body, status = f"database: unavailable\ncache: {cache_state}\n", 503
    else:
        body, status = f"ok\ndatabase: ok\ncache: {cache_state}\n", 200
    return HttpResponse(body, status=status, content_type="text/plain")


@reader_cache
@require_safe
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "admin_path": settings.ADMIN_PATH,
            "sitemap_url": site_url(reverse("sitemap")),
        },
        content_type="text/plain",
    )


@reader_cache(query=("p",))
@require_safe
def sitemap_xml(request):
    """Every page readers can open, for search engines (careers/site/sitemaps.py)."""
    return sitemaps_views.sitemap(request, sitemaps=sitemaps(), template_name="careers/sitemap.xml")


@require_safe
def favicon_ico(request):
    """/favicon.ico, where browsers and feed readers look without asking the page."""
    path = finders.find("img/favicon.ico")
    with open(path, "rb") as icon:
        response = HttpResponse(icon.read(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


@reader_cache
@require_safe
def web_manifest(request):
    """/manifest.webmanifest: the name, colours and icons a phone uses for the site."""
    icons = [("img/icon-192.png", "192x192"), ("img/icon-512.png", "512x512")]
    return JsonResponse(
        {
            "name": settings.SITE_NAME,
            "short_name": settings.SITE_NAME,
            "description": "Step-by-step career guides: each role's roadmap, skills, time and pay.",
            "start_url": reverse("careers:home"),
            "scope": "/",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": "#0a58a8",
            "icons": [
                {"src": static(path), "sizes": sizes, "type": "image/png"} for path, sizes in icons
            ],
        },
        content_type="application/manifest+json",
    )


@reader_cache
@require_safe
def skills_json(request):
    """/skills.json: every skill with its aliases and their flags, for the matcher that
    finds skills in a résumé inside the reader's browser. The same for everyone, so served
    from the page cache with an ETag; the résumé itself is never sent here."""
    response = JsonResponse(
        {"skills": skills_for_browser()}, json_dumps_params={"separators": (",", ":")}
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def bench_constant(request):
    """Baseline A for `make bench`: constant bytes through the full middleware stack."""
    return HttpResponse(b"ok\n" * 1000, content_type="text/plain")


@require_safe
def search(request):
    """One search over every kind of content the apps register (never cached: every
    query string would be a page of its own)."""
    results = site_search(
        query=request.GET.get("q", ""), page=page_number(request), kind=request.GET.get("kind", "")
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


@reader_cache
@require_safe
def skill_index(request):
    crumbs = [("Home", reverse("careers:home")), ("Skills", reverse("skills:index"))]
    return render(
        request,
        "careers/skill_index.html",
        {
            "categories": skills_by_category(),
            "crumbs": crumbs,
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
    )


@reader_cache
@require_safe
def skill_detail(request, slug):
    page = skill_for_page(slug)
    skill = page.skill
    crumbs = [
        ("Home", reverse("careers:home")),
        ("Skills", reverse("skills:index")),
        (skill.name, skill.get_absolute_url()),
    ]
    return render(
        request,
        "careers/skill_detail.html",
        {
            "page": page,
            "skill": skill,
            "jobs_url": f"{reverse('jobs:list')}?{urlencode({'skill': skill.slug})}",
            "crumbs": crumbs,
            "structured_data": [
                defined_term(request, skill),
                breadcrumb_list(request, crumbs),
            ],
        },
    )

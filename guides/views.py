from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from careers.core.cache import reader_cache
from careers.core.plugins import career_page_context
from careers.core.structured_data import breadcrumb_list
from careers.structured_data import occupation
from guides import og_card, services
from guides.compare import compare_url, comparison_for_page
from guides.figures import (
    guide_page_figures,
    pay_chart,
    roadmap_timeline,
    summary_pay,
    time_chart,
    with_figures,
)
from guides.forms import ComparePickForm
from guides.models import Guide, GuideCard, GuideRedirect
from guides.selectors import (
    career_guide,
    group_by_category,
    guide_for_page,
    live_career_summaries,
    live_guide_summaries,
    related_guide_summaries,
)
from guides.structured_data import article, faq_page


def can_preview(request) -> bool:
    """Staff who may view guides in the admin see drafts as readers will."""
    user = request.user
    return user.is_authenticated and user.is_staff and user.has_perm("guides.view_guide")


@reader_cache
@require_safe
def guide_index(request):
    crumbs = [("Home", reverse("careers:home")), ("Guides", reverse("guides:index"))]
    return render(
        request,
        "guides/guide_index.html",
        {
            "categories": group_by_category(live_guide_summaries()),
            "crumbs": crumbs,
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
    )


def _with_compare_urls(guide: Guide, related: list) -> list[tuple]:
    """(summary, the address comparing the two careers, or None for the same career)."""
    slug = guide.career.slug
    return [
        (summary, compare_url(slug, summary.career_slug) if summary.career_slug != slug else None)
        for summary in related
    ]


def _with_taught_marked(context: dict, skills: list) -> dict:
    """Split the skills employers ask for into those the guide teaches and those it does
    not, each with a link to its page."""
    taught = {link.skill_id for link in skills}
    demand = context.get("skills_in_demand") or []
    for row in demand:
        row["url"] = reverse("skills:detail", kwargs={"slug": row["slug"]})
    return {
        **context,
        "demand_taught": [row for row in demand if row["skill_id"] in taught],
        "demand_not_taught": [row for row in demand if row["skill_id"] not in taught],
    }


@reader_cache
@require_safe
def guide_detail(request, slug):
    preview = can_preview(request)
    try:
        guide = guide_for_page(slug, queryset=Guide.objects.all() if preview else None)
    except Http404:
        moved = (
            GuideRedirect.objects.filter(old_slug=slug, guide__in=Guide.objects.live())
            .select_related("guide")
            .first()
        )
        if moved is None:
            raise
        return HttpResponsePermanentRedirect(moved.guide.get_absolute_url())
    faqs = list(guide.faqs.all())
    crumbs = [
        ("Home", reverse("careers:home")),
        ("Guides", reverse("guides:index")),
        (guide.title, guide.get_absolute_url()),
    ]
    skills = list(guide.skills.all())
    steps, paths = list(guide.steps.all()), list(guide.paths.all())
    figures = guide_page_figures(guide, steps, paths)
    card_url = og_card.guide_card_url(guide, figures)
    page_data = [article(request, guide, image=card_url), breadcrumb_list(request, crumbs)]
    if faqs:
        page_data.append(faq_page(faqs))
    is_draft = preview and not guide.is_live()
    related = related_guide_summaries(guide)
    response = render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "is_draft": is_draft,
            "career": guide.career,
            "steps": steps,
            "figures": figures,
            "timeline": roadmap_timeline(steps),
            "technical_skills": [link for link in skills if link.kind == link.Kind.TECHNICAL],
            "soft_skills": [link for link in skills if link.kind == link.Kind.SOFT],
            "paths": paths,
            "certifications": [link.certification for link in guide.certifications.all()],
            "faqs": faqs,
            "related": related,
            "related_compare": _with_compare_urls(guide, related),
            "card_url": card_url,
            # The interview-prep preview, the open-jobs count and the skills those jobs ask
            # for, from the apps that have them.
            **_with_taught_marked(career_page_context(guide.career), skills),
            "crumbs": crumbs,
            "structured_data": page_data,
        },
    )
    if is_draft:
        # A preview is for staff only: never stored by a cache, never indexed.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response


@reader_cache(query=("v",))
@require_safe
def guide_card(request, slug):
    """/guides/<slug>/card.png: the guide's 1200×630 link-preview card (three queries).

    Drawn when the guide was saved; drawn here, once, when what it shows changed
    some other way (see guides/og_card.py).
    """
    guide = get_object_or_404(
        with_figures(Guide.objects.live().only("slug", "title", "edition_year", "career")),
        slug=slug,
    )
    card = services.guide_card_draw(guide=guide)
    version = request.GET.get("v")
    if version is not None and version != card.digest:
        # An earlier edition's card address: send it to today's, rather than keep
        # a cached copy for every value of ?v= anyone makes up.
        return redirect(card.get_absolute_url())
    png = GuideCard.objects.values_list("png", flat=True).get(pk=card.pk)
    response = HttpResponse(bytes(png), content_type="image/png")
    if version is not None:
        # The versioned address changes with what the card shows: keep it for a year.
        patch_cache_control(response, public=True, max_age=365 * 24 * 60 * 60, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=5 * 60)
    response["Last-Modified"] = http_date(card.drawn_at.timestamp())
    # An image, not a document: nothing in it may load or run.
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@require_safe
def guide_card_svg(request, slug):
    """The card's first address (an SVG, which link previews did not show): moved."""
    return HttpResponsePermanentRedirect(reverse("guides:card", kwargs={"slug": slug}))


# How /careers/ can be sorted: (link text, key). Pay: highest first; time: shortest
# first, careers without a stated time last.
CAREER_SORTS = {
    "name": ("Career", lambda s: s.career_name.casefold()),
    "pay": ("Typical pay", lambda s: (-s.figures.pay_high, -s.figures.pay_low)),
    "time": ("Typical time", lambda s: s.figures.time_months or (float("inf"),) * 2),
}


@reader_cache(query=("sort",))
@require_safe
def career_index(request):
    """/careers/: every career's typical pay and time side by side, sortable by links."""
    sort = request.GET.get("sort", "name")
    if sort not in CAREER_SORTS:
        sort = "name"  # an unknown order: the page as it comes, not an error
    summaries = sorted(live_career_summaries(), key=CAREER_SORTS[sort][1])
    pay, time = pay_chart(summaries, pay=summary_pay), time_chart(summaries)
    crumbs = [("Home", reverse("careers:home")), ("Careers", reverse("careers:index"))]
    return render(
        request,
        "careers/career_index.html",
        {
            "rows": list(zip(pay.rows, time.rows, strict=True)),
            "pay_chart": pay,
            "time_chart": time,
            "sort": sort,
            "sorts": [(key, label) for key, (label, _) in CAREER_SORTS.items()],
            "crumbs": crumbs,
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
    )


@reader_cache(query=("a", "b"))
@require_safe
def compare_index(request):
    """/compare/: pick two careers (a GET form that redirects to their comparison), or
    follow one of every pair's links."""
    summaries = live_career_summaries()
    careers = [(s.career_slug, s.career_name) for s in summaries]
    # Bound only once a career is picked: other parameters (?utm_source=) are no error.
    picked = "a" in request.GET or "b" in request.GET
    form = ComparePickForm(request.GET if picked else None, careers=careers)
    if form.is_valid():
        return redirect(compare_url(form.cleaned_data["a"], form.cleaned_data["b"]))
    crumbs = [
        ("Home", reverse("careers:home")),
        ("Compare careers", reverse("careers:compare_index")),
    ]
    pairs = [
        (first, second, compare_url(first.career_slug, second.career_slug))
        for index, first in enumerate(summaries)
        for second in summaries[index + 1 :]
    ]
    return render(
        request,
        "careers/compare_index.html",
        {
            "form": form,
            "pairs": pairs,
            "crumbs": crumbs,
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
        status=400 if form.is_bound else 200,
    )


@reader_cache
@require_safe
def salary(request, slug):
    """The full salary breakdown of a career whose guide readers can open."""
    guide = career_guide(slug)
    if guide is None:
        raise Http404("No career with a live guide has that address.")
    career = guide.career
    figures = list(career.salary_figures.all())
    chart = pay_chart(figures)
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
            "chart": chart,
            "guide": guide,
            "crumbs": crumbs,
            "structured_data": [
                occupation(request, career, figures),
                breadcrumb_list(request, crumbs),
            ],
        },
    )


@reader_cache
@require_safe
def compare(request, pair):
    """Two careers side by side: /compare/<a>-vs-<b>/, the slugs in alphabetical order."""
    comparison = comparison_for_page(pair)
    if request.path != comparison.url:
        return HttpResponsePermanentRedirect(comparison.url)
    first, second = comparison.first, comparison.second
    crumbs = [
        ("Home", reverse("careers:home")),
        ("Guides", reverse("guides:index")),
        (comparison.heading, comparison.url),
    ]
    description = (
        f"{first.career.name} vs {second.career.name}: typical pay "
        f"{first.summary.figures.pay} vs {second.summary.figures.pay}, "
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
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
    )

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from careers import structured_data
from careers.views import group_by_category
from flashcards.selectors import interview_preview
from guides.models import Guide, GuideRedirect
from guides.selectors import guide_for_page, live_guide_summaries, related_guide_summaries
from jobs.selectors import open_listing_count


def can_preview(request) -> bool:
    """Staff who may view guides in the admin see drafts as readers will."""
    user = request.user
    return user.is_authenticated and user.is_staff and user.has_perm("guides.view_guide")


@require_safe
def guide_index(request):
    crumbs = [("Home", reverse("careers:home")), ("Guides", reverse("guides:index"))]
    return render(
        request,
        "guides/guide_index.html",
        {
            "categories": group_by_category(live_guide_summaries()),
            "crumbs": crumbs,
            "structured_data": [structured_data.breadcrumb_list(request, crumbs)],
        },
    )


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
    page_data = [
        structured_data.article(request, guide),
        structured_data.breadcrumb_list(request, crumbs),
    ]
    if faqs:
        page_data.append(structured_data.faq_page(faqs))
    is_draft = preview and not guide.is_live()
    deck, deck_cards = interview_preview(guide.career) or (None, [])
    response = render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "is_draft": is_draft,
            "career": guide.career,
            "steps": list(guide.steps.all()),
            "technical_skills": [s for s in skills if s.kind == s.Kind.TECHNICAL],
            "soft_skills": [s for s in skills if s.kind == s.Kind.SOFT],
            "paths": list(guide.paths.all()),
            "certifications": [link.certification for link in guide.certifications.all()],
            "faqs": faqs,
            "related": related_guide_summaries(guide),
            "preview_deck": deck,
            "preview_cards": deck_cards,
            "open_job_count": open_listing_count(guide.career),
            "crumbs": crumbs,
            "structured_data": page_data,
        },
    )
    if is_draft:
        # A preview is for staff only: never stored by a cache, never indexed.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response

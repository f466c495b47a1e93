from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers import structured_data
from careers.views import group_by_category
from guides.selectors import guide_for_page, live_guide_summaries, related_guide_summaries


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
    guide = guide_for_page(slug)
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
    return render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "career": guide.career,
            "steps": list(guide.steps.all()),
            "technical_skills": [s for s in skills if s.kind == s.Kind.TECHNICAL],
            "soft_skills": [s for s in skills if s.kind == s.Kind.SOFT],
            "paths": list(guide.paths.all()),
            "certifications": [link.certification for link in guide.certifications.all()],
            "faqs": faqs,
            "related": related_guide_summaries(guide),
            "crumbs": crumbs,
            "structured_data": page_data,
        },
    )

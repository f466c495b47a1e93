import datetime
import textwrap

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from careers import structured_data
from careers.cache import reader_cache
from careers.compare import compare_url
from careers.views import group_by_category
from flashcards.selectors import interview_preview
from guides.models import Guide, GuideRedirect
from guides.selectors import (
    _summaries,
    guide_for_page,
    live_guide_summaries,
    related_guide_summaries,
)
from jobs.selectors import open_listing_count


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
            "structured_data": [structured_data.breadcrumb_list(request, crumbs)],
        },
    )


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
    page_data = [
        structured_data.article(request, guide),
        structured_data.breadcrumb_list(request, crumbs),
    ]
    if faqs:
        page_data.append(structured_data.faq_page(faqs))
    is_draft = preview and not guide.is_live()
    deck, deck_cards = interview_preview(guide.career) or (None, [])
    related = related_guide_summaries(guide)
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
            "related": related,
            "related_compare": [
                (
                    summary,
                    compare_url(guide.career.slug, summary.career_slug)
                    if summary.career_slug != guide.career.slug
                    else None,
                )
                for summary in related
            ],
            "card_url": guide_card_url(guide),
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


# The guide's link-preview image (og:image): an SVG card drawn from the guide's own data.
CARD_WIDTH, CARD_HEIGHT = 1200, 630
# (font size, characters per line, line height, most lines) from largest to smallest.
_CARD_TITLE_SIZES = ((64, 28, 76, 3), (52, 34, 62, 4))
_CARD_TITLE_TOP = 236
_CARD_SUMMARY_CHARS = 64
_CONTROL_CHARACTERS = dict.fromkeys(range(32))  # not allowed in XML text
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _card_title_lines(title: str) -> tuple[int, list[dict]]:
    """The title wrapped onto lines (the largest size it fits), the last cut with "…"."""
    title = " ".join(title.translate(_CONTROL_CHARACTERS).split())
    size = next(
        (size for size in _CARD_TITLE_SIZES if len(textwrap.wrap(title, size[1])) <= size[3]),
        _CARD_TITLE_SIZES[-1],
    )
    font_size, width, line_height, most = size
    lines = textwrap.wrap(title, width=width)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return font_size, [
        {"text": text, "y": _CARD_TITLE_TOP + index * line_height}
        for index, text in enumerate(lines)
    ]


def guide_card_version(guide: Guide) -> str:
    """Changes whenever the guide is saved, so the card's address can be cached for good."""
    return str((guide.updated_at - _EPOCH) // datetime.timedelta(microseconds=1))


def guide_card_url(guide: Guide) -> str:
    return reverse("guides:card", kwargs={"slug": guide.slug}) + f"?v={guide_card_version(guide)}"


@reader_cache(query=("v",))
@require_safe
def guide_card_svg(request, slug):
    """/guides/<slug>/card.svg: the guide's 1200×630 link-preview card (three queries)."""
    guide = get_object_or_404(
        Guide.objects.live().only("slug", "title", "edition_year", "updated_at"), slug=slug
    )
    version = request.GET.get("v")
    if version is not None and version != guide_card_version(guide):
        # An earlier edition's card address: send it to today's, rather than keep
        # a cached copy for every value of ?v= anyone makes up.
        return redirect(guide_card_url(guide))
    summary = _summaries(Guide.objects.filter(pk=guide.pk))[0]
    font_size, lines = _card_title_lines(guide.title)
    summary_line = summary.line
    if len(summary_line) > _CARD_SUMMARY_CHARS:
        summary_line = summary_line[: _CARD_SUMMARY_CHARS - 1].rstrip() + "…"
    response = render(
        request,
        "includes/guide_og_card.svg",
        {
            "full_title": guide.full_title,
            "font_size": font_size,
            "title_lines": lines,
            "edition": f"{guide.edition_year} Guide",
            "edition_y": lines[-1]["y"] + 64 if lines else _CARD_TITLE_TOP,
            "summary_line": summary_line,
        },
        content_type="image/svg+xml; charset=utf-8",
    )
    if version is not None:
        # The versioned address changes with every save: keep it for a year.
        patch_cache_control(response, public=True, max_age=365 * 24 * 60 * 60, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=5 * 60)
    response["Last-Modified"] = http_date(guide.updated_at.timestamp())
    # An image, not a document: nothing in it may load or run.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response

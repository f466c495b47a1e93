from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from careers.core.cache import reader_cache
from careers.core.structured_data import breadcrumb_list
from careers.core.web import page_number
from guides.selectors import career_guide
from jobs import feeds, selectors
from jobs.forms import FILTERS, job_search
from jobs.models import JobListing
from jobs.structured_data import job_posting

PAGE_SIZE = 20


def _list_crumbs(career=None) -> list[tuple[str, str]]:
    crumbs = [("Home", reverse("careers:home")), ("Jobs", reverse("jobs:list"))]
    if career is not None:
        crumbs.append(
            (f"{career.name} jobs", f"{reverse('jobs:list')}?{urlencode({'career': career.slug})}")
        )
    return crumbs


def _without_empty_filters(request) -> str | None:
    """The list's address without the empty filters a plain form submission sends
    (`?company=&location=`), or None when it has none. Other parameters stay as given."""
    pairs = request.GET.lists()
    kept = [
        (name, value)
        for name, values in pairs
        for value in values
        if value != "" or name not in (*FILTERS, "page")
    ]
    if len(kept) == sum(len(values) for _, values in request.GET.lists()):
        return None
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


@reader_cache(query=(*FILTERS, "page"))
@require_safe
def job_list(request):
    if clean_address := _without_empty_filters(request):
        return redirect(clean_address, permanent=True)
    search = job_search(request, skill_choices=True)
    form, filters, career, company = search.form, search.filters, search.career, search.company
    paginator = Paginator(selectors.live_listings(**filters), PAGE_SIZE)
    page = paginator.page(page_number(request, num_pages=paginator.num_pages))
    query = search.query
    crumbs = _list_crumbs(career)
    chosen_skills = search.skills
    if chosen_skills and career is None and company is None:
        names = ", ".join(s.name for s in chosen_skills)
        heading = f"Jobs asking for {names}"
        description = f"Open jobs that ask for {names}, newest first."
    elif career is not None:
        heading = f"{career.name} jobs"
        description = (
            f"Open {career.name} jobs, newest first, with location, pay and a direct link to apply."
        )
    elif company is not None:
        heading = f"Jobs at {company.name}"
        description = f"Open jobs at {company.name}, newest first."
    else:
        heading = "Jobs"
        description = (
            "Open jobs in data, AI and software, newest first: filter by career, location, "
            "workplace, employment type and pay, then apply on the employer's site."
        )
    page_title = heading if page.number == 1 else f"{heading}, page {page.number}"
    return render(
        request,
        "jobs/job_list.html",
        {
            "form": form,
            "ignored": form.ignored,
            "career": career,
            "company": company,
            "chosen_skills": chosen_skills,
            "chosen_slugs": [skill.slug for skill in chosen_skills],
            "skill_choices": search.skill_choices,
            "heading": heading,
            "page_title": page_title,
            "description": description,
            "listings": selectors.with_teaching_links(list(page.object_list)),
            "page": page,
            "paginator": paginator,
            "filtered": bool(filters),
            "active_filters": form.active_count,
            "query_without_page": query,
            "crumbs": crumbs,
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
    )


def _gone(request, listing: JobListing):
    """410 for a listing readers could once see: why, and similar open jobs instead."""
    crumbs = _list_crumbs(listing.career)
    return render(
        request,
        "jobs/job_expired.html",
        {
            "listing": listing,
            "similar": selectors.similar_live_listings(listing),
            "career_jobs_url": crumbs[-1][1],
            "crumbs": crumbs,
            "structured_data": [breadcrumb_list(request, crumbs)],
        },
        status=410,
    )


def _is_open(listing: JobListing) -> bool:
    return listing.is_live() and not listing.is_expired()


def _detail_description(listing: JobListing) -> str:
    facts = [listing.get_employment_type_display(), listing.location_display]
    if listing.salary_full_display:
        facts.append(listing.salary_full_display)
    return (
        f"{listing.title} at {listing.company.name}: {', '.join(facts)}. "
        f"Open until {listing.valid_through:%B} {listing.valid_through.day}, "
        f"{listing.valid_through.year}."
    )


@reader_cache
@require_safe
def job_detail(request, pk, slug):
    listing = selectors.listing_for_page(pk)
    if slug != listing.slug:
        return redirect(listing, permanent=True)
    if not _is_open(listing):
        return _gone(request, listing)
    crumbs = [*_list_crumbs(listing.career), (listing.title, listing.get_absolute_url())]
    selectors.with_teaching_links([listing])
    return render(
        request,
        "jobs/job_detail.html",
        {
            "listing": listing,
            "company": listing.company,
            "career": listing.career,
            "career_jobs_url": crumbs[-2][1],
            "guide": career_guide(listing.career),
            "identifier": listing.identifier,
            "page_title": f"{listing.title} at {listing.company.name}",
            "description": _detail_description(listing),
            "crumbs": crumbs,
            "structured_data": [
                job_posting(request, listing),
                breadcrumb_list(request, crumbs),
            ],
        },
    )


@never_cache
@require_safe
def job_apply(request, pk):
    """Count the click, then send the reader to the listing's stored apply address only."""
    listing = selectors.listing_for_page(pk)
    if not _is_open(listing):
        return _gone(request, listing)
    if urlsplit(listing.apply_url).scheme not in ("http", "https"):
        raise Http404("This listing has no usable apply address.")
    if request.method == "GET":
        # One UPDATE in the database: concurrent clicks cannot overwrite each other.
        JobListing.objects.filter(pk=listing.pk).update(click_count=F("click_count") + 1)
    response = HttpResponseRedirect(listing.apply_url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@reader_cache(query=FILTERS)
@require_safe
def search_feed(request):
    """ "Follow this search": the newest listings the jobs list's filters find, as Atom."""
    return feeds.SearchJobsFeed()(request)

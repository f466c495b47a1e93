"""Reads for the job pages: each a fixed number of queries, whatever the number of listings."""

from django.db.models import Q, QuerySet

from careers.models import SEARCH_INDEX_FIELDS, Career
from guides.models import Guide
from jobs.countries import country_codes_matching
from jobs.models import JobListing

MAX_ID = 2**63 - 1


def open_listing_count(career: Career) -> int:
    """Live listings for the career, for the guide's "Browse … jobs (N open)" link (one query)."""
    return JobListing.objects.live().filter(career=career).count()


def live_listings(
    *,
    career: str = "",
    location: str = "",
    workplace: str = "",
    employment: str = "",
    min_salary: int | None = None,
    company: int | None = None,
) -> QuerySet[JobListing]:
    """Live listings, newest first, narrowed by the list page's filters (all optional)."""
    listings = (
        JobListing.objects.live().defer(*SEARCH_INDEX_FIELDS).select_related("company", "career")
    )
    if career:
        listings = listings.filter(career__slug=career)
    if location:
        place = (
            Q(city__icontains=location)
            | Q(region__icontains=location)
            | Q(country__in=country_codes_matching(location))
        )
        if location.strip().lower() == "remote":
            place |= Q(workplace_type=JobListing.WorkplaceType.REMOTE)
        for code in country_codes_matching(location):
            # A remote job open to applicants in the country counts as "in" it.
            place |= Q(
                workplace_type=JobListing.WorkplaceType.REMOTE, remote_countries__contains=code
            )
        listings = listings.filter(place)
    if workplace:
        listings = listings.filter(workplace_type=workplace)
    if employment:
        listings = listings.filter(employment_type=employment)
    if min_salary is not None:
        listings = listings.with_yearly_salary().filter(yearly_salary_min__gte=min_salary)
    if company is not None:
        listings = listings.filter(company_id=company)
    return listings.order_by("-posted_on", "-id")


def similar_live_listings(listing: JobListing, *, limit: int = 5) -> list[JobListing]:
    """Other live listings for the same career, newest first (one query)."""
    return list(
        JobListing.objects.live()
        .defer(*SEARCH_INDEX_FIELDS)
        .filter(career_id=listing.career_id)
        .exclude(pk=listing.pk)
        .select_related("company", "career")
        .order_by("-posted_on", "-id")[:limit]
    )


def listing_for_page(pk: int) -> JobListing | None:
    """The listing with its company and career (one query), or None."""
    if not 0 < pk <= MAX_ID:
        return None  # the database would refuse such a number rather than find nothing
    return JobListing.objects.select_related("company", "career").filter(pk=pk).first()


def career_guide(career: Career) -> Guide | None:
    """The career's newest live guide, for the listing page's "Preparing for the role" link."""
    return Guide.objects.live().filter(career=career).order_by("-edition_year").first()

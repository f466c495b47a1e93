"""Reads for the job pages: each a fixed number of queries, whatever the number of listings."""

import datetime

from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from careers.core.publishing import publish_window_moments
from careers.core.search import SEARCH_INDEX_FIELDS
from careers.models import Career
from guides.models import Guide, RoadmapStep
from jobs.countries import country_codes_matching
from jobs.models import JobListing, ListingSkill

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
    skill: list[str] = (),
    posted_within: int | None = None,
) -> QuerySet[JobListing]:
    """Live listings, newest first, narrowed by the list page's filters (all optional)."""
    listings = (
        JobListing.objects.live()
        .defer(*SEARCH_INDEX_FIELDS)
        .select_related("company", "career", "job_source")
    )
    if posted_within is not None:
        # "The past day": posted today or yesterday (dates, not times, are stored).
        since = timezone.localdate() - datetime.timedelta(days=posted_within)
        listings = listings.filter(posted_on__gte=since)
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
    for slug in skill:  # every one of them
        listings = listings.filter(skill_links__skill__slug=slug)
    return listings.prefetch_related(listing_skills_prefetch()).order_by("-posted_on", "-id")


def listing_skills_prefetch() -> Prefetch:
    """A listing's skills in its order, as `skill_list`, with what a link shows."""
    return Prefetch(
        "skill_links",
        queryset=ListingSkill.objects.select_related("skill").only(
            "listing", "skill", "position", "note", "skill__name", "skill__slug"
        ),
        to_attr="skill_list",
    )


def with_teaching_links(listings: list[JobListing]) -> list[JobListing]:
    """Gives each skill a listing asks for (in its `skill_list`) a `teach_url`: the first
    step of the listing's career's newest live guide that teaches the skill, else the
    skill's own page. The same for every reader: a reader's browser links the skills they
    lack to it. One query (none without skills), whatever the number of listings."""
    careers = {listing.career_id for listing in listings}
    wanted = {link.skill_id for listing in listings for link in listing.skill_list}
    taught: dict[tuple[int, int], str] = {}
    if wanted:
        # Every step of those careers' live guides (numbered as the guide page numbers
        # them), each with its skills: one row a step and skill, one for a step without.
        rows = (
            RoadmapStep.objects.filter(
                guide__in=Guide.objects.live().values("pk"), guide__career_id__in=careers
            )
            .order_by("guide__career_id", "-guide__edition_year", "guide_id", "position", "id")
            .values_list("guide__career_id", "guide_id", "guide__slug", "pk", "skills")
        )
        newest: dict[int, int] = {}
        numbers: dict[int, int] = {}
        counted: dict[int, int] = {}
        for career_id, guide_id, guide_slug, step_id, skill_id in rows:
            if newest.setdefault(career_id, guide_id) != guide_id:
                continue  # an older edition
            if step_id not in numbers:
                counted[guide_id] = numbers[step_id] = counted.get(guide_id, 0) + 1
            if skill_id in wanted and (career_id, skill_id) not in taught:
                guide_url = reverse("guides:detail", kwargs={"slug": guide_slug})
                taught[career_id, skill_id] = f"{guide_url}#step-{numbers[step_id]}"
    for listing in listings:
        for link in listing.skill_list:
            link.teach_url = taught.get((listing.career_id, link.skill_id)) or (
                link.skill.get_absolute_url()
            )
    return listings


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


def listing_for_page(pk: int) -> JobListing:
    """A listing readers can open or could once (two queries), with its company, career and
    skills
    or 404. It may have expired since: the page then answers 410 (see jobs.views)."""
    if not 0 < pk <= MAX_ID:
        # The database would refuse such a number rather than find nothing.
        raise Http404("No job listing has that address.")
    listing = (
        JobListing.objects.select_related("company", "career", "job_source")
        .prefetch_related(listing_skills_prefetch())
        .filter(pk=pk)
        .first()
    )
    if listing is None or not listing.was_published():
        raise Http404("No job listing has that address.")
    return listing


# Below this many open listings, shares say little: the guide says so instead.
DEMAND_MIN_LISTINGS = 5
DEMAND_TOP_SKILLS = 12


def skills_in_demand(career: Career, *, limit: int = DEMAND_TOP_SKILLS) -> list[dict]:
    """The skills the career's open listings ask for most, as {"skill_id", "name", "slug",
    "asking"} (how many listings ask for it), most asked first (one query)."""
    rows = (
        ListingSkill.objects.filter(listing__in=JobListing.objects.live().filter(career=career))
        .values("skill_id", "skill__name", "skill__slug")
        .annotate(asking=Count("listing_id", distinct=True))
        .order_by("-asking", "skill__name")[:limit]
    )
    return [
        {
            "skill_id": r["skill_id"],
            "name": r["skill__name"],
            "slug": r["skill__slug"],
            "asking": r["asking"],
        }
        for r in rows
    ]


def open_jobs_context(career: Career) -> dict:
    """The guide page's call to action to the career's open jobs (includes/jobs_link.html)
    and what those jobs ask for (one query, and one more with enough listings to count)."""
    count = open_listing_count(career)
    return {
        "open_job_count": count,
        "demand_min_listings": DEMAND_MIN_LISTINGS,
        "skills_in_demand": skills_in_demand(career) if count >= DEMAND_MIN_LISTINGS else [],
    }


def next_listing_change(at: datetime.datetime) -> datetime.datetime | None:
    """A listing goes live, comes down, or expires when its valid-through day is over."""
    today = timezone.localdate(at)
    moments = publish_window_moments(
        JobListing, at=at, last_day=Min("valid_through", filter=Q(valid_through__gte=today))
    )
    last_day = moments.pop("last_day")
    if last_day is not None:
        day_after = last_day + datetime.timedelta(days=1)
        moments["expires"] = timezone.make_aware(
            datetime.datetime.combine(day_after, datetime.time())
        )
    return min((m for m in moments.values() if m is not None), default=None)

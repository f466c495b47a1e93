"""What site search finds of jobs: live listings, by title, company, place and description."""

from django.db.models import QuerySet

from careers.core.search import SearchKind, join_text, plain_text
from jobs.models import JobListing


class ListingSearch(SearchKind):
    key = "jobs"
    label = "Jobs"
    model = JobListing

    def queryset(self) -> QuerySet[JobListing]:
        return JobListing.objects.live().select_related("company")

    def meta(self, listing: JobListing) -> str:
        parts = [listing.company.name, listing.location_display]
        return " · ".join(part for part in parts if part)

    def index_queryset(self, listings: QuerySet[JobListing]) -> QuerySet[JobListing]:
        return listings.select_related("company")

    def text(self, listing: JobListing) -> str:
        """What site search reads of a listing besides its title: company, place, description."""
        return join_text(
            listing.company.name, listing.location_display, plain_text(listing.description_html)
        )


listing_search = ListingSearch()

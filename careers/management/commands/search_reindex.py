from django.core.management.base import BaseCommand
from django.db import transaction

from flashcards.models import Card
from flashcards.services import cards_search_index
from guides.models import Guide
from guides.services import guides_search_index
from jobs.models import JobListing
from jobs.services import jobs_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the site-search index of every guide, interview card and job listing: "
        "the stored plain text, and on PostgreSQL the weighted search vector. "
        "Run it after restoring a backup or after changing content outside the admin."
    )

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            guides = guides_search_index(guides=Guide.objects.all())
            cards = cards_search_index(cards=Card.objects.all())
            listings = jobs_search_index(listings=JobListing.objects.all())
        self.stdout.write(
            f"Search index rebuilt: {guides} guides, {cards} cards, {listings} job listings."
        )

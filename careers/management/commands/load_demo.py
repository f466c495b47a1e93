from django.core.management.base import BaseCommand

from careers.cache import content_changed
from careers.demo import demo_load
from flashcards.demo import decks_load_demo
from jobs.demo import jobs_load_demo


class Command(BaseCommand):
    help = (
        "Load seven complete, published demo guides with their careers and certifications, "
        "an interview deck for each career, and demo job listings. "
        "Safe to run again: anything that already exists is left exactly as it is."
    )

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(demo_load().summary())
        decks = decks_load_demo()
        created, skipped = decks["created"], decks["skipped"]
        self.stdout.write(f"Demo decks: created {created}, skipped {skipped} that already exist.")
        self.stdout.write(f"Demo jobs: created {jobs_load_demo()} listings.")
        content_changed()

from django.core.management.base import BaseCommand

from careers.site.demo import demo_load


class Command(BaseCommand):
    help = (
        "Load the demo content: careers, seven complete published guides with their "
        "certifications, an interview deck for each career, and job listings. "
        "Safe to run again: anything that already exists is left exactly as it is."
    )

    def handle(self, *args: object, **options: object) -> None:
        for result in demo_load().results:
            self.stdout.write(result.summary())

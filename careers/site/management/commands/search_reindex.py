from django.core.management.base import BaseCommand
from django.db import transaction

from careers.core.plugins import search_kinds


class Command(BaseCommand):
    help = (
        "Rebuild the site-search index of everything search covers (guides, interview "
        "cards, job listings): the stored plain text, and on PostgreSQL the weighted "
        "search vector. Run it after restoring a backup or after changing content outside "
        "the admin."
    )

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            counts = [
                f"{kind.index(kind.model.objects.all())} {kind.model._meta.verbose_name_plural}"
                for kind in search_kinds()
            ]
        self.stdout.write(f"Search index rebuilt: {', '.join(counts)}.")

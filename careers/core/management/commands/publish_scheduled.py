from django.contrib import admin
from django.core.management.base import BaseCommand

from careers.core.moderation import scheduled_changes_apply


def _applied_hook(model):
    """What the model's admin refreshes when a change goes live (search index, redirects)."""
    model_admin = admin.site._registry.get(model)
    return getattr(model_admin, "moderation_applied", None)


class Command(BaseCommand):
    help = (
        "Make live the changes publishers approved for a time that has come. Run it from "
        "cron every minute, on every app server if you like: each change goes live once."
    )

    def handle(self, *args, **options):
        applied, refused = scheduled_changes_apply(applied_for=_applied_hook)
        for change in applied:
            self.stdout.write(f"Live: {change}.")
        for change, problem in refused:
            self.stderr.write(f"Not live, back in the review queue: {change}: {problem}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(applied)} change(s) went live, {len(refused)} could not.")
        )

"""The portable backup path (README, "Backups") round-trips the whole site's content."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from careers.site.demo import demo_load

CONTENT_APPS = ["careers", "guides", "flashcards", "jobs"]
# The command the README gives, as arguments. XML keeps timestamps to the
# microsecond; JSON would round them to milliseconds.
DUMP_OPTIONS = {"format": "xml", "natural_foreign": True}


def snapshot() -> dict:
    """Every row of every content model, as plain values."""
    return {
        model._meta.label: sorted(
            (tuple(sorted(row.items())) for row in model.objects.values()), key=repr
        )
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db(transaction=True)
def test_dump_wipe_and_restore_gives_back_every_object(tmp_path):
    demo_load()
    before = snapshot()
    assert sum(len(rows) for rows in before.values()) > 400

    backup = tmp_path / "site.xml"
    call_command("dumpdata", *CONTENT_APPS, output=str(backup), **DUMP_OPTIONS)
    call_command("flush", interactive=False, verbosity=0)
    assert sum(len(rows) for rows in snapshot().values()) == 0

    call_command("loaddata", str(backup), stdout=io.StringIO())
    assert snapshot() == before

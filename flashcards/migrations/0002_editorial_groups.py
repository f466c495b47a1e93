from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    editorial_permissions_grant(
        apps,
        app_label="flashcards",
        items=["deck"],
        parts=["card"],
        publish=["publish_deck"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("flashcards", "0001_initial"),
        ("careers", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

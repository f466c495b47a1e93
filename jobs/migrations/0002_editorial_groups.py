from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    # Importing a feed publishes listings directly, so only publishers may.
    editorial_permissions_grant(
        apps,
        app_label="jobs",
        items=["company", "joblisting"],
        publish=["publish_joblisting", "import_joblistings"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("careers", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

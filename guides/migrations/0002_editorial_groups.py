from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    editorial_permissions_grant(
        apps,
        app_label="guides",
        items=["guide", "certification"],
        parts=["roadmapstep", "skill", "path", "guidecertification", "faq", "relatedguide"],
        publish=["publish_guide"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
        ("careers", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

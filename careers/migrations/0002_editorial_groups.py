from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    editorial_permissions_grant(
        apps,
        app_label="careers",
        items=["category", "career"],
        parts=["salaryfigure"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

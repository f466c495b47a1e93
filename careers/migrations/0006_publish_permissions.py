from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    # Publishers approve editors' changes to what readers see (careers.core.moderation).
    editorial_permissions_grant(
        apps,
        app_label="careers",
        items=["category", "career"],
        parts=["salaryfigure"],
        publish=["publish_category", "publish_career"],
    )


class Migration(migrations.Migration):

    dependencies = [
        ('careers', '0005_edit_version'),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='career',
            options={'ordering': ['name'], 'permissions': [('publish_career', 'Can approve changes to careers')]},
        ),
        migrations.AlterModelOptions(
            name='category',
            options={'ordering': ['position', 'name'], 'permissions': [('publish_category', 'Can approve changes to categories')], 'verbose_name_plural': 'categories'},
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]

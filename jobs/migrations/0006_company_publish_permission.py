from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    # Publishers approve editors' changes to what readers see (careers.core.moderation).
    editorial_permissions_grant(
        apps,
        app_label="jobs",
        items=["company", "joblisting"],
        publish=["publish_joblisting", "import_joblistings", "publish_company"],
    )


class Migration(migrations.Migration):

    dependencies = [
        ('jobs', '0005_edit_version'),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='company',
            options={'ordering': ['name'], 'permissions': [('publish_company', 'Can approve changes to companies')], 'verbose_name_plural': 'companies'},
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]

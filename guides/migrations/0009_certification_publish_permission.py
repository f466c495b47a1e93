from django.db import migrations

from careers.core.roles import editorial_permissions_grant


def grant(apps, schema_editor):
    # Publishers approve editors' changes to what readers see (careers.core.moderation).
    editorial_permissions_grant(
        apps,
        app_label="guides",
        items=["guide", "certification"],
        parts=["roadmapstep", "skill", "path", "guidecertification", "faq", "relatedguide"],
        publish=["publish_guide", "publish_certification"],
    )


class Migration(migrations.Migration):

    dependencies = [
        ('guides', '0008_edit_version'),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='certification',
            options={'ordering': ['name'], 'permissions': [('publish_certification', 'Can approve changes to certifications')]},
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]

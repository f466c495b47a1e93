"""Guides' free-text skills become links to the hub's skills (careers.Skill).

Every name becomes a skill (names that differ only in case merge into one); a
closing "(…)" such as "Python (expert)" becomes the link's note, so no word is
lost. The migration prints what it merged.
"""

from django.db import migrations, models
import django.db.models.deletion

from careers.core.roles import editorial_permissions_grant
from careers.skills import SkillsFromText


def skills_from_names(apps, schema_editor):
    GuideSkill = apps.get_model("guides", "GuideSkill")
    skills = SkillsFromText(apps.get_model("careers", "Skill"))
    for link in GuideSkill.objects.select_related("guide").order_by("pk"):
        link.skill, link.note = skills.skill(link.name, where=f"guide “{link.guide.title}”")
        link.save(update_fields=["skill", "note"])
    for line in skills.report():
        print(f"\n  Guide skills: {line}", end="")


def grant(apps, schema_editor):
    # A guide's skill links are parts of the guide, as its old skill rows were.
    editorial_permissions_grant(apps, app_label="guides", items=[], parts=["guideskill"])


def names_from_skills(apps, schema_editor):
    GuideSkill = apps.get_model("guides", "GuideSkill")
    for link in GuideSkill.objects.select_related("skill"):
        link.name = f"{link.skill.name} ({link.note})" if link.note else link.skill.name
        link.save(update_fields=["name"])


class Migration(migrations.Migration):

    dependencies = [
        ("careers", "0007_skills"),
        ("guides", "0009_certification_publish_permission"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="skill", name="guides_skill_unique_per_guide"),
        migrations.RenameModel(old_name="Skill", new_name="GuideSkill"),
        migrations.AddField(
            model_name="guideskill",
            name="skill",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="guide_links",
                to="careers.skill",
            ),
        ),
        migrations.AddField(
            model_name="guideskill",
            name="note",
            field=models.CharField(
                blank=True,
                help_text="Shown after the name, e.g. “expert” or “basics”.",
                max_length=80,
            ),
        ),
        migrations.RunPython(skills_from_names, names_from_skills),
        migrations.RemoveField(model_name="guideskill", name="name"),
        migrations.AlterField(
            model_name="guideskill",
            name="skill",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="guide_links",
                to="careers.skill",
            ),
        ),
        migrations.AlterField(
            model_name="guideskill",
            name="kind",
            field=models.CharField(
                choices=[("technical", "Technical"), ("soft", "Soft")],
                default="technical",
                help_text="The list it appears in on the guide page.",
                max_length=10,
            ),
        ),
        migrations.AlterModelOptions(
            name="guideskill", options={"ordering": ["position", "id"], "verbose_name": "skill"}
        ),
        migrations.AddConstraint(
            model_name="guideskill",
            constraint=models.UniqueConstraint(
                fields=("guide", "kind", "skill"), name="guides_guideskill_unique_per_guide"
            ),
        ),
        migrations.AddField(
            model_name="roadmapstep",
            name="skills",
            field=models.ManyToManyField(
                blank=True,
                help_text="The skills this step teaches.",
                related_name="roadmap_steps",
                to="careers.skill",
            ),
        ),
        migrations.AddField(
            model_name="certification",
            name="skills",
            field=models.ManyToManyField(
                blank=True,
                help_text="What the exam covers.",
                related_name="certifications",
                to="careers.skill",
            ),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]

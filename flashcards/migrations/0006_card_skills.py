"""Cards' comma-separated tags become links to the hub's skills (careers.Skill).

Every tag becomes a skill, or joins the one of the same name in any case (the
guides' migration may have made it already); the migration prints what merged.
"""

from django.db import migrations, models

from careers.skills import SkillsFromText


def skills_from_tags(apps, schema_editor):
    Card = apps.get_model("flashcards", "Card")
    skills = SkillsFromText(apps.get_model("careers", "Skill"))
    for card in Card.objects.exclude(tags="").order_by("pk"):
        for tag in card.tags.split(","):
            if tag.strip():
                skill, _ = skills.skill(tag, where=f"card {card.pk}", with_note=False)
                card.skills.add(skill)
    for line in skills.report():
        print(f"\n  Card tags: {line}", end="")


def tags_from_skills(apps, schema_editor):
    Card = apps.get_model("flashcards", "Card")
    for card in Card.objects.prefetch_related("skills"):
        card.tags = ", ".join(skill.name for skill in card.skills.all())[:200]
        card.save(update_fields=["tags"])


class Migration(migrations.Migration):

    dependencies = [
        ("careers", "0007_skills"),
        ("guides", "0010_skills"),  # guides' names first, so that cards' tags join them
        ("flashcards", "0005_edit_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="card",
            name="skills",
            field=models.ManyToManyField(
                blank=True,
                help_text="The skills this card practises.",
                related_name="cards",
                to="careers.skill",
            ),
        ),
        migrations.RunPython(skills_from_tags, tags_from_skills),
        migrations.RemoveField(model_name="card", name="tags"),
    ]

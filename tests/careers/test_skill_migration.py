"""The data migration from free text to skills: a guide's typed skills and a card's tags
become skills of the hub without losing a word; names that differ only in case merge."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("careers", "0006_publish_permissions"),
    ("guides", "0009_certification_publish_permission"),
    ("flashcards", "0005_edit_version"),
    ("jobs", "0006_company_publish_permission"),
]
AFTER = [("guides", "0010_skills"), ("flashcards", "0006_card_skills")]
DAY = datetime.date(2026, 1, 1)


@pytest.mark.django_db(transaction=True)
def test_free_text_skills_and_tags_become_skills(capsys):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    category = old.get_model("careers", "Category").objects.create(name="Data", slug="data")
    career = old.get_model("careers", "Career").objects.create(
        name="Data Scientist", slug="data-scientist", category=category, description="d",
        salary_low=1, salary_high=2, salary_source_name="s", salary_as_of=DAY,
        outlook_growth_percent=1, outlook_horizon_year=2033, outlook_label="l",
        outlook_text="t", outlook_source_name="s", outlook_as_of=DAY,
    )  # fmt: skip
    guide = old.get_model("guides", "Guide").objects.create(
        career=career, edition_year=2026, title="How to", slug="how-to", intro="i"
    )
    OldSkill = old.get_model("guides", "Skill")
    for position, (kind, name) in enumerate(
        [
            ("technical", "Python (expert)"),
            ("technical", "SQL  +  cloud data"),
            ("soft", "python"),
            ("soft", "Clear writing"),
        ]
    ):
        OldSkill.objects.create(guide=guide, kind=kind, name=name, position=position)
    deck = old.get_model("flashcards", "Deck").objects.create(
        career=career, title="Deck", slug="deck", description="d"
    )
    Card = old.get_model("flashcards", "Card")
    Card.objects.create(deck=deck, position=1, question="Q1?", answer="A", tags="PYTHON, stats")
    Card.objects.create(deck=deck, position=2, question="Q2?", answer="A", tags="")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Skill = new.get_model("careers", "Skill")
    links = new.get_model("guides", "GuideSkill").objects.order_by("position")
    assert [(link.kind, link.skill.name, link.note) for link in links] == [
        ("technical", "Python", "expert"),
        ("technical", "SQL + cloud data", ""),
        ("soft", "Python", ""),
        ("soft", "Clear writing", ""),
    ]
    assert sorted(Skill.objects.values_list("name", flat=True)) == [
        "Clear writing", "Python", "SQL + cloud data", "stats",
    ]  # fmt: skip
    cards = new.get_model("flashcards", "Card").objects.order_by("position")
    assert [sorted(s.name for s in card.skills.all()) for card in cards] == [
        ["Python", "stats"],
        [],
    ]
    printed = capsys.readouterr().out
    assert "Python: merged “Python (expert)”" in printed
    assert "“PYTHON” (card" in printed

    call_command("migrate", verbosity=0)  # leave the database as the other tests expect it

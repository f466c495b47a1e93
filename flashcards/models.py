"""Interview flashcard decks: one per career, practised card by card."""

from django.db import models
from django.urls import reverse

from careers.core.editing import EditVersioned
from careers.core.markdown import render_markdown
from careers.core.publishing import Publishable, PublishRules
from careers.core.search import Searchable
from careers.models import Career, Skill


class Deck(Publishable):
    """ "Machine Learning Interview Questions": the interview cards of one career."""

    career = models.ForeignKey(Career, on_delete=models.PROTECT, related_name="decks")
    title = models.CharField(
        max_length=160, help_text="E.g. “Machine Learning Interview Questions”."
    )
    slug = models.SlugField(max_length=160, unique=True)
    description = models.CharField(
        max_length=300,
        help_text="One or two sentences for the deck list, search results and link previews.",
    )

    publish_rules = PublishRules(
        parts={"cards": "add at least one card"},
        fields={"description": "write a description"},
    )

    class Meta(Publishable.Meta):
        ordering = ["title"]
        permissions = [("publish_deck", "Can publish, unpublish and schedule decks")]
        constraints = [
            *Publishable.Meta.constraints,
            # The guide page previews "its career's deck": one deck per career keeps that
            # unambiguous.
            models.UniqueConstraint(fields=["career"], name="flashcards_deck_one_per_career"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("flashcards:detail", kwargs={"slug": self.slug})


class Card(EditVersioned, Searchable):
    """One interview question with its answer, in the deck's order."""

    class Difficulty(models.TextChoices):
        BEGINNER = "beginner", "Beginner"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"

    deck = models.ForeignKey(Deck, on_delete=models.CASCADE, related_name="cards")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Cards are shown in this order; the first three preview the deck."
    )
    question = models.CharField(max_length=300)
    answer = models.TextField(help_text="Markdown: links, emphasis, lists, code.")
    answer_html = models.TextField(editable=False, default="")
    difficulty = models.CharField(
        max_length=12, choices=Difficulty.choices, default=Difficulty.INTERMEDIATE
    )
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="cards", help_text="The skills this card practises."
    )

    class Meta:
        ordering = ["position", "id"]
        indexes = Searchable.Meta.indexes
        constraints = [
            # Deferred, so that a drag-and-drop reorder can swap positions within one
            # transaction. SQLite cannot defer and so skips it (see settings).
            models.UniqueConstraint(
                fields=["deck", "position"],
                name="flashcards_card_one_per_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.UniqueConstraint(
                fields=["deck", "question"], name="flashcards_card_unique_question"
            ),
        ]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.deck.get_absolute_url()}#card-{self.pk}"

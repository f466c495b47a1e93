"""A career guide and its ordered parts, as the guide page shows them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from careers.core.editing import EditVersioned
from careers.core.fields import WebAddressField
from careers.core.formatting import format_money, format_money_range, format_range
from careers.core.markdown import render_markdown
from careers.core.publishing import Publishable, PublishRules
from careers.core.search import Searchable
from careers.models import Career, Period, Skill


class DurationUnit(models.TextChoices):
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    YEARS = "years", "years"


WEEKS_PER_UNIT = {DurationUnit.WEEKS: 1, DurationUnit.MONTHS: 4.345, DurationUnit.YEARS: 52.14}


class DurationRange(models.Model):
    """A duration as numbers with a unit, so it can be summed and shown as "2–3 months"."""

    duration_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Shortest time, e.g. 2 (for 2–3 months)."
    )
    duration_max = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Longest time, e.g. 3. Leave empty if it is one figure."
    )
    duration_unit = models.CharField(
        max_length=8, choices=DurationUnit.choices, default=DurationUnit.MONTHS
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_max__isnull=True)
                | Q(duration_min__isnull=False, duration_min__lte=F("duration_max")),
                name="%(app_label)s_%(class)s_duration_ordered",
            ),
        ]

    def clean(self):
        super().clean()
        if self.duration_max is not None:
            if self.duration_min is None:
                raise ValidationError({"duration_min": "Give the shortest time as well."})
            if self.duration_min > self.duration_max:
                raise ValidationError(
                    {"duration_max": "The longest time must not be shorter than the shortest."}
                )

    @property
    def duration_weeks(self) -> tuple[str, str]:
        """(shortest, longest) in weeks as text for the page's data attributes ("", "" without
        a time), so the reader's plan can add durations given in different units."""
        if self.duration_min is None:
            return "", ""
        per = WEEKS_PER_UNIT[DurationUnit(self.duration_unit)]
        high = self.duration_min if self.duration_max is None else self.duration_max
        return f"{self.duration_min * per:g}", f"{high * per:g}"

    @property
    def duration_display(self) -> str:
        unit = DurationUnit(self.duration_unit)
        return format_range(self.duration_min, self.duration_max, unit.label[:-1], unit.label)


# A part-time learner's week, which the demo guides' step durations are written for.
DEFAULT_WEEKLY_HOURS = 10

# Addresses under /guides/ that belong to other pages.
RESERVED_SLUGS = {"feed"}


class Guide(Publishable, Searchable):
    """ "How to Become a Machine Learning Engineer (2026 Guide)": one per career and year."""

    career = models.ForeignKey(Career, on_delete=models.PROTECT, related_name="guides")
    edition_year = models.PositiveSmallIntegerField(
        help_text="The year this edition is written for; shown as “(2026 Guide)”."
    )
    title = models.CharField(
        max_length=160, help_text="Without the year, e.g. “How to Become a Data Engineer”."
    )
    slug = models.SlugField(max_length=160, unique=True)
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text="The page title in search results and link previews (up to 70 chars). "
        "Empty uses the guide's full title.",
    )
    meta_description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for search results and link previews (up to 300 chars).",
    )
    intro = models.TextField(help_text="What the role does. Markdown: links, emphasis, lists.")
    intro_html = models.TextField(editable=False, default="")
    prerequisite_note = models.TextField(
        blank=True,
        help_text="What a reader should have before starting, shown above the roadmap. Markdown.",
    )
    prerequisite_note_html = models.TextField(editable=False, default="")
    weekly_hours = models.PositiveSmallIntegerField(
        default=DEFAULT_WEEKLY_HOURS,
        validators=[MinValueValidator(1), MaxValueValidator(80)],
        help_text="The hours a week of study the steps' durations assume (1–80). Readers see it "
        "on the page and work out their own finish date from it.",
    )

    publish_rules = PublishRules(
        parts={"steps": "add at least one roadmap step"},
        fields={"meta_description": "write a meta description"},
    )

    class Meta(Publishable.Meta):
        ordering = ["title"]
        permissions = [("publish_guide", "Can publish, unpublish and schedule guides")]
        indexes = Searchable.Meta.indexes
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["career", "edition_year"], name="guides_guide_one_per_career_and_year"
            ),
        ]

    def __str__(self):
        return self.full_title

    def get_absolute_url(self):
        return reverse("guides:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.intro_html = render_markdown(self.intro)
        self.prerequisite_note_html = render_markdown(self.prerequisite_note)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"“{self.slug}” is taken by another page of the site; choose another."}
            )

    def publish_blockers(self) -> list[str]:
        career = self.career if self.career_id else None
        if career is None or career.has_figures:
            return []
        return [f"give its career, {career.name}, its typical pay and job outlook"]

    @property
    def full_title(self) -> str:
        return f"{self.title} ({self.edition_year} Guide)"


class RoadmapStep(DurationRange):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=160)
    duration_label = models.CharField(
        max_length=40,
        blank=True,
        help_text="Shown instead of a duration, e.g. “Prereq”. Leave empty to show the duration.",
    )
    description = models.TextField(help_text="Markdown: links, emphasis, lists.")
    description_html = models.TextField(editable=False, default="")
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="roadmap_steps", help_text="The skills this step teaches."
    )

    class Meta(DurationRange.Meta):
        ordering = ["position", "id"]
        constraints = [
            *DurationRange.Meta.constraints,
            # Deferred, so that a reorder (or a revert) can swap positions within
            # one transaction. SQLite cannot defer and so skips it (see settings).
            models.UniqueConstraint(
                fields=["guide", "position"],
                name="guides_roadmapstep_one_per_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.guide.get_absolute_url() + "#roadmap"

    def clean(self):
        super().clean()
        if not self.duration_label and self.duration_min is None:
            raise ValidationError(
                {"duration_min": "Give a duration, or a label such as “Prereq” instead."}
            )

    @property
    def badge(self) -> str:
        return self.duration_label or self.duration_display


class GuideSkill(models.Model):
    """A skill the guide teaches, in its technical or soft list, in the editor's order."""

    class Kind(models.TextChoices):
        TECHNICAL = "technical", "Technical"
        SOFT = "soft", "Soft"

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="skills")
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.TECHNICAL,
        help_text="The list it appears in on the guide page.",
    )
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="guide_links")
    note = models.CharField(
        max_length=80, blank=True, help_text="Shown after the name, e.g. “expert” or “basics”."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "skill"
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "kind", "skill"], name="guides_guideskill_unique_per_guide"
            ),
        ]

    def __str__(self):
        return f"{self.skill} ({self.note})" if self.note else str(self.skill)

    def get_absolute_url(self):
        return self.guide.get_absolute_url() + "#skills"


class Path(DurationRange):
    """One way in ("SWE → MLE transition") for the "How long does it take?" table."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="paths")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=120)
    cost_min = models.PositiveIntegerField(help_text="Whole currency units, e.g. 200.")
    cost_max = models.PositiveIntegerField(
        null=True, blank=True, help_text="Whole currency units, e.g. 1000. Empty for one figure."
    )
    cost_currency = models.CharField(max_length=3, default="USD", help_text="ISO 4217 code.")
    is_typical = models.BooleanField(
        default=False,
        help_text="The usual way in; its duration appears in this guide's summary line.",
    )

    class Meta(DurationRange.Meta):
        ordering = ["position", "id"]
        constraints = [
            *DurationRange.Meta.constraints,
            models.UniqueConstraint(
                fields=["guide"],
                condition=Q(is_typical=True),
                name="guides_path_one_typical_per_guide",
            ),
            models.CheckConstraint(
                condition=Q(cost_max__isnull=True) | Q(cost_min__lte=F("cost_max")),
                name="guides_path_cost_ordered",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.guide.get_absolute_url() + "#how-long"

    def clean(self):
        super().clean()
        if self.duration_min is None:
            raise ValidationError({"duration_min": "Give how long this path takes."})
        if (
            self.cost_max is not None
            and self.cost_min is not None
            and self.cost_min > self.cost_max
        ):
            raise ValidationError({"cost_max": "The highest cost must not be below the lowest."})

    @property
    def cost_display(self) -> str:
        return format_money_range(self.cost_min, self.cost_max, self.cost_currency)


class Certification(EditVersioned, DurationRange):
    """A credential several guides can recommend. The duration is preparation time."""

    class Billing(models.TextChoices):
        ONCE = "once", "one-off"
        MONTH = Period.MONTH.value, "per month"
        YEAR = Period.YEAR.value, "per year"

    name = models.CharField(max_length=160, unique=True)
    provider = models.CharField(max_length=120)
    cost = models.PositiveIntegerField(help_text="Whole currency units, e.g. 300.")
    cost_currency = models.CharField(max_length=3, default="USD", help_text="ISO 4217 code.")
    cost_billing = models.CharField(
        max_length=8,
        choices=Billing.choices,
        default=Billing.ONCE,
        help_text="A subscription shows as “$49/mo”.",
    )
    url = WebAddressField(blank=True, help_text="The provider's page for the certification.")
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="certifications", help_text="What the exam covers."
    )

    class Meta(DurationRange.Meta):
        ordering = ["name"]
        permissions = [("publish_certification", "Can approve changes to certifications")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url or reverse("guides:index")

    @property
    def cost_display(self) -> str:
        suffix = {self.Billing.MONTH: "/mo", self.Billing.YEAR: "/yr"}.get(self.cost_billing, "")
        return format_money(self.cost, self.cost_currency) + suffix


class GuideCertification(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="certifications")
    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="guide_links"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "recommended certification"
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "certification"], name="guides_guidecertification_unique"
            ),
        ]

    def __str__(self):
        return str(self.certification)


class FAQ(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="faqs")
    position = models.PositiveSmallIntegerField(default=0)
    question = models.CharField(max_length=240)
    answer = models.TextField(help_text="Markdown: links, emphasis, lists.")
    answer_html = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.guide.get_absolute_url() + "#faq"


class RelatedGuide(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="linked_from")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "related"], name="guides_relatedguide_unique"),
            models.CheckConstraint(
                condition=~Q(guide=F("related")), name="guides_relatedguide_not_itself"
            ),
        ]

    def __str__(self):
        return f"{self.guide} → {self.related}"

    def clean(self):
        super().clean()
        if self.guide_id and self.guide_id == self.related_id:
            raise ValidationError({"related": "A guide cannot be related to itself."})


class GuideRedirect(EditVersioned):
    """An old address of a guide, so links to it keep working after a slug change."""

    old_slug = models.SlugField(max_length=160, unique=True)
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"/guides/{self.old_slug}/ → {self.guide.get_absolute_url()}"

    def get_absolute_url(self):
        return self.guide.get_absolute_url()


class GuideCard(models.Model):
    """The guide's link-preview image as PNG bytes (guides/og_card.py), drawn when the
    guide changes. Kept in the database so that every app server serves the same card."""

    guide = models.OneToOneField(
        Guide, on_delete=models.CASCADE, primary_key=True, related_name="card"
    )
    digest = models.CharField(
        max_length=16, help_text="Of what the card shows; part of its address."
    )
    png = models.BinaryField()
    drawn_at = models.DateTimeField(auto_now=True)

    # Pages link to the card by a digest of what it shows, never by this row: drawing
    # it (on a reader's first request after a change) is no content change.
    shown_to_readers = False

    class Meta:
        ordering = ["guide"]

    def __str__(self):
        return f"Link-preview card of {self.guide}"

    def get_absolute_url(self):
        return reverse("guides:card", kwargs={"slug": self.guide.slug}) + f"?v={self.digest}"

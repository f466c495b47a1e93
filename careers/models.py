"""The hub of the domain: careers (roles) that guides, decks and jobs point at."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse

from careers.core.editing import EditVersioned
from careers.core.fields import WebAddressField
from careers.core.formatting import format_money_range
from careers.core.markdown import render_markdown
from careers.core.search import Searchable


class Period(models.TextChoices):
    YEAR = "year", "per year"
    MONTH = "month", "per month"
    HOUR = "hour", "per hour"


class Category(EditVersioned):
    """A group of careers on the home page and guide index ("Data & AI")."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Categories are listed in this order."
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        permissions = [("publish_category", "Can approve changes to categories")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("guides:index") + f"#{self.slug}"


class SourcedRange(models.Model):
    """A low–high money range with the source it comes from and its as-of date."""

    low = models.PositiveIntegerField(help_text="Whole currency units, e.g. 150000.")
    high = models.PositiveIntegerField(help_text="Whole currency units, e.g. 230000.")
    currency = models.CharField(max_length=3, default="USD", help_text="ISO 4217 code.")
    period = models.CharField(max_length=8, choices=Period.choices, default=Period.YEAR)
    source_name = models.CharField(max_length=120, help_text="Who published the figure.")
    source_url = WebAddressField(blank=True, help_text="Where readers can check the figure.")
    as_of = models.DateField(help_text="When the source published or last confirmed it.")

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(low__lte=F("high")), name="%(app_label)s_%(class)s_low_lte_high"
            ),
        ]

    def clean(self):
        super().clean()
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValidationError({"high": "The high figure must not be below the low figure."})

    @property
    def display(self) -> str:
        return format_money_range(self.low, self.high, self.currency)


class Career(EditVersioned):
    """A role ("Machine Learning Engineer") with its headline pay and job outlook."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="careers")
    description = models.CharField(
        max_length=200, help_text="One line on what the role is, shown in lists."
    )
    article = models.CharField(
        max_length=2,
        choices=[("", "Automatic"), ("a", "a"), ("an", "an")],
        blank=True,
        default="",
        help_text="The word before the name, as in “What does an MLOps Engineer do?”. "
        "Automatic follows how the name sounds; choose one only if it reads wrong.",
    )

    # Typical pay: the range every page quotes (the "salary snapshot"); see guides.figures.
    # Pay and outlook may follow after the career is made (from a guide's screen, say), but
    # a guide of the career goes live only once both are in (Guide.publish_blockers).
    salary_low = models.PositiveIntegerField(
        null=True, blank=True, help_text="Typical pay range, low end, e.g. 150000."
    )
    salary_high = models.PositiveIntegerField(
        null=True, blank=True, help_text="Typical pay range, high end, e.g. 230000."
    )
    salary_currency = models.CharField(max_length=3, default="USD", help_text="ISO 4217 code.")
    salary_period = models.CharField(max_length=8, choices=Period.choices, default=Period.YEAR)
    salary_source_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who the range comes from, as the link below names it.",
    )
    salary_source_url = WebAddressField(
        blank=True, help_text="That source's own page for the figure; empty for an estimate."
    )
    salary_as_of = models.DateField(
        null=True, blank=True, help_text="When the salary source published the figure."
    )

    # Job outlook.
    outlook_growth_percent = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Projected employment growth over the horizon, in percent."
    )
    outlook_horizon_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the projection runs to, e.g. 2033."
    )
    outlook_label = models.CharField(
        max_length=80,
        blank=True,
        help_text='How the source rates the growth, e.g. "much faster than average".',
    )
    outlook_text = models.TextField(
        blank=True, help_text="A short paragraph on demand and competition."
    )
    outlook_source_name = models.CharField(max_length=120, blank=True, help_text='E.g. "BLS".')
    outlook_source_url = WebAddressField(blank=True)
    outlook_as_of = models.DateField(
        null=True, blank=True, help_text="When the projection was published."
    )

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        permissions = [("publish_career", "Can approve changes to careers")]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_low__lte=F("salary_high")),
                name="careers_career_salary_low_lte_high",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("careers:salary", kwargs={"slug": self.slug})

    # What the salary snapshot and the job outlook each need, all or nothing.
    SALARY_FIELDS = ("salary_low", "salary_high", "salary_source_name", "salary_as_of")
    OUTLOOK_FIELDS = (
        "outlook_growth_percent",
        "outlook_horizon_year",
        "outlook_label",
        "outlook_text",
        "outlook_source_name",
        "outlook_as_of",
    )

    def clean(self):
        super().clean()
        errors = {}
        for fields, what in ((self.SALARY_FIELDS, "pay"), (self.OUTLOOK_FIELDS, "outlook")):
            given = [name for name in fields if self._given(name)]
            if given and len(given) < len(fields):
                for name in fields:
                    if name not in given:
                        errors[name] = f"Give this too, or leave all of the {what} empty for now."
        if (
            self.salary_low is not None
            and self.salary_high is not None
            and self.salary_low > self.salary_high
        ):
            errors["salary_high"] = (
                "The high end of the salary range must not be below the low end."
            )
        if not errors and self.pk and not self.has_figures and self.guides.live().exists():
            errors["__all__"] = (
                "Its guide is live, and readers see its pay and outlook: keep both filled in."
            )
        if errors:
            raise ValidationError(errors)

    def _given(self, name: str) -> bool:
        value = getattr(self, name)
        return value is not None and str(value).strip() != ""

    @property
    def has_salary(self) -> bool:
        return all(self._given(name) for name in self.SALARY_FIELDS)

    @property
    def has_outlook(self) -> bool:
        return all(self._given(name) for name in self.OUTLOOK_FIELDS)

    @property
    def has_figures(self) -> bool:
        """Pay and outlook both in: what a live guide of the career shows."""
        return self.has_salary and self.has_outlook

    @property
    def salary_display(self) -> str:
        """ "$150K–$230K" """
        return format_money_range(self.salary_low, self.salary_high, self.salary_currency)


class SalaryFigure(SourcedRange):
    """One row of a career's full salary breakdown (by level, region, ...)."""

    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="salary_figures")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(
        max_length=120, help_text='What the range describes, e.g. "Entry level (0–2 years)".'
    )
    note = models.CharField(max_length=240, blank=True)

    class Meta(SourcedRange.Meta):
        ordering = ["career", "position", "id"]

    def __str__(self):
        return f"{self.career}: {self.label}"

    def get_absolute_url(self):
        return self.career.get_absolute_url()


class Skill(EditVersioned, Searchable):
    """Something a career needs and employers ask for ("Python", "Kubernetes", "Communication").

    Guides, roadmap steps, certifications, cards and job listings point at it; its name and
    aliases find it in text (careers.skills).
    """

    class Kind(models.TextChoices):
        TECHNICAL = "technical", "Technical"
        TOOL = "tool", "Tool or platform"
        SOFT = "soft", "Soft"

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.TECHNICAL,
        help_text="For editors: a language or method, a product or platform, or a way of working.",
    )
    category = models.CharField(
        max_length=80,
        blank=True,
        help_text="The heading it is listed under on the skills page, e.g. “Programming "
        "languages”. Empty lists it under “Other skills”.",
    )
    description = models.TextField(
        blank=True, help_text="A few sentences on what it is and why it matters. Markdown."
    )
    description_html = models.TextField(editable=False, default="")
    name_case_sensitive = models.BooleanField(
        default=False,
        help_text="Find the name in text only as written here: “Go” and “R” (so that the verb "
        "“go” is not the language).",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = Searchable.Meta.indexes
        permissions = [
            ("publish_skill", "Can approve changes to skills"),
            ("merge_skill", "Can merge one skill into another"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("skills:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)


class SkillAlias(models.Model):
    """Another way text names a skill: "k8s" for Kubernetes, "sklearn" for scikit-learn."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=80)
    case_sensitive = models.BooleanField(
        default=False, help_text="Match only as written, e.g. “Go” but not “go”."
    )
    whole_word = models.BooleanField(
        default=True,
        help_text="Match only as a word of its own (“SQL” but not inside “NoSQL”). Untick to "
        "match inside longer words too.",
    )

    class Meta:
        ordering = ["skill", "text"]
        verbose_name_plural = "skill aliases"
        constraints = [
            models.UniqueConstraint(fields=["skill", "text"], name="careers_skillalias_unique"),
        ]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.skill.get_absolute_url()


def skill_prefetch(lookup: str) -> Prefetch:
    """Prefetch the skills items link to (a step's, a card's) with what a link shows."""
    return Prefetch(lookup, queryset=Skill.objects.only("name", "slug"))

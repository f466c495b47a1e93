"""Employers and their open job listings, each tied to a career and an outbound apply link."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from careers.core.editing import EditVersioned
from careers.core.fields import WebAddressField
from careers.core.formatting import format_money, format_money_range
from careers.core.markdown import render_markdown, sanitise_posting_html
from careers.core.publishing import Publishable, PublishableQuerySet
from careers.core.search import Searchable
from careers.models import Career, Period, Skill
from jobs.countries import country_name, validate_country_code, validate_country_list

currency_validator = RegexValidator(r"^[A-Z]{3}$", "Use a three-letter ISO 4217 code, e.g. USD.")
# Only web links leave the site from the apply redirect: no ftp:, javascript:, data:.
web_link_validator = URLValidator(schemes=["http", "https"])

# Hours and months to a year, for the minimum-salary filter.
HOURS_PER_YEAR = 2080
MONTHS_PER_YEAR = 12


class Company(EditVersioned):
    """An employer that posts listings."""

    name = models.CharField(max_length=120, unique=True)
    website = WebAddressField(
        validators=[web_link_validator], help_text="The employer's home page."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        permissions = [("publish_company", "Can approve changes to companies")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('jobs:list')}?company={self.pk}"

    @property
    def initial(self) -> str:
        return self.name[:1].upper()


class JobSource(models.Model):
    """An employer's applicant-tracking board (or feed), fetched on a schedule.

    Fetched listings go live without review, so creating, changing and fetching a
    source is a publisher's decision: editors may only look (jobs/migrations).
    """

    class Kind(models.TextChoices):
        GREENHOUSE = "greenhouse", "Greenhouse"
        LEVER = "lever", "Lever"
        ASHBY = "ashby", "Ashby"
        JOBPOSTING = "jobposting", "schema.org JobPosting pages"
        JSON = "json", "JSON feed"
        CSV = "csv", "CSV feed"

    class Outcome(models.TextChoices):
        NEVER = "", "Not fetched yet"
        OK = "ok", "Fetched"
        NOT_MODIFIED = "not_modified", "Unchanged since last fetch"
        FAILED = "failed", "Failed"

    name = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Short name, e.g. acme-greenhouse; its listings carry it as their source.",
    )
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="sources")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    identifier = models.TextField(
        help_text="Greenhouse: the board token. Lever: the company slug. Ashby: the job board "
        "name. JobPosting: the job pages' addresses, one a line, or a sitemap's address. "
        "JSON/CSV: the feed's address."
    )
    default_career = models.ForeignKey(
        Career,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The career of a posting no title rule matches; empty: such postings are "
        "skipped (and counted).",
    )
    title_rules = models.TextField(
        blank=True,
        help_text="One rule a line, first match wins: “machine learning => "
        "machine-learning-engineer” (a posting whose title contains the words gets that "
        "career).",
    )
    active = models.BooleanField(
        default=False, help_text="Fetched on schedule; paused sources are left alone."
    )
    interval_minutes = models.PositiveIntegerField(
        default=60, help_text="How often to fetch, in minutes."
    )
    # The record of the last fetch: written by the fetch, shown read-only.
    last_fetched_at = models.DateTimeField(null=True, blank=True, editable=False)
    outcome = models.CharField(
        max_length=12, choices=Outcome.choices, default=Outcome.NEVER, editable=False
    )
    counts = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="new, updated, unchanged, expired and skipped at the last fetch.",
    )
    skipped = models.JSONField(
        default=list, blank=True, editable=False, help_text="Postings skipped, with why."
    )
    last_error = models.TextField(blank=True, editable=False)
    next_due_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)

    # Written by the fetch only; a publisher's save of the settings never puts back
    # the record it read when the form opened.
    RECORD_FIELDS = (
        "last_fetched_at",
        "outcome",
        "counts",
        "skipped",
        "last_error",
        "next_due_at",
        "etag",
        "last_modified",
    )

    # No page shows a fetch's record: a fetch, or a claim, leaves readers' pages cached.
    unseen_by_readers = RECORD_FIELDS

    class Meta:
        ordering = ["name"]
        permissions = [("fetch_jobsource", "Can fetch a job source now")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('jobs:list')}?company={self.company_id}"

    def clean(self):
        super().clean()
        try:
            rules = self.career_rules()
        except ValueError as error:
            raise ValidationError({"title_rules": str(error)}) from None
        slugs = {slug for _, slug in rules}
        known = set(Career.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        if slugs - known:
            raise ValidationError(
                {"title_rules": f"No career with the slug {sorted(slugs - known)[0]!r}."}
            )

    def career_rules(self) -> list[tuple[str, str]]:
        """[(words, career slug)] in order, from `title_rules`."""
        rules = []
        for number, line in enumerate(self.title_rules.splitlines(), start=1):
            if not line.strip():
                continue
            words, arrow, slug = line.partition("=>")
            if not arrow or not words.strip() or not slug.strip():
                raise ValueError(f"Rule {number} should read “words => career-slug”.")
            rules.append((words.strip().lower(), slug.strip()))
        return rules

    @property
    def is_due(self) -> bool:
        return self.active and (self.next_due_at is None or self.next_due_at <= timezone.now())


class JobListingQuerySet(PublishableQuerySet):
    def live(self, *, at=None):
        """Published, inside its publish window, and not past its valid-through date."""
        at = at or timezone.now()
        return (
            super()
            .live(at=at)
            .filter(valid_through__gte=timezone.localdate(at))
            .exclude(status=JobListing.Status.EXPIRED)
        )

    def with_yearly_salary(self):
        """`yearly_salary_min`: the low end of the pay range as a yearly figure."""
        return self.annotate(
            yearly_salary_min=Case(
                When(salary_period=Period.HOUR, then=F("salary_min") * HOURS_PER_YEAR),
                When(salary_period=Period.MONTH, then=F("salary_min") * MONTHS_PER_YEAR),
                default=F("salary_min"),
                output_field=models.BigIntegerField(),
            )
        )


class JobListing(Publishable, Searchable):
    """One open position at a company, for one career, with the link to apply."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        EXPIRED = "expired", "Expired"

    class WorkplaceType(models.TextChoices):
        ON_SITE = "on_site", "On-site"
        HYBRID = "hybrid", "Hybrid"
        REMOTE = "remote", "Remote"

    class EmploymentType(models.TextChoices):
        # Values are schema.org/Google employmentType names, lower-cased.
        FULL_TIME = "full_time", "Full-time"
        PART_TIME = "part_time", "Part-time"
        CONTRACTOR = "contractor", "Contract"
        TEMPORARY = "temporary", "Temporary"
        INTERN = "intern", "Internship"

    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Expired listings stay in the database but answer “gone” to readers.",
    )
    title = models.CharField(max_length=160, help_text="The job title as the employer gives it.")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="listings")
    career = models.ForeignKey(
        Career,
        on_delete=models.PROTECT,
        related_name="job_listings",
        help_text="The role whose guide links to this listing.",
    )
    city = models.CharField(max_length=100, blank=True)
    region = models.CharField(
        max_length=100, blank=True, help_text="State, province or region; optional."
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text="Where the office is: ISO 3166-1 code, e.g. US. Optional for remote jobs.",
    )
    workplace_type = models.CharField(
        max_length=8, choices=WorkplaceType.choices, default=WorkplaceType.ON_SITE
    )
    remote_countries = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_country_list],
        help_text="Remote jobs only: the countries applicants may live in, e.g. US,CA.",
    )
    employment_type = models.CharField(
        max_length=12, choices=EmploymentType.choices, default=EmploymentType.FULL_TIME
    )
    salary_min = models.PositiveIntegerField(
        null=True, blank=True, help_text="Whole currency units, e.g. 150000. Empty if not stated."
    )
    salary_max = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Whole currency units. The same as the minimum for a single figure.",
    )
    salary_currency = models.CharField(
        max_length=3, default="USD", validators=[currency_validator], help_text="ISO 4217 code."
    )
    salary_period = models.CharField(max_length=8, choices=Period.choices, default=Period.YEAR)
    description = models.TextField(help_text="Markdown: paragraphs, links, emphasis, lists.")
    description_html = models.TextField(editable=False, default="")
    apply_url = WebAddressField(
        max_length=500,
        validators=[web_link_validator],
        help_text="The employer's page for applying (http or https only).",
    )
    source = models.CharField(
        max_length=60,
        blank=True,
        help_text="The feed this listing was imported from; empty for listings typed in here.",
    )
    external_id = models.CharField(
        max_length=120, blank=True, help_text="The listing's id in its source feed."
    )
    feed_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="A digest of the feed row this listing was last written from; any other "
        "save clears it, so the next import compares the row in full again.",
    )
    job_source = models.ForeignKey(
        JobSource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="listings",
        help_text="The employer's board this listing was fetched from, if any.",
    )
    description_format = models.CharField(
        max_length=8,
        choices=[("markdown", "Markdown"), ("html", "HTML from the employer's board")],
        default="markdown",
        editable=False,
    )
    confirmed_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The last day the listing was seen open on its board.",
    )
    posted_on = models.DateField(default=timezone.localdate)
    valid_through = models.DateField(
        help_text="The last day the listing is open; after it, the listing expires by itself."
    )
    click_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="How many times readers followed the apply link."
    )

    objects = JobListingQuerySet.as_manager()

    # A reader's apply click is not a content change: it must not empty the page cache.
    unseen_by_readers = ("click_count", "feed_digest")

    class Meta(Publishable.Meta):
        ordering = ["-posted_on", "-id"]
        permissions = [
            ("publish_joblisting", "Can publish, unpublish and schedule job listings"),
            ("import_joblistings", "Can import job listings from a feed"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True, salary_max__isnull=True)
                | Q(
                    salary_min__isnull=False,
                    salary_max__isnull=False,
                    salary_min__lte=F("salary_max"),
                ),
                name="jobs_joblisting_salary_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(valid_through__gt=F("posted_on")),
                name="jobs_joblisting_valid_through_after_posted",
            ),
            models.CheckConstraint(
                condition=Q(workplace_type="remote") | (~Q(city="") & ~Q(country="")),
                name="jobs_joblisting_office_has_city_and_country",
            ),
            models.CheckConstraint(
                condition=~Q(workplace_type="remote") | ~Q(remote_countries=""),
                name="jobs_joblisting_remote_has_countries",
            ),
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~Q(external_id=""),
                name="jobs_joblisting_unique_source_external_id",
            ),
        ]
        indexes = [
            models.Index(fields=["-posted_on", "-id"], name="jobs_listing_newest"),
            models.Index(fields=["career", "-posted_on"], name="jobs_listing_career_newest"),
            models.Index(fields=["status", "valid_through"], name="jobs_listing_live"),
            models.Index(fields=["workplace_type"], name="jobs_listing_workplace"),
            models.Index(fields=["employment_type"], name="jobs_listing_employment"),
            models.Index(fields=["salary_min"], name="jobs_listing_salary_min"),
            *Searchable.Meta.indexes,
        ]

    def __str__(self):
        return f"{self.title} at {self.company}" if self.company_id else self.title

    def get_absolute_url(self):
        return reverse("jobs:detail", kwargs={"pk": self.pk, "slug": self.slug})

    def get_apply_url(self):
        return reverse("jobs:apply", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        self.description_html = render_description(self.description, self.description_format)
        # Only an import writes the digest (in bulk, not through save()): a listing saved
        # any other way may differ from its feed row, so the next import compares in full.
        self.feed_digest = ""
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Only the apply view writes the click counter (one F() update): a save of
            # a listing read a moment ago must not put back the count it read.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "click_count"
            ]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if (self.salary_min is None) != (self.salary_max is None):
            errors["salary_max"] = "Give both ends of the pay range, or neither."
        elif self.salary_min is not None and self.salary_min > self.salary_max:
            errors["salary_max"] = "The maximum must not be below the minimum."
        if self.posted_on and self.valid_through and self.valid_through <= self.posted_on:
            errors["valid_through"] = "The listing must stay open past the day it is posted."
        if self.workplace_type == self.WorkplaceType.REMOTE:
            if not self.remote_countries:
                errors["remote_countries"] = "Say which countries remote applicants may live in."
        else:
            if not self.city:
                errors["city"] = "On-site and hybrid jobs need the office's city."
            if not self.country:
                errors["country"] = "On-site and hybrid jobs need the office's country."
        if bool(self.source) != bool(self.external_id):
            errors["external_id"] = "Give both the source and the external id, or neither."
        if errors:
            raise ValidationError(errors)

    @property
    def slug(self) -> str:
        """From the title, so that a renamed listing's old address redirects to the new one."""
        return slugify(self.title)[:80].strip("-") or "listing"

    @property
    def source_display(self) -> str:
        """ "Greenhouse" for a listing fetched from an employer's board; "" otherwise.
        (Reads `job_source`: select it with the listing.)"""
        return self.job_source.get_kind_display() if self.job_source_id else ""

    @property
    def is_remote(self) -> bool:
        return self.workplace_type == self.WorkplaceType.REMOTE

    @property
    def remote_country_codes(self) -> list[str]:
        return [code for code in self.remote_countries.split(",") if code]

    @property
    def remote_country_names(self) -> list[str]:
        return [country_name(code) for code in self.remote_country_codes]

    @property
    def country_display(self) -> str:
        return country_name(self.country)

    @property
    def identifier(self) -> str:
        """The reference shown on the page and in JobPosting: the feed's id, else ours."""
        return self.external_id or str(self.pk)

    @property
    def location_display(self) -> str:
        """ "Berlin, Germany"; "Remote (US, Canada)"; "Austin, TX, United States"."""
        place = ", ".join(
            part for part in (self.city, self.region, country_name(self.country)) if part
        )
        if self.is_remote:
            remote = f"Remote ({', '.join(self.remote_country_names)})"
            return f"{remote} · office in {place}" if place else remote
        return place

    @property
    def salary_display(self) -> str:
        """ "$150K–$230K" for lists."""
        return format_money_range(self.salary_min, self.salary_max, self.salary_currency)

    @property
    def salary_full_display(self) -> str:
        """ "$150,000–$230,000 per year" for the listing page."""
        if self.salary_min is None:
            return ""
        low = format_money_full(self.salary_min, self.salary_currency)
        high = format_money_full(self.salary_max, self.salary_currency)
        amount = low if self.salary_min == self.salary_max else f"{low}–{high}"
        return f"{amount} {self.get_salary_period_display()}"

    def is_expired(self, *, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.EXPIRED or self.valid_through < today

    def was_published(self, *, at=None) -> bool:
        """Readers could once see it: published or expired, and past its publish time."""
        at = at or timezone.now()
        return self.status in (self.Status.PUBLISHED, self.Status.EXPIRED) and (
            self.publish_from is None or self.publish_from <= at
        )


class ListingSkill(models.Model):
    """A skill the employer asks for, in the listing's order; found in its text or added
    by an editor (careers.skills; jobs.services.listing_skills_detect)."""

    listing = models.ForeignKey(JobListing, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="listing_links")
    position = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=80, blank=True, help_text="E.g. “nice to have”.")
    detected = models.BooleanField(
        default=False,
        help_text="Found in the listing's title or description rather than added by hand.",
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "skill asked for"
        verbose_name_plural = "skills asked for"
        constraints = [
            models.UniqueConstraint(fields=["listing", "skill"], name="jobs_listingskill_unique"),
        ]
        indexes = [models.Index(fields=["skill", "listing"], name="jobs_listingskill_by_skill")]

    def __str__(self):
        return str(self.skill)

    def get_absolute_url(self):
        return self.skill.get_absolute_url()


def format_money_full(amount: int, currency: str) -> str:
    """150000, "USD" -> "$150,000"; the short form's symbol, every digit."""
    symbol = format_money(0, currency).removesuffix("0")
    return f"{symbol}{amount:,}"


def render_description(source: str, description_format: str = "markdown") -> str:
    """Editors' Markdown, or a board's HTML through the same allow-list plus headings."""
    if description_format == "html":
        return sanitise_posting_html(source)
    return render_markdown(source)

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
from careers.core.markdown import render_markdown
from careers.core.publishing import Publishable, PublishableQuerySet
from careers.core.search import Searchable
from careers.models import Career, Period
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
    posted_on = models.DateField(default=timezone.localdate)
    valid_through = models.DateField(
        help_text="The last day the listing is open; after it, the listing expires by itself."
    )
    click_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="How many times readers followed the apply link."
    )

    objects = JobListingQuerySet.as_manager()

    # A reader's apply click is not a content change: it must not empty the page cache.
    unseen_by_readers = ("click_count",)

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
        self.description_html = render_description(self.description)
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


def format_money_full(amount: int, currency: str) -> str:
    """150000, "USD" -> "$150,000"; the short form's symbol, every digit."""
    symbol = format_money(0, currency).removesuffix("0")
    return f"{symbol}{amount:,}"


def render_description(source: str) -> str:
    return render_markdown(source)

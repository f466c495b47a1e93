from dataclasses import dataclass

from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.db.models import Case, Count, Q, When
from django.utils.http import urlencode
from django_countries import countries

from careers.core.admin import PublishableForm
from careers.models import Career, Skill
from jobs.models import Company, JobListing

MAX_SALARY_FILTER = 10_000_000


class JobFilterForm(forms.Form):
    """The list page's filters, read from the query string. Invalid values are ignored."""

    career = forms.ChoiceField(required=False, label="Career")
    location = forms.CharField(
        required=False,
        max_length=100,
        label="Location",
        help_text="A city, region or country, or “remote”.",
    )
    workplace = forms.ChoiceField(
        required=False,
        label="Workplace",
        choices=[("", "Any"), *JobListing.WorkplaceType.choices],
        widget=forms.RadioSelect,
    )
    employment = forms.ChoiceField(
        required=False,
        label="Employment type",
        choices=[("", "Any type"), *JobListing.EmploymentType.choices],
    )
    min_salary = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_SALARY_FILTER,
        label="Minimum salary per year",
        help_text="Compared in each listing’s own currency, without exchange rates: 100000 "
        "matches USD 100,000 and EUR 100,000 alike. Listings that state no pay are left out.",
        widget=forms.NumberInput(attrs={"step": 1000, "inputmode": "numeric"}),
    )
    posted_within = forms.TypedChoiceField(
        required=False,
        label="Posted within",
        choices=[
            ("", "Any time"),
            ("1", "The past day"),
            ("7", "The past week"),
            ("30", "The past 30 days"),
        ],
        coerce=int,
        empty_value=None,
    )
    company = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )
    # ?skill=python&skill=sql: listings that ask for every one of them. The list offers
    # the skills open listings ask for; a skill's page links here with its own.
    skill = forms.MultipleChoiceField(
        required=False, label="Skills", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, careers=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [(skill.slug, skill.name) for skill in skills]
        self.fields["career"].choices = [
            ("", "Any career"),
            *((career.slug, career.name) for career in careers),
        ]
        self.fields["location"].widget.attrs["autocomplete"] = "off"

    @property
    def filters(self) -> dict:
        """The valid filters only, without empty ones: what the list is narrowed by."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in ("", None, [])}

    @property
    def active_count(self) -> int:
        """How many filters narrow the list: each chosen skill counts as one."""
        return sum(len(value) if isinstance(value, list) else 1 for value in self.filters.values())

    @property
    def ignored(self) -> list[tuple[str, str]]:
        """(label, reason) for each value that was not understood and so not applied."""
        return [
            (self.fields[name].label or name, " ".join(errors))
            for name, errors in self.errors.items()
        ]


# The query parameters the list reads: its filters (and, on the page, the page number).
# Any other (?utm_source=...) shares the cached page and is left out of its links.
FILTERS = tuple(JobFilterForm.base_fields)


@dataclass
class JobSearch:
    """The jobs list's filters as read from a query string: the list page and its
    "Follow this search" feed read them alike, so the feed is exactly the page's search."""

    form: JobFilterForm
    filters: dict
    career: Career | None
    company: Company | None
    skills: list[Skill]  # the skills asked for, in the order the query names them
    query: str  # the filters as a query string, without the page number
    # The skill picker: skills open listings ask for (`open_count` each), most asked first,
    # and any asked for that none does. Empty unless asked for (the feed has no form).
    skill_choices: list[Skill] = ()


MAX_CHOSEN_SKILLS = 10
MAX_SKILL_CHOICES = 40  # the most asked-for skills the picker offers


def skill_picker_choices(chosen: list[str]) -> list[Skill]:
    """One query: the skills most open listings ask for, each with `open_count`, and the
    `chosen` ones whatever their count (a skill's page links to its listings, even none)."""
    live = JobListing.objects.live().values("pk")
    skills = (
        Skill.objects.annotate(
            open_count=Count("listing_links", filter=Q(listing_links__listing__in=live)),
            is_chosen=Case(When(slug__in=chosen, then=1), default=0),
        )
        .filter(Q(open_count__gt=0) | Q(slug__in=chosen))
        .order_by("-is_chosen", "-open_count", "name")
        .only("name", "slug")[: MAX_SKILL_CHOICES + len(chosen)]
    )
    chosen_skills = [s for s in skills if s.is_chosen]
    others = [s for s in skills if not s.is_chosen][:MAX_SKILL_CHOICES]
    return sorted([*chosen_skills, *others], key=lambda s: (-s.open_count, s.name.casefold()))


def job_search(request, *, skill_choices: bool = False) -> JobSearch:
    """The search the query string names. `skill_choices`: also the skills to offer in
    the list's skill picker (one query more)."""
    careers = list(Career.objects.order_by("name").only("name", "slug"))
    asked = request.GET.getlist("skill")[:MAX_CHOSEN_SKILLS]
    if skill_choices:
        choices = skill_picker_choices(asked)
        skills = [s for s in choices if s.slug in asked]
    else:
        choices = []
        skills = list(Skill.objects.filter(slug__in=asked).only("name", "slug"))
    data = request.GET.copy()
    data.setdefault("workplace", "")  # so "Any" shows as chosen
    form = JobFilterForm(data, careers=careers, skills=choices or skills)
    form.is_valid()
    filters = form.filters
    career = next((c for c in careers if c.slug == filters.get("career")), None)
    company = (
        Company.objects.filter(pk=filters["company"]).first() if "company" in filters else None
    )
    if "company" in filters and company is None:
        filters.pop("company")
    chosen = filters.get("skill", [])
    skills = sorted((s for s in skills if s.slug in chosen), key=lambda s: chosen.index(s.slug))
    query = urlencode([(name, value) for name in FILTERS for value in request.GET.getlist(name)])
    return JobSearch(form, filters, career, company, skills, query, choices)


class FeedImportForm(forms.Form):
    """The admin's upload of a feed file (jobs/IMPORT_FORMAT.md)."""

    file = forms.FileField(help_text="A .json or .csv file in the format of jobs/IMPORT_FORMAT.md.")
    source = forms.SlugField(
        max_length=60,
        help_text="The feed's name, e.g. “acme-careers”. Listings of this source that are not "
        "in the file are expired.",
    )


class JobListingForm(PublishableForm):
    """A listing's admin form: countries are picked from the ISO list, not typed as codes."""

    country = forms.ChoiceField(
        required=False,
        help_text=JobListing._meta.get_field("country").help_text,
    )
    remote_countries = forms.MultipleChoiceField(
        required=False,
        widget=FilteredSelectMultiple("countries", is_stacked=False),
        help_text=JobListing._meta.get_field("remote_countries").help_text,
    )

    class Meta:
        model = JobListing
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
        self.fields["remote_countries"].choices = list(countries)
        # Stored as "US,CA"; the picker shows them as chosen countries.
        self.initial["remote_countries"] = self.instance.remote_country_codes

    def clean_remote_countries(self) -> str:
        return ",".join(self.cleaned_data["remote_countries"])

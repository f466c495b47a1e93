from dataclasses import dataclass

from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
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
    # ?skill=python&skill=sql: listings that ask for every one of them (from a skill's page).
    skill = forms.MultipleChoiceField(
        required=False, label="Skills", widget=forms.MultipleHiddenInput
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


def job_search(request) -> JobSearch:
    careers = list(Career.objects.order_by("name").only("name", "slug"))
    skills = list(
        Skill.objects.filter(slug__in=request.GET.getlist("skill")[:10]).only("name", "slug")
    )
    data = request.GET.copy()
    data.setdefault("workplace", "")  # so "Any" shows as chosen
    form = JobFilterForm(data, careers=careers, skills=skills)
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
    return JobSearch(form, filters, career, company, skills, query)


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

from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django_countries import countries

from careers.core.admin import PublishableForm
from jobs.models import JobListing

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
        help_text="In the listing’s currency. Listings that state no pay are left out.",
        widget=forms.NumberInput(attrs={"step": 1000, "inputmode": "numeric"}),
    )
    company = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )

    def __init__(self, *args, careers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["career"].choices = [
            ("", "Any career"),
            *((career.slug, career.name) for career in careers),
        ]
        self.fields["location"].widget.attrs["autocomplete"] = "off"

    @property
    def filters(self) -> dict:
        """The valid filters only, without empty ones: what the list is narrowed by."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in ("", None)}

    @property
    def ignored(self) -> list[tuple[str, str]]:
        """(label, reason) for each value that was not understood and so not applied."""
        return [
            (self.fields[name].label or name, " ".join(errors))
            for name, errors in self.errors.items()
        ]


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

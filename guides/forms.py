from django import forms

from careers.core.admin import PublishableForm
from guides.models import Guide


def guide_default_slug(*, career, edition_year, exclude_pk=None) -> str:
    """A guide's address in the house style: its career's slug ("mlops-engineer", not
    "how-to-become-an-mlops-engineer"); the year is added when another edition has it."""
    taken = Guide.objects.exclude(pk=exclude_pk).filter(slug=career.slug).exists()
    return f"{career.slug}-{edition_year}" if taken and edition_year else career.slug


class GuideForm(PublishableForm):
    slug = forms.SlugField(
        max_length=160,
        required=False,
        help_text="The guide's address under /guides/. Leave empty to use the career's, "
        "e.g. “mlops-engineer”.",
    )

    class Meta:
        model = Guide
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("career"):
            cleaned["slug"] = guide_default_slug(
                career=cleaned["career"],
                edition_year=cleaned.get("edition_year"),
                exclude_pk=self.instance.pk,
            )
        elif not cleaned.get("slug") and "slug" not in self.errors:
            self.add_error("slug", "Choose a career, or give the guide an address.")
        return cleaned


class ComparePickForm(forms.Form):
    """The /compare/ picker: two careers with live guides, by slug."""

    a = forms.ChoiceField(
        label="First career",
        error_messages={
            "required": "Choose the first career.",
            "invalid_choice": "Choose a career from the list.",
        },
    )
    b = forms.ChoiceField(
        label="Second career",
        error_messages={
            "required": "Choose the second career.",
            "invalid_choice": "Choose a career from the list.",
        },
    )

    def __init__(self, *args, careers: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Choose a career"), *careers]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("a") and cleaned.get("a") == cleaned.get("b"):
            self.add_error("b", "Choose a different career to compare with.")
        return cleaned

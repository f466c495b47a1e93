from django import forms

from careers.core.admin import PublishableForm
from guides.models import Guide


class GuideForm(PublishableForm):
    class Meta:
        model = Guide
        fields = "__all__"


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

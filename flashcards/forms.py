from django import forms

from careers.core.admin import PublishableForm
from flashcards.models import Deck

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class DeckForm(PublishableForm):
    class Meta:
        model = Deck
        fields = "__all__"


class CardImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "UTF-8 CSV (comma, semicolon or tab separated) with a header row: question, "
            "answer, and optionally difficulty (beginner, intermediate, advanced) and tags "
            "(comma-separated). Cards are added after the deck's cards, in file order."
        ),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB; split it in parts.")
        return file

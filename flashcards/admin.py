from adminsortable2.admin import SortableAdminBase, SortableStackedInline
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from careers.admin_tools import NoLostWorkForm, PositionedInlineFormSet, PublishableAdmin
from flashcards import services
from flashcards.models import Card, Deck

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class DeckForm(NoLostWorkForm):
    class Meta:
        model = Deck
        fields = "__all__"


class CardInline(SortableStackedInline):
    model = Card
    formset = PositionedInlineFormSet
    extra = 0
    fields = ["question", "answer", ("difficulty", "tags"), "position"]


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


@admin.register(Deck)
class DeckAdmin(SortableAdminBase, PublishableAdmin):
    form = DeckForm
    list_display = ["title", "career", "status", "publish_from", "updated_at"]
    list_filter = ["status", "career__category"]
    list_select_related = ["career"]
    search_fields = ["title", "career__name", "description", "cards__question"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["career"]
    date_hierarchy = "updated_at"
    readonly_fields = ["created_at", "updated_at"]
    show_facets = admin.ShowFacets.ALWAYS
    fieldsets = [
        (None, {"fields": ["career", "title", "slug", "description", "opened_at"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    ("publish_from", "publish_until"),
                    ("created_at", "updated_at"),
                ],
                "description": "Only publishers may publish, unpublish or schedule a deck.",
            },
        ),
    ]
    inlines = [CardInline]

    def get_search_results(self, request, queryset, search_term):
        queryset, _ = super().get_search_results(request, queryset, search_term)
        # Searching the cards can match a deck once per card: ask for distinct rows.
        return queryset, bool(search_term)

    def status_set(self, *, obj, status):
        return services.deck_status_set(deck=obj, status=status)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        deck = form.instance
        services.deck_cards_search_index(deck=deck)
        if deck.status != Deck.Status.PUBLISHED:
            return
        problems = services.deck_publish_problems(deck=deck, card_count=deck.cards.count())
        if problems:
            Deck.objects.filter(pk=deck.pk).update(status=Deck.Status.DRAFT)
            deck.status = Deck.Status.DRAFT
            self.message_user(
                request,
                f"Saved as a draft, not published: {'; '.join(problems)}.",
                level=messages.WARNING,
            )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/import-cards/",
                self.admin_site.admin_view(self.import_cards_view),
                name="{}_{}_import_cards".format(*info),
            ),
            path(
                "<path:object_id>/export-cards/",
                self.admin_site.admin_view(self.export_cards_view),
                name="{}_{}_export_cards".format(*info),
            ),
            *super().get_urls(),
        ]

    def import_cards_view(self, request, object_id):
        deck = get_object_or_404(Deck, pk=object_id)
        if not (
            self.has_change_permission(request, deck)
            and request.user.has_perm("flashcards.add_card")
        ):
            raise PermissionDenied
        errors = []
        if request.method == "POST":
            form = CardImportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    cards = services.cards_import(deck=deck, file=form.cleaned_data["file"])
                except services.CardImportError as error:
                    errors = error.errors
                else:
                    self.message_user(
                        request, f"Imported {len(cards)} cards into “{deck}”.", messages.SUCCESS
                    )
                    return redirect(reverse("admin:flashcards_deck_change", args=[deck.pk]))
        else:
            form = CardImportForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": deck,
            "title": f"Import cards into “{deck}”",
            "form": form,
            "errors": errors,
            "columns": services.IMPORT_COLUMNS,
        }
        return TemplateResponse(
            request,
            "admin/flashcards/deck/import_cards.html",
            context,
            status=400 if errors else 200,
        )

    def export_cards_view(self, request, object_id):
        deck = get_object_or_404(Deck, pk=object_id)
        if not self.has_view_permission(request, deck):
            raise PermissionDenied
        response = HttpResponse(
            services.cards_export_csv(deck=deck), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{deck.slug}-cards.csv"'
        return response


@admin.register(Card)
class CardAdmin(admin.ModelAdmin):
    list_display = ["question", "deck", "difficulty", "position"]
    list_filter = ["difficulty", "deck"]
    list_select_related = ["deck"]
    search_fields = ["question", "answer", "tags", "deck__title"]
    autocomplete_fields = ["deck"]
    fields = ["deck", "position", "question", "answer", "difficulty", "tags"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.cards_search_index(cards=Card.objects.filter(pk=form.instance.pk))

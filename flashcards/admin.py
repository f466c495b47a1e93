from adminsortable2.admin import SortableAdminBase, SortableStackedInline
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from careers.core.admin import (
    NoLostWorkAdmin,
    PositionedInlineFormSet,
    PublishableAdmin,
    rows_import_view,
)
from flashcards import services
from flashcards.forms import CardImportForm, DeckForm
from flashcards.models import Card, Deck


class CardInline(SortableStackedInline):
    model = Card
    formset = PositionedInlineFormSet
    extra = 0
    fields = ["question", "answer", ("difficulty", "tags"), "position"]


@admin.register(Deck)
class DeckAdmin(SortableAdminBase, PublishableAdmin):
    form = DeckForm
    list_display = ["title", "career", "status", "publish_from", "updated_at"]
    list_filter = ["status", "career__category"]
    search_fields = ["title", "career__name", "description", "cards__question"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["career", "title", "slug", "description"]}),
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.deck_cards_search_index(deck=form.instance)

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

        def run(data: dict) -> str:
            cards = services.cards_import(deck=deck, file=data["file"])
            return f"Imported {len(cards)} cards into “{deck}”."

        return rows_import_view(
            self,
            request,
            form_class=CardImportForm,
            run=run,
            title=f"Import cards into “{deck}”",
            intro=format_html(
                "The first row names the columns: <code>{}</code>. <code>question</code> and "
                "<code>answer</code> are required; answers may use Markdown. Every row is "
                "checked first: if any row is wrong, no card is written.",
                ",".join(services.IMPORT_COLUMNS),
            ),
            done_url=reverse("admin:flashcards_deck_change", args=[deck.pk]),
            original=deck,
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
class CardAdmin(NoLostWorkAdmin):
    list_display = ["question", "deck", "difficulty", "position"]
    list_filter = ["difficulty", "deck"]
    list_select_related = ["deck"]
    search_fields = ["question", "answer", "tags", "deck__title"]
    autocomplete_fields = ["deck"]
    fields = ["deck", "position", "question", "answer", "difficulty", "tags"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.cards_search_index(cards=Card.objects.filter(pk=form.instance.pk))

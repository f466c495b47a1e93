from adminsortable2.admin import SortableAdminBase, SortableStackedInline
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html

from careers.core.admin import (
    NoLostWorkAdmin,
    PositionedInlineFormSet,
    PublishableAdmin,
    rows_import_view,
)
from careers.core.importing import ImportInvalid, RowError
from careers.core.moderation import (
    ModerationError,
    is_moderated,
    may_publish,
    open_change,
    working_copy,
)
from careers.core.moderation_admin import PENDING_NOTICE, site_url
from flashcards import services
from flashcards.forms import CardImportForm, DeckForm
from flashcards.models import Card, Deck


class CardInline(SortableStackedInline):
    model = Card
    formset = PositionedInlineFormSet
    extra = 0
    fields = ["question", "answer", ("difficulty", "skills"), "position"]
    autocomplete_fields = ["skills"]


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
    # Its import and export links, on the moderated change form.
    change_form_template = "admin/flashcards/deck/change_form.html"

    def get_search_results(self, request, queryset, search_term):
        queryset, _ = super().get_search_results(request, queryset, search_term)
        # Searching the cards can match a deck once per card: ask for distinct rows.
        return queryset, bool(search_term)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.deck_cards_search_index(deck=form.instance)

    def moderation_applied(self, item, previous):
        services.deck_cards_search_index(deck=item)

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

    def _deck_or_404(self, request, object_id) -> Deck:
        deck = self.get_object(request, unquote(object_id))
        if deck is None:
            raise Http404("No such deck.")
        return deck

    def import_cards_view(self, request, object_id):
        """Cards from a file join a live deck as a pending change, unless a publisher
        imports into a deck with no changes waiting: then they go live at once."""
        deck = self._deck_or_404(request, object_id)
        if not (
            self.has_change_permission(request, deck)
            and request.user.has_perm("flashcards.add_card")
        ):
            raise PermissionDenied
        pending = is_moderated(deck) and (
            not self.has_publish_permission(request) or open_change(deck) is not None
        )

        def run(data: dict) -> str:
            try:
                return import_into(data)
            except ModerationError as problem:
                raise ImportInvalid([RowError(0, str(problem))]) from None

        def import_into(data: dict) -> str:
            with working_copy(
                deck,
                user=request.user,
                site_url=site_url(request),
                applied=self.moderation_applied,
            ) as copy:
                cards = services.cards_import(deck=deck, file=data["file"])
                if pending:
                    copy.hold(f"Imported {len(cards)} cards from a file.")
                else:
                    copy.keep()
            if pending:
                return (
                    f"{len(cards)} cards from the file joined the deck's pending changes. "
                    + PENDING_NOTICE
                )
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
        deck = self._deck_or_404(request, object_id)
        if not self.has_view_permission(request, deck):
            raise PermissionDenied
        response = HttpResponse(
            services.cards_export_csv(deck=deck), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{deck.slug}-cards.csv"'
        return response


@admin.register(Card)
class CardAdmin(NoLostWorkAdmin):
    """Every card in one list. A card of a live deck (or of one with changes waiting) is
    changed on its deck's page, where an editor's change waits for a publisher."""

    list_display = ["question", "deck", "difficulty", "position"]
    list_filter = ["difficulty", "deck"]
    list_select_related = ["deck"]
    search_fields = ["question", "answer", "skills__name", "deck__title"]
    autocomplete_fields = ["deck", "skills"]
    fields = ["deck", "position", "question", "answer", "difficulty", "skills"]

    def _changes_here(self, request, deck: Deck) -> bool:
        """Whether a change to the deck's cards made here would leave the review out."""
        if is_moderated(deck) and not may_publish(request.user, Deck):
            return False
        return open_change(deck) is None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self._changes_here(request, obj.deck))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self._changes_here(request, obj.deck))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "deck" and not may_publish(request.user, Deck):
            # New cards and moves go to drafts only: a live deck's cards wait for review.
            kwargs["queryset"] = Deck.objects.filter(
                status__in=[Deck.Status.DRAFT, Deck.Status.IN_REVIEW]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        card = self.get_object(request, unquote(object_id))
        if card is not None and not self._changes_here(request, card.deck):
            deck_url = reverse("admin:flashcards_deck_change", args=[card.deck_id])
            self.message_user(
                request,
                format_html(
                    "This card belongs to a live deck, or one with changes waiting: change it "
                    'on <a href="{}">the deck’s page</a>, where changes wait for a publisher.',
                    deck_url,
                ),
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.cards_search_index(cards=Card.objects.filter(pk=form.instance.pk))

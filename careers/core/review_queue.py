"""The review queue: every submission (new drafts and changes to live items) in one admin
page, each with a diff against the live page and the publisher's decision."""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html

from careers.core.diffs import item_diff
from careers.core.models import PendingChange
from careers.core.moderation import (
    ModerationError,
    item_changes,
    may_publish,
    pending_change_approve,
    pending_change_reject,
    pending_change_schedule,
    pending_change_withdraw,
    review_fingerprint,
)
from careers.core.moderation_admin import moderated_models
from careers.core.revisions import item_versions, object_key

DECISIONS = {"_approve": "approve", "_schedule": "schedule", "_reject": "reject"}


def moment(value) -> str:
    """A date and time as the admin shows them, in the site's time zone."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


class ReviewForm(forms.Form):
    """A publisher's decision: approve now, approve for a time, or send back with a comment."""

    seen = forms.CharField(widget=forms.HiddenInput)
    publish_at = forms.DateTimeField(
        required=False,
        label="Go live at",
        help_text="For “Approve for later”: the changes go live at this time, in the site's "
        "time zone.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    comment = forms.CharField(
        required=False,
        label="Comment for the editor",
        help_text="Needed when you send the changes back: say what to fix.",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )

    def __init__(self, *args, decision: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = decision

    def clean(self):
        cleaned = super().clean()
        if self.decision not in DECISIONS.values():
            raise forms.ValidationError("Choose to approve, approve for later, or send back.")
        if self.decision == "schedule" and not cleaned.get("publish_at"):
            self.add_error("publish_at", "Say when the changes go live.")
        if self.decision == "reject" and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say what needs to change, so the editor can fix it.")
        return cleaned


class QueueFilter(admin.SimpleListFilter):
    """Waiting for review by default; what was sent back, decided, or everything on demand."""

    title = "state"
    parameter_name = "queue"
    GROUPS = {
        "waiting": ("Waiting for review", PendingChange.UNDECIDED_STATES),
        "sent-back": ("Sent back", (PendingChange.State.REJECTED,)),
        "decided": (
            "Decided or replaced",
            (
                PendingChange.State.APPROVED,
                PendingChange.State.SUPERSEDED,
                PendingChange.State.WITHDRAWN,
            ),
        ),
    }

    def lookups(self, request, model_admin):
        return [*((key, label) for key, (label, _) in self.GROUPS.items()), ("all", "All")]

    def choices(self, changelist):
        current = self.value() or "waiting"
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or "waiting"
        if value == "all":
            return queryset
        return queryset.filter(state__in=self.GROUPS.get(value, self.GROUPS["waiting"])[1])


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    """The queue is read by everyone who edits; only publishers of an item's model decide."""

    list_display = ["__str__", "what", "state", "submitted_by", "submitted_at", "decision"]
    list_filter = [QueueFilter, "kind", ("content_type", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["content_type", "submitted_by", "decided_by"]
    search_fields = ["object_repr", "summary", "comment"]
    list_per_page = 50

    # Who sees what ------------------------------------------------------------------------

    def _viewable_models(self, request) -> list:
        return [
            model
            for model in moderated_models(self.admin_site)
            if self.admin_site._registry[model].has_view_or_change_permission(request)
        ]

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return obj.content_type.model_class() in self._viewable_models(request)
        return (
            request.user.is_active
            and request.user.is_staff
            and bool(self._viewable_models(request))
        )

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # decisions go through the review page, not a form over the row

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        content_types = ContentType.objects.get_for_models(*self._viewable_models(request))
        return super().get_queryset(request).filter(content_type__in=content_types.values())

    # The list -----------------------------------------------------------------------------

    @admin.display(description="What", ordering="content_type")
    def what(self, change):
        model = change.content_type.model_class()
        noun = model._meta.verbose_name if model else change.content_type.model
        return f"New {noun}" if change.kind == PendingChange.Kind.NEW else f"Changes to a {noun}"

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": "Review queue", **(extra_context or {})})

    @admin.display(description="Decision")
    def decision(self, change):
        if change.decided_by is None:
            return "—"
        text = f"{change.decided_by}, {moment(change.decided_at)}"
        if change.state == PendingChange.State.SCHEDULED and change.publish_at:
            text += f"; goes live {moment(change.publish_at)}"
        if change.comment:
            return format_html("{}: “{}”", text, change.comment)
        return text

    # The review page ----------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/discard/",
                self.admin_site.admin_view(self.discard_view),
                name="core_pendingchange_discard",
            ),
            *super().get_urls(),
        ]

    def _change(self, request, object_id) -> PendingChange:
        if not str(object_id).isdigit():
            raise Http404("No such change.")
        change = get_object_or_404(
            PendingChange.objects.select_related("content_type", "submitted_by", "decided_by"),
            pk=object_id,
        )
        if not self.has_view_permission(request, change):
            raise Http404("No such change, or you may not see it.")
        return change

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The diff against the live page, and (for publishers) the decision."""
        change = self._change(request, object_id)
        model = change.content_type.model_class()
        may_decide = change.is_undecided and may_publish(request.user, model)
        form = None
        if may_decide:
            decision = next((name for key, name in DECISIONS.items() if key in request.POST), "")
            form = ReviewForm(
                request.POST if request.method == "POST" else None,
                initial={"seen": review_fingerprint(change)},
                decision=decision,
            )
            if request.method == "POST" and form.is_valid():
                try:
                    self._decide(request, change, form)
                except ModerationError as problem:
                    form.add_error(None, str(problem))
                else:
                    return redirect("admin:core_pendingchange_changelist")
        elif request.method == "POST":
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            **self._review_context(request, change),
            "opts": self.opts,
            "title": f"Review: {change}",
            "form": form,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/moderation/review.html", context)

    def _decide(self, request, change: PendingChange, form: ReviewForm) -> None:
        data = form.cleaned_data
        item_admin = self.admin_site._registry[change.content_type.model_class()]
        if form.decision == "approve":
            pending_change_approve(
                change=change,
                user=request.user,
                seen=data["seen"],
                applied=item_admin.moderation_applied,
            )
            self.message_user(
                request, f"Approved: “{change.object_repr}” is live now.", messages.SUCCESS
            )
        elif form.decision == "schedule":
            at = data["publish_at"]
            pending_change_schedule(change=change, user=request.user, at=at, seen=data["seen"])
            self.message_user(
                request,
                f"Approved for later: “{change.object_repr}” goes live {moment(at)}.",
                messages.SUCCESS,
            )
        else:
            pending_change_reject(
                change=change, user=request.user, comment=data["comment"], seen=data["seen"]
            )
            self.message_user(
                request, f"Sent back to the editor: “{change.object_repr}”.", messages.SUCCESS
            )

    def _review_context(self, request, change: PendingChange) -> dict:
        model = change.content_type.model_class()
        item = model._base_manager.filter(pk=change.object_id).first()
        model_admin = self.admin_site._registry[model]
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pending = list(change.revision.version_set.select_related("content_type"))
        if item is None:
            before, after, against = [], pending, "nothing: the item was deleted"
        elif change.kind == PendingChange.Kind.NEW:
            before, after, against = [], item_versions(item), "nothing: this item is new"
        else:
            before, after, against = item_versions(item), pending, "the live page as it is now"
        key = object_key(item) if item is not None else (change.content_type_id, change.object_id)
        open_on_item = change.is_open and item is not None
        return {
            "change": change,
            "item": item,
            "diff": item_diff(before=before, after=after, item_key=key),
            "compared_with": against,
            "item_url": reverse(f"{info}_change", args=[item.pk]) if item else "",
            "history_url": reverse(f"{info}_history", args=[item.pk]) if item else "",
            "preview_url": reverse(f"{info}_preview", args=[item.pk])
            if open_on_item and model_admin.preview_enabled
            else "",
            "may_discard": open_on_item and model_admin.has_change_permission(request, item),
            "trail": item_changes(item) if item else [change],
        }

    def discard_view(self, request, object_id):
        """Discard an item's open change (it stays in the history). POST only."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        change = self._change(request, object_id)
        model_admin = self.admin_site._registry[change.content_type.model_class()]
        item = change.content_type.model_class()._base_manager.filter(pk=change.object_id).first()
        if item is None or not model_admin.has_change_permission(request, item):
            raise PermissionDenied
        try:
            pending_change_withdraw(change=change, user=request.user)
        except ModerationError as problem:
            self.message_user(request, str(problem), messages.ERROR)
        else:
            self.message_user(
                request, f"Discarded the changes to “{change.object_repr}”.", messages.SUCCESS
            )
        return redirect(
            reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
        )

"""The admin's side of moderation (careers.core.moderation): what editors and publishers see.

`ModeratedAdminMixin` goes on every admin of something readers see. On a live
item, an editor's save, revert or import becomes a pending change and leaves the
live rows alone; a publisher's save goes live unless they choose "Save as
pending". The change form, the preview and the changelist show the item's
working copy and its state. `PendingChangeAdmin` is the review queue: every
submission, a diff of each against the live page, and the publisher's decision.
"""

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect
from django.urls import Resolver404, path, resolve, reverse
from django.utils.cache import add_never_cache_headers

from careers.core.models import PendingChange
from careers.core.moderation import (
    ModerationError,
    WorkingCopy,
    is_moderated,
    item_deleted,
    may_publish,
    open_change,
    open_change_state,
    publish_permission,
    working_copy,
    working_copy_apply,
)
from careers.core.publishing import Publishable
from careers.core.revisions import PUBLISHING_FIELDS

PENDING_NOTICE = "Readers still see the published version; your changes wait for a publisher."
REVIEW_LABELS = {
    PendingChange.State.PENDING: "Changes pending",
    PendingChange.State.SCHEDULED: "Approved for later",
    PendingChange.State.REJECTED: "Changes sent back",
}


@dataclass
class _Plan:
    """What this request does with the item: save over live, or keep a pending change."""

    pending: bool
    copy: WorkingCopy | None = None
    summary_prefix: str = ""


def _plan(request) -> _Plan | None:
    return getattr(request, "moderation", None)


def moderated_models(admin_site=admin.site) -> list:
    """Every model whose admin holds changes for review."""
    return [
        model
        for model, model_admin in admin_site._registry.items()
        if isinstance(model_admin, ModeratedAdminMixin)
    ]


def site_url(request) -> str:
    """Where links in emails point: this site, as the request reached it."""
    return request.build_absolute_uri("/").rstrip("/")


class ReviewFilter(admin.SimpleListFilter):
    """Items by their open change: pending, approved for later, sent back, or none."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [*REVIEW_LABELS.items(), ("none", "No open changes")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(review_state__isnull=True)
        if self.value() in REVIEW_LABELS:
            return queryset.filter(review_state=self.value())
        return queryset


class ModeratedAdminMixin:
    """Changes to what readers see wait for a publisher (before a VersionAdmin in the bases).

    Subclasses refresh what the site derives from an item (search index, redirects)
    in `moderation_applied`, which runs when a change goes live by approval.
    """

    change_form_template = "admin/moderated_change_form.html"
    revision_form_template = "admin/moderated_revision_form.html"
    preview_enabled = True  # False where the item has no page of its own

    def publish_permission(self) -> str:
        return publish_permission(self.model)

    def has_publish_permission(self, request) -> bool:
        return may_publish(request.user, self.model)

    def moderation_applied(self, item, previous: dict) -> None:
        """After a change to `item` went live (`previous`: its field values before)."""

    def delete_model(self, request, obj):
        item_deleted(item=obj, user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            item_deleted(item=obj, user=request.user)
        super().delete_queryset(request, queryset)

    # The changelist: which items have changes waiting -------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(review_state=open_change_state(self.model))

    def get_list_display(self, request):
        return [*super().get_list_display(request), "review_column"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), ReviewFilter]

    @admin.display(description="Review", ordering="review_state")
    def review_column(self, obj):
        return REVIEW_LABELS.get(obj.review_state, "")

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.has_publish_permission(request):
            changelist.list_editable = ()  # a list edit would bypass the review
        return changelist

    # Saving: over live, or kept aside ------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def _saves_pending(self, request, item) -> bool:
        if request.method != "POST" or not is_moderated(item):
            return False
        return not self.has_publish_permission(request) or "_save_pending" in request.POST

    def _moderated(self, request, item, view, *, summary_prefix: str = "", replaces=False):
        """Run `view` (the change form or a revert) on the item's working copy: a pending
        save is kept aside, a publisher's save goes live over the working copy (which a
        revert `replaces`, rather than publishes)."""
        plan = request.moderation = _Plan(self._saves_pending(request, item), None, summary_prefix)
        if plan.pending and isinstance(item, Publishable):
            request.publishing_state = {name: getattr(item, name) for name in PUBLISHING_FIELDS}
        try:
            with working_copy(
                item,
                user=request.user,
                site_url=site_url(request),
                applied=self.moderation_applied,
                writes=request.method == "POST",
            ) as copy:
                plan.copy = copy
                response = view()
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()  # with the working copy, before it is rolled back
                if request.method == "POST" and response.status_code == 302 and not plan.pending:
                    copy.keep(replaced=replaces)
        except ModerationError as problem:
            # The working copy cannot be applied: its review page can discard it.
            self.message_user(request, str(problem), messages.ERROR)
            change = open_change(item)
            return redirect(
                change or f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            )
        if copy.submitted is not None:
            super().log_change(request, item, f"Submitted for review: {copy.summary}")
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        item = self.get_object(request, unquote(object_id))
        if item is None:
            return super().change_view(request, object_id, form_url, extra_context)
        context = {**(extra_context or {}), "moderation": self._moderation_context(request, item)}
        return self._moderated(
            request,
            item,
            lambda: super(ModeratedAdminMixin, self).change_view(
                request, object_id, form_url, context
            ),
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Reverting a live item, as an editor, produces a pending change too."""
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404("No such item.")
        context = {**(extra_context or {}), "moderation": self._moderation_context(request, item)}
        return self._moderated(
            request,
            item,
            lambda: super(ModeratedAdminMixin, self).revision_view(
                request, object_id, version_id, context
            ),
            summary_prefix="Reverted to an earlier revision. ",
            replaces=True,
        )

    def create_revision(self, request):
        """A pending save makes no revision of the live item: the pending change is one."""
        plan = _plan(request)
        if plan is not None and plan.pending:
            return reversion.create_revision(manage_manually=True)  # nothing is added to it
        return super().create_revision(request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        plan = _plan(request)
        if plan is not None and plan.pending:
            plan.copy.hold()

    def log_change(self, request, obj, message):
        plan = _plan(request)
        if plan is None or not plan.pending:
            return super().log_change(request, obj, message)
        text = LogEntry(
            change_message=json.dumps(message) if isinstance(message, list) else message
        ).get_change_message()
        plan.copy.summary = (plan.summary_prefix + (text or "No fields changed.")).strip()
        return None  # logged once the pending change exists

    def response_change(self, request, obj):
        plan = _plan(request)
        if plan is None or not plan.pending:
            return super().response_change(request, obj)
        self.message_user(
            request, f"Your changes to “{obj}” are saved. {PENDING_NOTICE}", messages.SUCCESS
        )
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        )

    def _moderation_context(self, request, item) -> dict:
        change = open_change(item)
        info = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        return {
            "live": is_moderated(item),
            "change": change,
            "may_publish": self.has_publish_permission(request),
            "notice": PENDING_NOTICE,
            "preview_url": reverse(f"{info}_preview", args=[item.pk])
            if self.preview_enabled
            else "",
        }

    # Preview -------------------------------------------------------------------------------

    def preview_view(self, request, object_id):
        """The item's page as readers would see it with its working copy, for staff only:
        rendered inside a transaction that is rolled back, never cached or indexed."""
        item = self.get_object(request, unquote(object_id))
        if item is None or not self.has_view_or_change_permission(request, item):
            raise Http404("No such item, or you may not see it.")
        address = urlsplit(item.get_absolute_url() if self.preview_enabled else "")
        try:
            match = resolve(address.path) if not address.netloc else None
        except Resolver404:
            match = None
        if match is None:
            raise Http404("This item has no page of its own to preview.")
        with transaction.atomic():
            savepoint = transaction.savepoint()
            notice = self._preview_prepare(item)
            request.preview_notice = notice
            request.GET = QueryDict(address.query)
            response = match.func(request, *match.args, **match.kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            transaction.savepoint_rollback(savepoint)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def _preview_prepare(self, item) -> str:
        """Put the working copy in place and let readers' views find the item (whatever
        its status or publish window); returns the banner the page shows."""
        live = is_moderated(item)
        change = open_change(item)
        if change is not None and change.kind == PendingChange.Kind.CHANGE:
            try:
                working_copy_apply(item, change)
            except ModerationError as problem:
                raise Http404(str(problem)) from None
            notice = f"Pending changes — not public. {PENDING_NOTICE}"
        elif not live:
            notice = (
                "Draft — not public. This is a preview for staff: readers cannot see this "
                "page until a publisher publishes it."
            )
        else:
            notice = "Preview for staff: this is the published version."
        if isinstance(item, Publishable):
            shown = {"publish_from": None, "publish_until": None}
            if not live:
                shown["status"] = Publishable.Status.PUBLISHED
            type(item)._base_manager.filter(pk=item.pk).update(**shown)
        return notice

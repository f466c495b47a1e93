"""Pieces every editorial admin shares: publish rights, no lost work, logged actions,
guarded history, and moderation of what readers see (careers.core.moderation_admin)."""

from collections.abc import Callable
from itertools import pairwise

import reversion
from adminsortable2.admin import CustomInlineFormSet
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten, model_ngettext, unquote
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from careers.core import review_queue  # noqa: F401 - registers the review queue
from careers.core.diffs import item_diff
from careers.core.editing import StaleEdit
from careers.core.importing import ImportInvalid
from careers.core.moderation import (
    item_changes,
    item_submit_for_review,
    may_publish,
    new_item_published,
)
from careers.core.moderation_admin import ModeratedAdminMixin, site_url
from careers.core.publishing import (
    Publishable,
    publish_refusal,
    publishable_status_set,
)
from careers.core.revisions import PUBLISHING_FIELDS


class NoLostWorkForm(forms.ModelForm):
    """Refuses to save over a change someone else saved after this form was opened.

    The form carries the row's `edit_version` as it was when the page was opened
    (careers.core.editing). Checked here first, for a clear message next to the
    form; then again by the save itself, in the database, so that two saves
    sent at the same moment cannot both pass. A form without the number is
    refused: it could only overwrite blindly.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._edits_a_saved_row():
            self.fields["opened_version"].initial = self.instance.edit_version

    def clean(self):
        cleaned = super().clean()
        if self._edits_a_saved_row():
            self._check_opened_version(cleaned.get("opened_version"))
        return cleaned

    def _edits_a_saved_row(self) -> bool:
        return bool(self.instance.pk) and not self.instance._state.adding

    def _check_opened_version(self, opened: int | None) -> None:
        if opened is None:
            raise forms.ValidationError(
                "This form arrived without the version of the page it was opened at, so it "
                "was not saved: it could have overwritten someone else's change. Copy what "
                "you changed, reload the page, and apply your changes again.",
                code="no_version",
            )
        if opened != self.instance.edit_version:
            raise stale_edit_error(self.instance)
        self.instance.expect_edit_version(opened)  # checked again by the save, in the database


def stale_edit_error(obj) -> forms.ValidationError:
    """The one message for an edit refused because someone saved the item after it was opened."""
    latest = (
        Version.objects.get_for_object(obj).select_related("revision__user").first()
        if reversion.is_registered(type(obj))
        else None
    )
    who = latest.revision.user if latest and latest.revision.user else None
    return forms.ValidationError(
        "%(who)s saved this page after you opened it, so your changes were not "
        "saved, to keep theirs. Copy what you changed, reload the page, and apply "
        "your changes again.",
        code="stale",
        params={"who": who or "Another editor"},
    )


class NoLostWorkAdmin(admin.ModelAdmin):
    """An admin whose change form is a NoLostWorkForm, with its version field always in it.

    When the database refuses the save (StaleEdit: another save claimed the row
    between this form's check and its save), the whole save has been rolled
    back; the form is shown again, checked against the row as it now is, and
    tells the editor who saved.
    """

    form = NoLostWorkForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        named = {name for _, options in fieldsets for name in flatten(options["fields"])}
        if obj is None or "opened_version" in named:
            return fieldsets
        (title, options), *rest = fieldsets
        return [(title, {**options, "fields": [*options["fields"], "opened_version"]}), *rest]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit:
            # A revert's form must now see the row's own number (revision_view, below).
            request.__dict__.pop("edit_version_now", None)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A revert (django-reversion) writes the old row, old version number included,
        before its form is shown or saved: the form must carry the number the row has
        now, so that a save made since the page was opened still refuses the revert."""
        request.edit_version_now = (
            self.model._base_manager.filter(pk=unquote(object_id))
            .values_list("edit_version", flat=True)
            .first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        now = getattr(request, "edit_version_now", None)
        if obj is not None and now is not None:
            obj.edit_version = now
        return obj


class PublishableForm(NoLostWorkForm):
    """An item's admin form: a save that would leave it published refuses to break its
    publish rules (careers.core.publishing), next to the field that needs work."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status", self.instance.status) != Publishable.Status.PUBLISHED:
            return cleaned
        for name, problem in self._meta.model.publish_rules.fields.items():
            value = cleaned[name] if name in cleaned else getattr(self.instance, name)
            if not str(value or "").strip():
                self.add_error(
                    name if name in self.fields else None, publish_refusal(self.instance, problem)
                )
        return cleaned


class PublishRulesFormSetMixin:
    """An inline's rows: a published item keeps at least one of the parts its rules need."""

    publish_part = ""  # the related name of the rows, e.g. "steps"

    def clean(self):
        super().clean()
        item = self.instance
        problem = item.publish_rules.parts.get(self.publish_part)
        if problem is None or item.status != Publishable.Status.PUBLISHED:
            return
        kept = [
            form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)
        ]
        if not kept:
            raise forms.ValidationError(publish_refusal(item, problem), code="publish_rules")


class PositionedInlineFormSet(CustomInlineFormSet):
    """Rows added in the browser get the next free positions before uniqueness is checked.

    New rows arrive with the field's default position; two of them would clash
    with each other (and with a unique position constraint) before the sortable
    admin could number them on save.
    """

    def validate_unique(self):
        field = self.default_order_field
        kept = [f for f in self.forms if f.is_valid() and not self._should_delete_form(f)]
        new_rows = [f for f in self.extra_forms if f in kept and f.has_changed()]
        taken = [f.cleaned_data.get(field) or 0 for f in kept if f not in new_rows]
        next_position = max(taken, default=0) + 1
        for form in new_rows:
            if not form.cleaned_data.get(field) or form.cleaned_data[field] in taken:
                form.cleaned_data[field] = next_position
                setattr(form.instance, field, next_position)
                next_position += 1
        super().validate_unique()


class GuardedVersionAdmin(VersionAdmin):
    """A versioned admin whose history, revert and recovery pages stay on their own model.

    django-reversion finds a revision by its id and the object id in the URL only, so
    a version of another model with the same id would be restored through this admin:
    here a version must belong to this model (404 otherwise), and recovery is only for
    an item that was deleted. An editor's recovery comes back as a draft.
    """

    object_history_template = "admin/publishable_history.html"

    def _version_or_404(self, version_id, **lookups) -> Version:
        content_type = ContentType.objects.get_for_model(self.model)
        version = Version.objects.filter(
            pk=version_id if str(version_id).isdigit() else None,
            content_type=content_type,
            **lookups,
        ).first()
        if version is None:
            raise Http404("No such revision of this kind of item.")
        return version

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._version_or_404(version_id, object_id=unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = self._version_or_404(version_id)
        if self.model._base_manager.filter(pk=version.object_id).exists():
            raise Http404("This item was not deleted: open its history to revert it.")
        if issubclass(self.model, Publishable) and not may_publish(request.user, self.model):
            request.publishing_state = {
                "status": Publishable.Status.DRAFT,
                "publish_from": None,
                "publish_until": None,
            }
        return super().recover_view(request, version_id, extra_context)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        """What changed between two revisions (`?older=&newer=` version ids)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404("No such item, or you may not see it.")
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            newer = versions.get(pk=int(request.GET["newer"]))
            older = versions.get(pk=int(request.GET["older"]))
        except (KeyError, ValueError, Version.DoesNotExist):
            raise Http404("Choose two revisions of this item from its history.") from None
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": f"Changes to {obj}",
            "older": older,
            "newer": newer,
            "diff": item_diff(
                before=older.revision.version_set.select_related("content_type"),
                after=newer.revision.version_set.select_related("content_type"),
                item_key=(newer.content_type_id, newer.object_id),
            ),
        }
        return TemplateResponse(request, "admin/publishable_compare.html", context)

    def history_view(self, request, object_id, extra_context=None):
        """The history, with a link per revision to what it changed, and the review trail."""
        obj = self.get_object(request, unquote(object_id))
        versions = (
            list(Version.objects.get_for_object(obj).values_list("pk", "revision_id"))
            if obj
            else []
        )
        compare = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_compare",
            args=[object_id],
        )
        # Newest first: each revision against the one before it.
        compare_urls = {
            revision: f"{compare}?older={older}&newer={newer}"
            for (newer, revision), (older, _) in pairwise(versions)
        }
        context = {
            "compare_urls": compare_urls,
            "review_trail": list(item_changes(obj)) if obj else [],
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)


class ModeratedVersionAdmin(ModeratedAdminMixin, NoLostWorkAdmin, GuardedVersionAdmin):
    """Reference data readers see on live pages (a career, a certification): always on
    the site, so an editor's change to it waits for a publisher."""


class PublishableAdmin(ModeratedAdminMixin, NoLostWorkAdmin, GuardedVersionAdmin):
    """Editors write; only holders of the model's `publish_<model>` permission publish.

    Every save, action, revert and recovery is a revision (django-reversion).
    Reverting restores content, never the publishing state: a revert cannot
    publish or unpublish, and an editor's recovery comes back as a draft. On a live
    item, an editor's save or revert is a pending change (careers.core.moderation).
    """

    class Media:
        # Asks before leaving a change form with unsaved edits.
        js = ["js/admin_unsaved_changes.js"]

    actions = ["submit_for_review", "publish", "unpublish"]
    list_select_related = ["career"]
    autocomplete_fields = ["career"]
    date_hierarchy = "updated_at"
    readonly_fields = ["created_at", "updated_at"]
    show_facets = admin.ShowFacets.ALWAYS

    def get_formsets_with_inlines(self, request, obj=None):
        """Inlines of the parts the model's publish rules need check them too."""
        parts = self.model.publish_rules.parts
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            part = formset.fk.remote_field.get_accessor_name()
            if part in parts:
                formset = type(
                    formset.__name__, (PublishRulesFormSetMixin, formset), {"publish_part": part}
                )
            yield formset, inline

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += [f for f in PUBLISHING_FIELDS if f not in readonly]
        return readonly

    def _publishing_state(self, pk):
        return self.model.objects.filter(pk=pk).values(*PUBLISHING_FIELDS).first()

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # The revert writes the old row before the form is saved: keep what is live now.
        request.publishing_state = self._publishing_state(unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        keep = getattr(request, "publishing_state", None)
        if keep is None and not self.has_publish_permission(request):
            keep = self._publishing_state(obj.pk) if obj.pk else None
            if keep is None:  # a new item starts as a draft
                keep = {"status": obj.Status.DRAFT, "publish_from": None, "publish_until": None}
        for field, value in (keep or {}).items():
            setattr(obj, field, value)
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, status, verb, *, apply=publishable_status_set):
        """Apply a status through the model's own rules; each change is a logged revision."""
        changed, refused = 0, []
        for obj in queryset:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(verb)
                problems = apply(item=obj, status=status)
            if problems:
                refused.append(f"{obj}: {', '.join(problems)}")
                continue
            changed += 1
            self.log_change(request, obj, f"{verb} ({obj.get_status_display()})")
        if changed:
            self.message_user(request, f"{verb} {changed} {model_ngettext(self.opts, changed)}.")
        for message in refused:
            self.message_user(request, f"Not {verb.lower()}: {message}.", level="error")

    @admin.action(description="Submit selected for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        """Drafts go into the review queue; a live item's changes wait on save instead."""

        def submit(*, item, status):
            return item_submit_for_review(item=item, user=request.user, site_url=site_url(request))

        self._set_status(
            request, queryset, self.model.Status.IN_REVIEW, "Submitted for review", apply=submit
        )

    @admin.action(description="Publish selected", permissions=["publish"])
    def publish(self, request, queryset):
        def publish(*, item, status):
            problems = publishable_status_set(item=item, status=status)
            if not problems:
                new_item_published(item=item, user=request.user)
            return problems

        self._set_status(request, queryset, self.model.Status.PUBLISHED, "Published", apply=publish)

    @admin.action(description="Unpublish selected (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, self.model.Status.DRAFT, "Unpublished")


def rows_import_view(
    model_admin: admin.ModelAdmin,
    request,
    *,
    form_class: type[forms.Form],
    run: Callable[[dict], str],
    title: str,
    intro: str,
    done_url: str,
    original=None,
):
    """The one admin page for a bulk import: upload a file, check every row, import all or none.

    `run(cleaned_data)` imports and returns the success message, or raises
    ImportInvalid; then every bad line is listed, nothing is written and the
    page answers 400. `intro` is safe HTML that says what the file holds.
    """
    errors = []
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = run(form.cleaned_data)
        except ImportInvalid as invalid:
            errors = invalid.errors
        else:
            model_admin.message_user(request, message, messages.SUCCESS)
            return redirect(done_url)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": original,
        "title": title,
        "intro": intro,
        "form": form,
        "errors": errors,
        "done_url": done_url,
    }
    return TemplateResponse(
        request, "admin/import_rows.html", context, status=400 if errors else 200
    )

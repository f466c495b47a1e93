from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from careers.core.admin import ModeratedVersionAdmin, PublishableAdmin, rows_import_view
from jobs.forms import FeedImportForm, JobListingForm
from jobs.models import Company, JobListing, ListingSkill
from jobs.services import (
    feed_format,
    jobs_expire,
    jobs_feed_rows,
    jobs_import,
    jobs_search_index,
    listing_skills_detect,
)

IMPORT_PERMISSION = "jobs.import_joblistings"


@admin.register(Company)
class CompanyAdmin(ModeratedVersionAdmin):
    list_display = ["name", "website", "listing_count"]
    search_fields = ["name", "website"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(listing_count=Count("listings"))

    @admin.display(description="Listings", ordering="listing_count")
    def listing_count(self, company):
        return company.listing_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "name" in form.changed_data:
            # Site search finds listings by their company's name.
            jobs_search_index(listings=form.instance.listings.all())

    def moderation_applied(self, item, previous):
        if previous["name"] != item.name:
            jobs_search_index(listings=item.listings.all())


class OpenFilter(admin.SimpleListFilter):
    """Open to readers right now, or not (draft, expired, or past its valid-through date)."""

    title = "open to readers"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Open"), ("no", "Not open")]

    def queryset(self, request, queryset):
        live = JobListing.objects.live().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=live)
        if self.value() == "no":
            return queryset.exclude(pk__in=live)
        return queryset


class ListingSkillInline(admin.TabularInline):
    model = ListingSkill
    extra = 0
    fields = ["skill", "note", "position", "detected"]
    readonly_fields = ["detected"]
    autocomplete_fields = ["skill"]
    verbose_name_plural = (
        "Skills asked for (found in the title and description when either changes: "
        "“detected”; add others by hand)"
    )


@admin.register(JobListing)
class JobListingAdmin(PublishableAdmin):
    form = JobListingForm
    change_list_template = "jobs/admin_change_list.html"
    list_display = [
        "title",
        "company",
        "career",
        "workplace_type",
        "status",
        "posted_on",
        "valid_through",
        "is_open",
        "click_count",
    ]
    list_filter = [
        OpenFilter,
        "status",
        "career",
        "company",
        "workplace_type",
        "employment_type",
        "source",
    ]
    list_select_related = ["company", "career"]
    search_fields = ["title", "company__name", "career__name", "city", "external_id"]
    autocomplete_fields = ["company", "career"]
    date_hierarchy = "posted_on"
    readonly_fields = ["click_count", "created_at", "updated_at"]
    actions = [*PublishableAdmin.actions, "expire_selected"]
    inlines = [ListingSkillInline]
    fieldsets = [
        (None, {"fields": ["title", "company", "career", "description", "apply_url"]}),
        (
            "Where and how",
            {
                "fields": [
                    ("city", "region", "country"),
                    "workplace_type",
                    "remote_countries",
                    "employment_type",
                ]
            },
        ),
        (
            "Pay",
            {"fields": [("salary_min", "salary_max", "salary_currency", "salary_period")]},
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    ("posted_on", "valid_through"),
                    ("publish_from", "publish_until"),
                ]
            },
        ),
        (
            "Feed and clicks",
            {"fields": [("source", "external_id"), "click_count", ("created_at", "updated_at")]},
        ),
    ]

    @admin.display(boolean=True, description="Open")
    def is_open(self, listing):
        return listing.is_live() and not listing.is_expired()

    @admin.action(description="Expire selected listings", permissions=["publish"])
    def expire_selected(self, request, queryset):
        count = jobs_expire(listings=queryset)
        self.message_user(request, f"Expired {count} listing(s).", messages.SUCCESS)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="jobs_joblisting_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import": request.user.has_perm(IMPORT_PERMISSION),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        """Upload a feed: every row is checked first, then all are written, or none."""
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied

        def run(data: dict) -> str:
            upload = data["file"]
            rows = jobs_feed_rows(content=upload.read(), file_format=feed_format(upload.name))
            result = jobs_import(rows=rows, source=data["source"], today=timezone.localdate())
            return f"Imported {upload.name}: {result}."

        return rows_import_view(
            self,
            request,
            form_class=FeedImportForm,
            run=run,
            title="Import job listings",
            intro=mark_safe(
                "Upload a source's whole feed as JSON or CSV (the format is in "
                "<code>jobs/IMPORT_FORMAT.md</code>). Every row is checked first: if any row "
                "is wrong, nothing is imported and each problem is listed with its line. "
                "Listings are matched by source and external id, so importing the same file "
                "again changes nothing; open listings of the source that are missing from the "
                "file are expired."
            ),
            done_url=reverse("admin:jobs_joblisting_changelist"),
        )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is ListingSkill and (
            not change or {"title", "description"} & set(form.changed_data)
        ):
            # Before the save is kept (live, or as a pending change a publisher reviews):
            # what was detected is part of it. An editor's removal of a detected skill
            # stands until the text changes again.
            listing_skills_detect([form.instance])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        jobs_search_index(listings=JobListing.objects.filter(pk=form.instance.pk))

    def moderation_applied(self, item, previous):
        jobs_search_index(listings=JobListing.objects.filter(pk=item.pk))

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from careers.core.admin import ModeratedVersionAdmin, PublishableAdmin, rows_import_view
from jobs.fetching import Deadline, http_client, source_fetch
from jobs.forms import FeedImportForm, JobListingForm
from jobs.models import Company, JobListing, JobSource, ListingSkill
from jobs.services import (
    feed_format,
    jobs_expire,
    jobs_feed_rows,
    jobs_import,
    jobs_search_index,
    listing_skills_detect,
)

IMPORT_PERMISSION = "jobs.import_joblistings"
FETCH_PERMISSION = "jobs.fetch_jobsource"
# Fetched in the request: a few boards, all of them within one time budget (attempts
# and waits included), so the page answers well inside gunicorn's 30 s time-out.
MAX_FETCH_NOW = 3
FETCH_NOW_SECONDS = 15.0


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


class CameFromFilter(admin.SimpleListFilter):
    """Fetched from a job source, imported from a feed file, or typed in. (Each source's
    name is also its listings' `source`, so the "source" filter below names the board.)
    Fixed choices: no query for them."""

    title = "where it came from"
    parameter_name = "came_from"

    def lookups(self, request, model_admin):
        return [("board", "An employer's board"), ("feed", "A feed file"), ("typed", "Typed in")]

    def queryset(self, request, queryset):
        if self.value() == "board":
            return queryset.filter(job_source__isnull=False)
        if self.value() == "feed":
            return queryset.filter(job_source__isnull=True).exclude(source="")
        if self.value() == "typed":
            return queryset.filter(job_source__isnull=True, source="")
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
        "came_from",
        "confirmed_on",
        "click_count",
    ]
    list_filter = [
        OpenFilter,
        "status",
        "career",
        "company",
        "workplace_type",
        "employment_type",
        CameFromFilter,
        "source",
    ]
    list_select_related = ["company", "career", "job_source"]
    search_fields = ["title", "company__name", "career__name", "city", "external_id"]
    autocomplete_fields = ["company", "career"]
    date_hierarchy = "posted_on"
    readonly_fields = [
        "job_source",
        "confirmed_on",
        "click_count",
        "created_at",
        "updated_at",
    ]
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
            "Where it came from, and clicks",
            {
                "description": "A listing fetched from an employer's board names its job "
                "source and the last day the board still listed it; an imported one, its "
                "feed. A listing typed in here has neither.",
                "fields": [
                    ("job_source", "confirmed_on"),
                    ("source", "external_id"),
                    "click_count",
                    ("created_at", "updated_at"),
                ],
            },
        ),
    ]

    @admin.display(description="From", ordering="job_source__name")
    def came_from(self, listing):
        """The job source (and its kind) a listing was fetched from, the feed it was
        imported from, or "typed in"."""
        if listing.job_source_id:
            return f"{listing.job_source.name} ({listing.source_display})"
        return f"feed {listing.source}" if listing.source else "typed in"

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


@admin.register(JobSource)
class JobSourceAdmin(admin.ModelAdmin):
    """Employers' boards fetched on a schedule. Fetched listings go live without review,
    so only publishers add, change, pause or fetch a source; editors see the record."""

    list_display = [
        "name",
        "company",
        "kind",
        "active",
        "outcome",
        "last_fetched_at",
        "counts_display",
        "next_due_at",
    ]
    list_filter = ["kind", "active", "outcome"]
    list_select_related = ["company"]
    search_fields = ["name", "company__name", "identifier"]
    autocomplete_fields = ["company", "default_career"]
    readonly_fields = [
        "last_fetched_at",
        "outcome",
        "counts_display",
        "skipped_display",
        "last_error",
        "next_due_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "company", "kind", "identifier"]}),
        ("Careers", {"fields": ["default_career", "title_rules"]}),
        ("Schedule", {"fields": ["active", "interval_minutes"]}),
        (
            "Last fetch",
            {
                "fields": [
                    ("last_fetched_at", "outcome", "next_due_at"),
                    "counts_display",
                    "skipped_display",
                    "last_error",
                ]
            },
        ),
    ]

    actions = ["fetch_now"]

    def has_fetch_permission(self, request) -> bool:
        return request.user.has_perm(FETCH_PERMISSION)

    @admin.action(description="Fetch selected sources now", permissions=["fetch"])
    def fetch_now(self, request, queryset):
        """Fetch up to three sources in the request, within FETCH_NOW_SECONDS in all: a
        board that hangs is given up on (and recorded as failed) rather than holding the
        page for three attempts of a 20 s read each; `fetch_jobs` has no such limit."""
        sources = list(queryset.select_related("company", "default_career")[: MAX_FETCH_NOW + 1])
        if len(sources) > MAX_FETCH_NOW:
            self.message_user(
                request,
                f"Fetch at most {MAX_FETCH_NOW} sources at once here; "
                "`manage.py fetch_jobs` fetches any number.",
                messages.ERROR,
            )
            return
        deadline = Deadline(FETCH_NOW_SECONDS)
        with http_client() as client:
            for source in sources:
                if deadline.left() <= 1:
                    self.message_user(
                        request,
                        f"{source}: not fetched: the {FETCH_NOW_SECONDS:g} s a fetch from here "
                        "may take ran out; it is fetched on its schedule, or fetch it alone.",
                        messages.WARNING,
                    )
                    continue
                _, result, error = source_fetch(source, client=client, deadline=deadline)
                if error:
                    self.message_user(
                        request, f"{source}: failed, nothing changed: {error}", messages.ERROR
                    )
                else:
                    what = "not modified since the last fetch" if result is None else result
                    self.message_user(request, f"{source}: {what}.", messages.SUCCESS)

    @admin.display(description="Counts")
    def counts_display(self, source):
        return source_counts_text(source.counts)

    @admin.display(description="Skipped postings")
    def skipped_display(self, source):
        return "; ".join(f"{item['id']}: {item['reason']}" for item in source.skipped) or "—"

    def save_model(self, request, obj, form, change):
        if change:
            # The fetch writes the record; the form saves only the settings it shows.
            fields = [f.name for f in obj._meta.concrete_fields if f.name not in obj.RECORD_FIELDS]
            obj.save(update_fields=[name for name in fields if name != "id"])
        else:
            obj.save()


def source_counts_text(counts: dict) -> str:
    """ "3 new, 1 updated, 10 unchanged, 0 expired, 2 skipped" (empty before the first fetch)."""
    names = ("new", "updated", "unchanged", "expired", "skipped")
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in names) if counts else "—"

from adminsortable2.admin import (
    SortableAdminBase,
    SortableStackedInline,
    SortableTabularInline,
)
from django.contrib import admin

from careers.core.admin import (
    ModeratedVersionAdmin,
    NoLostWorkAdmin,
    PositionedInlineFormSet,
    PublishableAdmin,
)
from guides import services
from guides.forms import GuideForm
from guides.models import (
    FAQ,
    Certification,
    Guide,
    GuideCertification,
    GuideRedirect,
    GuideSkill,
    Path,
    RelatedGuide,
    RoadmapStep,
)


class RoadmapStepInline(SortableStackedInline):
    model = RoadmapStep
    formset = PositionedInlineFormSet
    extra = 0
    fields = [
        "title",
        ("duration_min", "duration_max", "duration_unit", "duration_label"),
        "description",
        "skills",
    ]
    autocomplete_fields = ["skills"]


class SkillInline(SortableTabularInline):
    model = GuideSkill
    extra = 0
    fields = ["kind", "skill", "note"]
    autocomplete_fields = ["skill"]


class PathInline(SortableTabularInline):
    model = Path
    extra = 0
    fields = [
        "name",
        "duration_min",
        "duration_max",
        "duration_unit",
        "cost_min",
        "cost_max",
        "cost_currency",
        "is_typical",
    ]


class GuideCertificationInline(SortableTabularInline):
    model = GuideCertification
    extra = 0
    autocomplete_fields = ["certification"]


class FAQInline(SortableStackedInline):
    model = FAQ
    extra = 0
    fields = ["question", "answer"]


class RelatedGuideInline(SortableTabularInline):
    model = RelatedGuide
    fk_name = "guide"
    extra = 0
    autocomplete_fields = ["related"]
    verbose_name = "related guide"


@admin.register(Guide)
class GuideAdmin(SortableAdminBase, PublishableAdmin):
    form = GuideForm
    list_display = ["title", "edition_year", "career", "status", "publish_from", "updated_at"]
    list_filter = ["status", "edition_year", "career__category"]
    search_fields = ["title", "slug", "career__name", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "career",
                    "edition_year",
                    "title",
                    "slug",
                    "seo_title",
                    "meta_description",
                ]
            },
        ),
        ("Introduction", {"fields": ["intro", "prerequisite_note"]}),
        (
            "Pace",
            {
                "fields": ["weekly_hours"],
                "description": "The step and path durations assume this many hours of study "
                "a week; readers scale them to the hours they can give.",
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    ("publish_from", "publish_until"),
                    ("created_at", "updated_at"),
                ],
                "description": "Editors save drafts and submit them for review; publishers "
                "publish, schedule and unpublish. A scheduled guide goes live by itself.",
            },
        ),
    ]
    inlines = [
        RoadmapStepInline,
        SkillInline,
        PathInline,
        GuideCertificationInline,
        FAQInline,
        RelatedGuideInline,
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            services.guide_slug_changed(guide=obj, old_slug=form.initial.get("slug", ""))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The guide is saved before its parts: index it, and draw its preview card,
        # once all of them are.
        self._parts_saved(form.instance)

    def moderation_applied(self, item, previous):
        services.guide_slug_changed(guide=item, old_slug=previous["slug"])
        self._parts_saved(item)

    @staticmethod
    def _parts_saved(guide):
        """What readers see of the guide changed: search and its link-preview card follow."""
        services.guide_search_index(guide=guide)
        services.guides_card_draw(guides=Guide.objects.filter(pk=guide.pk))


@admin.register(Certification)
class CertificationAdmin(ModeratedVersionAdmin):
    preview_enabled = False  # readers meet a certification on guide pages only

    list_display = ["name", "provider", "cost_display", "duration_display"]
    list_filter = ["provider"]
    search_fields = ["name", "provider", "skills__name"]
    autocomplete_fields = ["skills"]

    @admin.display(description="Cost")
    def cost_display(self, certification):
        return certification.cost_display

    @admin.display(description="Preparation")
    def duration_display(self, certification):
        return certification.duration_display


@admin.register(GuideRedirect)
class GuideRedirectAdmin(NoLostWorkAdmin):
    list_display = ["old_slug", "guide", "created_at"]
    list_select_related = ["guide"]
    search_fields = ["old_slug", "guide__title"]
    autocomplete_fields = ["guide"]

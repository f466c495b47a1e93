from django.contrib import admin

from guides.models import (
    FAQ,
    Certification,
    Guide,
    GuideCertification,
    Path,
    RelatedGuide,
    RoadmapStep,
    Skill,
)


class RoadmapStepInline(admin.StackedInline):
    model = RoadmapStep
    extra = 0
    fields = [
        ("position", "title"),
        ("duration_min", "duration_max", "duration_unit", "duration_label"),
        "description",
    ]


class SkillInline(admin.TabularInline):
    model = Skill
    extra = 0
    fields = ["position", "kind", "name"]


class PathInline(admin.TabularInline):
    model = Path
    extra = 0
    fields = [
        "position",
        "name",
        "duration_min",
        "duration_max",
        "duration_unit",
        "cost_min",
        "cost_max",
        "cost_currency",
        "is_typical",
    ]


class GuideCertificationInline(admin.TabularInline):
    model = GuideCertification
    extra = 0
    autocomplete_fields = ["certification"]


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    fields = [("position", "question"), "answer"]


class RelatedGuideInline(admin.TabularInline):
    model = RelatedGuide
    fk_name = "guide"
    extra = 0
    autocomplete_fields = ["related"]
    verbose_name = "related guide"


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title", "edition_year", "career", "status", "publish_from", "updated_at"]
    list_filter = ["status", "edition_year", "career__category"]
    list_select_related = ["career"]
    search_fields = ["title", "career__name", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["career"]
    date_hierarchy = "updated_at"
    readonly_fields = ["created_at", "updated_at"]
    show_facets = admin.ShowFacets.ALWAYS
    fieldsets = [
        (None, {"fields": ["career", "edition_year", "title", "slug", "meta_description"]}),
        ("Introduction", {"fields": ["intro", "prerequisite_note"]}),
        (
            "Publishing",
            {"fields": ["status", ("publish_from", "publish_until"), ("created_at", "updated_at")]},
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


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["name", "provider", "cost_display", "duration_display"]
    list_filter = ["provider"]
    search_fields = ["name", "provider"]

    @admin.display(description="Cost")
    def cost_display(self, certification):
        return certification.cost_display

    @admin.display(description="Preparation")
    def duration_display(self, certification):
        return certification.duration_display

from adminsortable2.admin import (
    SortableAdminBase,
    SortableStackedInline,
    SortableTabularInline,
)
from django import forms
from django.contrib import admin
from django.utils.text import capfirst

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


class GuidePartInline:
    """What every part of a guide's screen shares: rows have no "View on site" link
    (a part is seen on its guide's page), and no empty rows until asked for."""

    extra = 0
    view_on_site = False


class RoadmapStepInline(GuidePartInline, SortableStackedInline):
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


class SkillOfKindForm(forms.ModelForm):
    """A skill row of one kind: the kind is the section's, whatever the browser sends."""

    kind_value = ""

    class Meta:
        model = GuideSkill
        fields = ["kind", "skill", "note"]
        widgets = {"kind": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = self.kind_value
        self.instance.kind = self.kind_value

    def clean_kind(self):
        return self.kind_value


class SkillOfKindFormSet(PositionedInlineFormSet):
    def __init__(self, *args, queryset=None, **kwargs):
        skills = GuideSkill._default_manager if queryset is None else queryset
        # Given once, so the formset reads (and caches) the one query, as Django's do.
        super().__init__(*args, queryset=skills.filter(kind=self.form.kind_value), **kwargs)


class SkillInline(GuidePartInline, SortableTabularInline):
    """Skills of one kind: technical and soft skills are separate sections of the screen."""

    model = GuideSkill
    formset = SkillOfKindFormSet
    fields = ["kind", "skill", "note"]
    autocomplete_fields = ["skill"]


class TechnicalSkillInline(SkillInline):
    form = type("TechnicalSkillForm", (SkillOfKindForm,), {"kind_value": GuideSkill.Kind.TECHNICAL})
    verbose_name = "technical skill"


class SoftSkillInline(SkillInline):
    form = type("SoftSkillForm", (SkillOfKindForm,), {"kind_value": GuideSkill.Kind.SOFT})
    verbose_name = "soft skill"


class PathInline(GuidePartInline, SortableStackedInline):
    model = Path
    # Three short rows rather than one row of eight fields wider than the window.
    fields = [
        ("name", "is_typical"),
        ("duration_min", "duration_max", "duration_unit"),
        ("cost_min", "cost_max", "cost_currency"),
    ]


class GuideCertificationInline(GuidePartInline, SortableTabularInline):
    model = GuideCertification
    autocomplete_fields = ["certification"]


class FAQInline(GuidePartInline, SortableStackedInline):
    model = FAQ
    fields = ["question", "answer"]


class RelatedGuideInline(GuidePartInline, SortableTabularInline):
    model = RelatedGuide
    fk_name = "guide"
    autocomplete_fields = ["related"]
    verbose_name = "related guide"


# A section with more rows than this opens folded, its count in its heading.
FOLD_AFTER_ROWS = 3


@admin.register(Guide)
class GuideAdmin(SortableAdminBase, PublishableAdmin):
    class Media:
        js = ["js/admin_parts.js"]
        css = {"all": ["css/admin_parts.css"]}

    form = GuideForm
    list_display = ["title", "edition_year", "career", "status", "publish_from", "updated_at"]
    list_filter = ["status", "edition_year", "career__category"]
    search_fields = ["title", "slug", "career__name", "intro"]
    # No slug prepopulated from the title ("how-to-become-a-…"): GuideForm gives an empty
    # slug the career's, the house style.
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
        TechnicalSkillInline,
        SoftSkillInline,
        PathInline,
        GuideCertificationInline,
        FAQInline,
        RelatedGuideInline,
    ]

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        """Each section's heading counts its rows; a long one opens folded (Django keeps a
        section with errors open), so the screen fits and the part being edited shows."""
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline, rows = inline_formset.opts, inline_formset.formset.initial_form_count()
            inline.verbose_name_plural = f"{capfirst(inline.verbose_name_plural)} ({rows})"
            if rows > FOLD_AFTER_ROWS:
                inline_formset.classes = f"{inline_formset.classes} collapse".strip()
        return inline_formsets

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

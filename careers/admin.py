from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.db.models import Count
from django.template.response import TemplateResponse

from careers.core.admin import ModeratedVersionAdmin
from careers.forms import CareerForm
from careers.models import Career, Category, SalaryFigure, Skill, SkillAlias
from careers.search import skill_search
from careers.skills import skills_merge

admin.site.site_header = f"{settings.SITE_NAME} editors"
admin.site.site_title = f"{settings.SITE_NAME} admin"
admin.site.index_title = "Content"


@admin.register(Category)
class CategoryAdmin(ModeratedVersionAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SalaryFigureInline(admin.TabularInline):
    model = SalaryFigure
    extra = 0
    fields = ["position", "label", "low", "high", "currency", "period", "source_name", "as_of"]


@admin.register(Career)
class CareerAdmin(ModeratedVersionAdmin):
    form = CareerForm
    list_display = ["name", "category", "salary_display", "salary_as_of", "outlook_as_of"]
    list_filter = ["category"]
    list_select_related = ["category"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["category"]
    inlines = [SalaryFigureInline]
    fieldsets = [
        (None, {"fields": ["name", "article", "slug", "category", "description"]}),
        (
            "Typical pay (the salary snapshot)",
            {
                "description": "The range the guide, the careers list and comparisons quote "
                "for someone working in the role: a range, not a median. Each level goes in the "
                "salary figures below. Link a source only when the figure comes from it.",
                "fields": [
                    ("salary_low", "salary_high"),
                    ("salary_currency", "salary_period"),
                    ("salary_source_name", "salary_source_url"),
                    "salary_as_of",
                ],
            },
        ),
        (
            "Job outlook",
            {
                "fields": [
                    ("outlook_growth_percent", "outlook_horizon_year"),
                    "outlook_label",
                    "outlook_text",
                    ("outlook_source_name", "outlook_source_url"),
                    "outlook_as_of",
                ]
            },
        ),
    ]

    # Made from a guide's screen (the "+" beside its career): only what the guide needs.
    POPUP_FIELDSETS = [
        (
            None,
            {
                "description": "The typical pay, salary figures and job outlook can follow on "
                "the career's own page; the guide can be published once they are in.",
                "fields": ["name", "article", "slug", "category", "description"],
            },
        )
    ]

    def _adding_in_popup(self, request, obj) -> bool:
        return obj is None and (IS_POPUP_VAR in request.GET or IS_POPUP_VAR in request.POST)

    def get_fieldsets(self, request, obj=None):
        if self._adding_in_popup(request, obj):
            return self.POPUP_FIELDSETS
        return super().get_fieldsets(request, obj)

    def get_inlines(self, request, obj):
        return [] if self._adding_in_popup(request, obj) else super().get_inlines(request, obj)

    @admin.display(description="Typical pay", empty_value="not yet given")
    def salary_display(self, career):
        return career.salary_display or None


class SkillAliasInline(admin.TabularInline):
    model = SkillAlias
    extra = 0
    fields = ["text", "case_sensitive", "whole_word"]


@admin.register(Skill)
class SkillAdmin(ModeratedVersionAdmin):
    actions = ["merge_into"]
    list_display = ["name", "kind", "category", "uses"]
    list_filter = ["kind", "category"]
    search_fields = ["name", "aliases__text", "category"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SkillAliasInline]
    fields = ["name", "slug", "kind", "category", "name_case_sensitive", "description"]

    def get_queryset(self, request):
        # How many guides, steps, cards and listings point at each skill (one query).
        return (
            super()
            .get_queryset(request)
            .annotate(
                guide_count=Count("guide_links", distinct=True),
                step_count=Count("roadmap_steps", distinct=True),
                card_count=Count("cards", distinct=True),
                listing_count=Count("listing_links", distinct=True),
            )
        )

    @admin.display(description="Guides · steps · cards · listings")
    def uses(self, skill):
        return (
            f"{skill.guide_count} · {skill.step_count} · {skill.card_count} · {skill.listing_count}"
        )

    def has_merge_permission(self, request):
        return request.user.has_perm("careers.merge_skill")

    @admin.action(description="Merge selected skills…", permissions=["merge"])
    def merge_into(self, request, queryset):
        """First a confirmation page: the selected skills with their uses, a choice of the
        one to keep; merged only once that page is sent back with a valid choice."""
        skills = list(queryset.order_by("name"))
        if len(skills) < 2:
            self.message_user(
                request,
                "Select at least two skills to merge, then pick the one to keep.",
                messages.ERROR,
            )
            return None
        error = ""
        if request.POST.get("post") == "yes":
            chosen = request.POST.get("keep", "")
            keep = next((skill for skill in skills if str(skill.pk) == chosen), None)
            if keep is not None:
                merged = [skill for skill in skills if skill.pk != keep.pk]
                moved = skills_merge(keep=keep, merged=merged, user=request.user)
                skill_search.index(Skill.objects.filter(pk=keep.pk))
                names = ", ".join(skill.name for skill in merged)
                self.message_user(
                    request,
                    f"Merged {names} into {keep.name}: {moved} references moved; "
                    "each merged name is now an alias.",
                    messages.SUCCESS,
                )
                return None
            error = (
                "Pick the skill to keep: nothing was merged."
                if not chosen
                else "The skill to keep must be one of the selected skills: nothing was merged."
            )
        return TemplateResponse(
            request,
            "admin/careers/skill/merge_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge skills",
                "opts": self.model._meta,
                "skills": skills,
                "error": error,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        skill_search.index(Skill.objects.filter(pk=form.instance.pk))

    def moderation_applied(self, item, previous):
        skill_search.index(Skill.objects.filter(pk=item.pk))

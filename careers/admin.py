from django.conf import settings
from django.contrib import admin

from careers.core.admin import ModeratedVersionAdmin
from careers.forms import CareerForm
from careers.models import Career, Category, SalaryFigure, Skill, SkillAlias

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

    @admin.display(description="Typical pay")
    def salary_display(self, career):
        return career.salary_display


class SkillAliasInline(admin.TabularInline):
    model = SkillAlias
    extra = 0
    fields = ["text", "case_sensitive", "whole_word"]


@admin.register(Skill)
class SkillAdmin(ModeratedVersionAdmin):
    list_display = ["name", "kind", "category"]
    list_filter = ["kind", "category"]
    search_fields = ["name", "aliases__text", "category"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SkillAliasInline]
    fields = ["name", "slug", "kind", "category", "name_case_sensitive", "description"]

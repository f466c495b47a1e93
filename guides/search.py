"""What site search finds of guides: live guides, by title, intro, steps, skills and FAQs."""

from django.db.models import QuerySet

from careers.core.search import SearchKind, join_text, plain_text
from guides.figures import annotated_figures, with_figures
from guides.models import Guide


class GuideSearch(SearchKind):
    key = "guides"
    label = "Guides"
    model = Guide

    def queryset(self) -> QuerySet[Guide]:
        # With its figures (subqueries of the same query): results state them as cards do.
        return with_figures(Guide.objects.live()).select_related("career__category")

    def title(self, guide: Guide) -> str:
        return guide.full_title

    def meta(self, guide: Guide) -> str:
        figures = annotated_figures(guide)
        return f"Guide · {guide.career.category.name} · {figures.line}"

    def index_queryset(self, guides: QuerySet[Guide]) -> QuerySet[Guide]:
        return guides.prefetch_related("steps", "skills__skill", "faqs")

    def text(self, guide: Guide) -> str:
        """What site search reads of a guide besides its title: intro, steps, skills, FAQs."""
        parts = [plain_text(guide.intro_html)]
        for step in guide.steps.all():
            parts += [step.title, plain_text(step.description_html)]
        parts += [link.skill.name for link in guide.skills.all()]
        for faq in guide.faqs.all():
            parts += [faq.question, plain_text(faq.answer_html)]
        return join_text(*parts)


guide_search = GuideSearch()

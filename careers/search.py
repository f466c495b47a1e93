"""What site search finds of skills: every skill, by its name, aliases and description
("k8s" finds Kubernetes)."""

from django.db.models import QuerySet

from careers.core.search import SearchKind, join_text, plain_text
from careers.models import Skill


class SkillSearch(SearchKind):
    key = "skills"
    label = "Skills"
    model = Skill
    title_field = "name"

    def queryset(self) -> QuerySet[Skill]:
        return Skill.objects.all()

    def meta(self, skill: Skill) -> str:
        return f"Skill · {skill.category}" if skill.category else "Skill"

    def index_queryset(self, skills: QuerySet[Skill]) -> QuerySet[Skill]:
        return skills.prefetch_related("aliases")

    def text(self, skill: Skill) -> str:
        aliases = [alias.text for alias in skill.aliases.all()]
        return join_text(*aliases, plain_text(skill.description_html))


skill_search = SkillSearch()

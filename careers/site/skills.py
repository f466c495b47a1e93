"""/skills/ and /skills/<slug>/: every skill, and one skill with everything that points at it.

The pages compose the apps (guides teach a skill, cards practise it, listings ask for
it), so they live in the site layer. Each read is one query; the pages keep a fixed
number of queries whatever the amount of content.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from careers.models import Skill, SkillAlias
from flashcards.models import Card, Deck
from guides.models import Guide, GuideSkill, RoadmapStep
from jobs.models import JobListing

OTHER_CATEGORY = "Other skills"
TOP_LISTINGS = 5


def skills_by_category() -> list[tuple[str, list[Skill]]]:
    """[(category, [skill, ...]), ...], categories by name with "Other skills" last; each
    skill has `career_count` (careers whose live guide teaches it) and `listing_count`
    (open listings asking for it). One query."""
    skills = Skill.objects.annotate(
        career_count=Count(
            "guide_links__guide__career",
            filter=Q(guide_links__guide__in=Guide.objects.live().values("pk")),
            distinct=True,
        ),
        listing_count=Count(
            "listing_links__listing",
            filter=Q(listing_links__listing__in=JobListing.objects.live().values("pk")),
            distinct=True,
        ),
    ).only("name", "slug", "category")
    groups: dict[str, list[Skill]] = {}
    for skill in skills.order_by("name"):
        groups.setdefault(skill.category or OTHER_CATEGORY, []).append(skill)
    return sorted(groups.items(), key=lambda item: (item[0] == OTHER_CATEGORY, item[0]))


@dataclass(frozen=True)
class Demand:
    """How many of a career's open listings ask for the skill."""

    career_name: str
    career_slug: str
    asking: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.asking / self.total) if self.total else 0


@dataclass
class SkillPage:
    skill: Skill
    guide_links: list[GuideSkill]  # one a career, its newest live guide's
    steps: list[RoadmapStep]
    certifications: list
    cards: list[Card]
    listing_count: int
    top_listings: list[JobListing]
    demand: list[Demand]


def skill_for_page(slug: str) -> SkillPage:
    """One skill and what points at it (nine queries), or 404."""
    skill = get_object_or_404(Skill.objects.prefetch_related("aliases"), slug=slug)
    live_guides = Guide.objects.live().values("pk")
    links = (
        GuideSkill.objects.filter(skill=skill, guide__in=live_guides)
        .select_related("guide__career")
        .order_by("guide__career__name", "-guide__edition_year")
    )
    by_career: dict[int, GuideSkill] = {}
    for link in links:
        by_career.setdefault(link.guide.career_id, link)
    steps = list(
        RoadmapStep.objects.filter(skills=skill, guide__in=live_guides)
        .select_related("guide")
        .order_by("guide__title", "position")
    )
    cards = list(
        Card.objects.filter(skills=skill, deck__in=Deck.objects.live().values("pk"))
        .select_related("deck")
        .order_by("deck__title", "position")
        .only("question", "position", "deck__title", "deck__slug")
    )
    listings = JobListing.objects.live().filter(skill_links__skill=skill)
    top = list(
        listings.select_related("company", "career")
        .only(
            "title",
            "posted_on",
            "company__name",
            "career__name",
            "career__slug",
            "city",
            "region",
            "country",
            "workplace_type",
            "remote_countries",
        )
        .order_by("-posted_on", "-id")[:TOP_LISTINGS]
    )
    demand = [
        Demand(row["career__name"], row["career__slug"], row["asking"], row["total"])
        for row in JobListing.objects.live()
        .values("career__name", "career__slug")
        .annotate(
            total=Count("pk", distinct=True),
            asking=Count("pk", filter=Q(skill_links__skill=skill), distinct=True),
        )
        .filter(asking__gt=0)
        .order_by("career__name")
    ]
    return SkillPage(
        skill=skill,
        guide_links=list(by_career.values()),
        steps=steps,
        certifications=list(skill.certifications.all()),
        cards=cards,
        listing_count=sum(row.asking for row in demand),
        top_listings=top,
        demand=sorted(demand, key=lambda row: (-row.percent, row.career_name)),
    )


def skills_for_browser() -> list[dict]:
    """Every skill as the browser's matcher (static/js/skill_match.js) reads it: slug,
    name, address, and the terms careers.skills finds it under, with the same flags
    (two queries)."""
    aliases: dict[int, list[dict]] = {}
    for skill_id, text, case_sensitive, whole_word in SkillAlias.objects.order_by(
        "skill_id", "text"
    ).values_list("skill_id", "text", "case_sensitive", "whole_word"):
        aliases.setdefault(skill_id, []).append(
            {"text": text, "case_sensitive": case_sensitive, "whole_word": whole_word}
        )
    return [
        {
            "slug": skill.slug,
            "name": skill.name,
            "url": skill.get_absolute_url(),
            "name_case_sensitive": skill.name_case_sensitive,
            "aliases": aliases.get(skill.pk, []),
        }
        for skill in Skill.objects.order_by("name").only("name", "slug", "name_case_sensitive")
    ]

"""Editorial steps on guides: publishing, address changes and the site-search index."""

from django.db import connection, transaction
from django.db.models import QuerySet

from careers.search import join_text, plain_text, search_vector
from careers.services import publishable_status_set
from guides.models import Guide, GuideRedirect


def guide_publish_problems(*, guide: Guide, step_count: int) -> list[str]:
    """Why a guide may not go live, in words an editor can act on (empty: it may)."""
    problems = []
    if step_count < 1:
        problems.append("add at least one roadmap step")
    if not guide.meta_description.strip():
        problems.append("write a meta description")
    return problems


def guide_status_set(*, guide: Guide, status: str) -> list[str]:
    """Move a guide to `status`; publishing checks the rules first. Returns the problems."""
    return publishable_status_set(
        item=guide,
        status=status,
        publish_problems=lambda: guide_publish_problems(
            guide=guide, step_count=guide.steps.count()
        ),
    )


@transaction.atomic
def guide_slug_changed(*, guide: Guide, old_slug: str) -> None:
    """Keep the old address answering with a permanent redirect to the new one."""
    if not old_slug or old_slug == guide.slug:
        return
    # The new address may have been an old one: it is live again, so no redirect.
    GuideRedirect.objects.filter(old_slug=guide.slug).delete()
    GuideRedirect.objects.update_or_create(old_slug=old_slug, defaults={"guide": guide})


def guide_search_text(*, guide: Guide) -> str:
    """What site search reads of a guide besides its title: intro, steps, skills, FAQs."""
    parts = [plain_text(guide.intro_html)]
    for step in guide.steps.all():
        parts += [step.title, plain_text(step.description_html)]
    parts += [skill.name for skill in guide.skills.all()]
    for faq in guide.faqs.all():
        parts += [faq.question, plain_text(faq.answer_html)]
    return join_text(*parts)


def guides_search_index(*, guides: QuerySet[Guide]) -> int:
    """Rebuild the stored search text of these guides, and on PostgreSQL their search
    vector (one UPDATE, from the stored text). Returns how many guides."""
    guides = list(guides.order_by().prefetch_related("steps", "skills", "faqs"))
    for guide in guides:
        guide.search_text = guide_search_text(guide=guide)
    Guide.objects.bulk_update(guides, ["search_text"], batch_size=500)
    _guides_search_vector_update(pks=[guide.pk for guide in guides])
    return len(guides)


def guide_search_index(*, guide: Guide) -> None:
    """After the guide or any of its parts changed: keep site search up to date."""
    guide.search_text = guide_search_text(guide=guide)
    Guide.objects.filter(pk=guide.pk).update(search_text=guide.search_text)
    _guides_search_vector_update(pks=[guide.pk])


def _guides_search_vector_update(*, pks: list[int]) -> None:
    # A separate UPDATE: in the one that sets search_text, the old text would be read.
    if pks and connection.vendor == "postgresql":
        Guide.objects.filter(pk__in=pks).update(search_vector=search_vector("title"))

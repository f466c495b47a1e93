"""Editorial steps on guides: publishing and address changes."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from careers.models import Publishable
from guides.models import Guide, GuideRedirect


def guide_publish_problems(*, guide: Guide, step_count: int) -> list[str]:
    """Why a guide may not go live, in words an editor can act on (empty: it may)."""
    problems = []
    if step_count < 1:
        problems.append("add at least one roadmap step")
    if not guide.meta_description.strip():
        problems.append("write a meta description")
    return problems


@transaction.atomic
def guide_status_set(*, guide: Guide, status: str, user: AbstractBaseUser) -> list[str]:
    """Move a guide to `status`; publishing checks the rules first. Returns the problems."""
    if status == Publishable.Status.PUBLISHED:
        problems = guide_publish_problems(guide=guide, step_count=guide.steps.count())
        if problems:
            return problems
    guide.status = status
    guide.full_clean()
    guide.save(update_fields=["status", "updated_at"])
    return []


@transaction.atomic
def guide_slug_changed(*, guide: Guide, old_slug: str) -> None:
    """Keep the old address answering with a permanent redirect to the new one."""
    if not old_slug or old_slug == guide.slug:
        return
    # The new address may have been an old one: it is live again, so no redirect.
    GuideRedirect.objects.filter(old_slug=guide.slug).delete()
    GuideRedirect.objects.update_or_create(old_slug=old_slug, defaults={"guide": guide})

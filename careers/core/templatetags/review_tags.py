"""The review news on the admin home page: what waits for this publisher, and what
became of this editor's submissions."""

import datetime

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from careers.core.models import PendingChange
from careers.core.moderation import may_publish
from careers.core.moderation_admin import moderated_models

register = template.Library()

RECENT = datetime.timedelta(days=30)
SHOWN = 5


@register.simple_tag(takes_context=True)
def review_news(context) -> dict:
    user = context["request"].user
    publishable = ContentType.objects.get_for_models(
        *[model for model in moderated_models() if may_publish(user, model)]
    ).values()
    waiting = PendingChange.objects.filter(
        content_type__in=publishable, state__in=PendingChange.UNDECIDED_STATES
    ).count()
    mine = list(
        PendingChange.objects.filter(submitted_by=user)
        .filter(Q(is_open=True) | Q(decided_at__gte=timezone.now() - RECENT))
        .exclude(state=PendingChange.State.SUPERSEDED)
        .select_related("decided_by")[:SHOWN]
    )
    return {"waiting": waiting, "may_publish": bool(publishable), "mine": mine}

"""Email about the review queue: publishers hear of submissions, editors of decisions.

Sent through Django's email framework (EMAIL_URL: the console in `make run`, SMTP
in production) after the transaction that made the news commits. A mail server
that is down costs an error in the log, never the editor's work: the admin home
page shows the same news.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

# with_perm() needs one backend named when several are configured (django-axes is one).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _send(messages: list[EmailMessage]) -> int:
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages)
    except Exception:  # any transport failure: the news is also on the admin home page
        logger.exception("Could not send %d review email(s)", len(messages))
        return 0


def _message(*, subject: str, template: str, context: dict, to: list[str]) -> EmailMessage:
    body = render_to_string(f"admin/moderation/email/{template}", context)
    return EmailMessage(subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=to)


def _publishers(change) -> list:
    """Active accounts with an address that may decide on the change, but not its author."""
    from careers.core.moderation import publish_permission  # it imports this module

    model = change.content_type.model_class()
    if model is None:
        return []
    users = get_user_model().objects.with_perm(
        publish_permission(model), is_active=True, backend=PERMISSION_BACKEND
    )
    return [user for user in users.exclude(email="") if user.pk != change.submitted_by_id]


def change_submitted(change, *, site_url: str = "") -> int:
    """Tell each publisher a change waits for them; returns how many emails went."""
    review_url = site_url + reverse("admin:core_pendingchange_change", args=[change.pk])
    context = {
        "change": change,
        "review_url": review_url,
        "submitted_at": timezone.localtime(change.submitted_at),
    }
    what = "new" if change.kind == change.Kind.NEW else "changes to"
    messages = [
        _message(
            subject=f"Review requested: {what} “{change.object_repr}”",
            template="submitted.txt",
            context={**context, "recipient": user},
            to=[user.email],
        )
        for user in _publishers(change)
    ]
    return _send(messages)


DECISION_SUBJECTS = {
    "approved": "Approved and live",
    "scheduled": "Approved for later",
    "rejected": "Sent back",
}


def change_decided(change, *, site_url: str = "") -> int:
    """Tell the author what a publisher decided (and their comment)."""
    author = change.submitted_by
    if author is None or not author.email or author.pk == change.decided_by_id:
        return 0
    subject = DECISION_SUBJECTS.get(change.state, change.get_state_display())
    context = {
        "change": change,
        "item_url": site_url + _item_admin_url(change),
        "decided_at": timezone.localtime(change.decided_at) if change.decided_at else None,
        "publish_at": timezone.localtime(change.publish_at) if change.publish_at else None,
        "later": change.publish_at is not None and change.publish_at > timezone.now(),
    }
    message = _message(
        subject=f"{subject}: “{change.object_repr}”",
        template="decided.txt",
        context=context,
        to=[author.email],
    )
    return _send([message])


def schedule_failed(change) -> int:
    """Tell the publisher who scheduled it that a change could not go live on time."""
    publisher = change.decided_by
    if publisher is None or not publisher.email:
        return 0
    message = _message(
        subject=f"Not live as scheduled: “{change.object_repr}”",
        template="schedule_failed.txt",
        context={
            "change": change,
            "review_url": reverse("admin:core_pendingchange_change", args=[change.pk]),
        },
        to=[publisher.email],
    )
    return _send([message])


def _item_admin_url(change) -> str:
    opts = change.content_type.model_class()._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[change.object_id])

from django.conf import settings


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        # Set by the admin's preview of a draft or a pending change (careers.core.moderation_admin).
        "preview_notice": getattr(request, "preview_notice", ""),
    }

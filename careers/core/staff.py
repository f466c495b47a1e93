"""Who skips the readers' page cache: signed-in staff, known by a signed cookie alone.

Deciding from the session would cost a database read for every visitor who
carries a session cookie, and anyone can send one (`Cookie: sessionid=x`). So
a sign-in sets a small marker cookie, signed with SECRET_KEY, which a sign-out
clears; the page cache (careers.core.cache) checks its signature only: no
database, no cache round trip. A forged or stale marker fails the check and
is served from the cache like any reader.

The marker grants nothing: every staff page still checks the session. It only
says "render this for me" (previews, the admin's view of a page).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

MARKER_COOKIE = "staff_marker"
_SALT = "careers.core.staff.marker"


def staff_marked(request: HttpRequest) -> bool:
    """Whether the request carries a valid staff marker (its signature and age only)."""
    if MARKER_COOKIE not in request.COOKIES:
        return False
    value = request.get_signed_cookie(
        MARKER_COOKIE, default=None, salt=_SALT, max_age=settings.SESSION_COOKIE_AGE
    )
    return value is not None


@receiver(user_logged_in, dispatch_uid="careers.core.staff.signed_in")
def _signed_in(sender, request, user, **kwargs):
    if request is not None:
        request.staff_marker = bool(user.is_staff)


@receiver(user_logged_out, dispatch_uid="careers.core.staff.signed_out")
def _signed_out(sender, request, user, **kwargs):
    if request is not None:
        request.staff_marker = False


class StaffMarkerMiddleware:
    """Sets the marker at sign-in and clears it at sign-out (after AuthenticationMiddleware).

    A staff member signed in before the marker existed gets it on the next page
    that is rendered for them; a marker whose session has ended is cleared.
    Only requests that carry a session cookie or a marker cost a session read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        wanted = getattr(request, "staff_marker", None)
        marked = staff_marked(request)
        if wanted is None:
            if not (marked or settings.SESSION_COOKIE_NAME in request.COOKIES):
                return response
            user = getattr(request, "user", None)
            wanted = bool(user is not None and user.is_authenticated and user.is_staff)
        if wanted and not marked:
            _set_marker(response)
        elif not wanted and MARKER_COOKIE in request.COOKIES:
            response.delete_cookie(
                MARKER_COOKIE, path="/", samesite=settings.SESSION_COOKIE_SAMESITE
            )
        return response


def _set_marker(response: HttpResponse) -> None:
    response.set_signed_cookie(
        MARKER_COOKIE,
        "1",
        salt=_SALT,
        max_age=settings.SESSION_COOKIE_AGE,
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite=settings.SESSION_COOKIE_SAMESITE,
    )

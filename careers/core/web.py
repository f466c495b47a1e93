"""Small helpers for views."""

from django.conf import settings
from django.http import Http404


def site_url(path: str) -> str:
    """`path` as a full URL on the site's own address (settings.SITE_URL).

    Never from the request: a Host header is whatever the client sent, and a
    page that printed it could not be cached once for everyone.
    """
    return settings.SITE_URL + path


def page_number(request, *, num_pages: int | None = None) -> int:
    """?page= as a number: junk is a 404; past the end (when known) means the last page."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise Http404("That page number is not a number.") from None
    if number < 1:
        raise Http404("Page numbers start at 1.")
    return number if num_pages is None else min(number, num_pages)

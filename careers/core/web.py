"""Small helpers for views."""

from django.http import Http404


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

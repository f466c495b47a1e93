"""Site search over every kind of content the apps plug in (careers.core.plugins)."""

from careers.core.plugins import search_kinds
from careers.core.search import SearchResults, search


def site_search(*, query: str, page: int = 1, kind: str = "") -> SearchResults:
    """Search every kind of content readers can open (see careers.core.search.search)."""
    return search(kinds=search_kinds(), query=query, page=page, kind=kind)

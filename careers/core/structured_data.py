"""schema.org JSON-LD pieces every page type uses; each app builds its own types.

Each builder takes what the view already has and returns a dict that states
only what the page shows; the base template renders the page's list of them
with the `jsonld` filter.
"""

from django.conf import settings

from careers.core.web import site_url


def breadcrumb_list(request, crumbs: list[tuple[str, str]]) -> dict:
    """The same (name, path) pairs the page shows as its visible breadcrumb trail."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": index,
                "name": name,
                "item": site_url(path),
            }
            for index, (name, path) in enumerate(crumbs, start=1)
        ],
    }


def publisher() -> dict:
    return {"@type": "Organization", "name": settings.SITE_NAME}


def monetary_amount(name: str, low: int, high: int, currency: str) -> dict:
    return {
        "@type": "MonetaryAmount",
        "name": name,
        "currency": currency,
        "minValue": low,
        "maxValue": high,
    }

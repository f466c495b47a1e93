"""schema.org JSON-LD that states only what the page shows.

Each builder takes what the view already has and returns a dict; the base
template renders the page's list of them with the `jsonld` filter.
"""

from django.conf import settings


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
                "item": request.build_absolute_uri(path),
            }
            for index, (name, path) in enumerate(crumbs, start=1)
        ],
    }


def publisher() -> dict:
    return {"@type": "Organization", "name": settings.SITE_NAME}


def article(request, guide) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.full_title,
        "description": guide.meta_description,
        "datePublished": (guide.publish_from or guide.created_at).isoformat(),
        "dateModified": guide.updated_at.isoformat(),
        "author": publisher(),
        "publisher": publisher(),
        "mainEntityOfPage": request.build_absolute_uri(guide.get_absolute_url()),
    }


def faq_page(faqs) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer_html},
            }
            for faq in faqs
        ],
    }


def _monetary_amount(name: str, low: int, high: int, currency: str) -> dict:
    return {
        "@type": "MonetaryAmount",
        "name": name,
        "currency": currency,
        "minValue": low,
        "maxValue": high,
    }


def occupation(request, career, figures) -> dict:
    """The role with the salary ranges the salary page lists."""
    return {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": career.name,
        "description": career.description,
        "estimatedSalary": [
            _monetary_amount(
                "Median range", career.salary_low, career.salary_high, career.salary_currency
            ),
            *(
                _monetary_amount(figure.label, figure.low, figure.high, figure.currency)
                for figure in figures
            ),
        ],
        "mainEntityOfPage": request.build_absolute_uri(career.get_absolute_url()),
    }

"""schema.org JSON-LD for the guide page: only what the page shows."""

from careers.core.structured_data import publisher
from careers.core.web import site_url


def article(request, guide, *, image: str) -> dict:
    """The guide as an Article; `image` is the path of its link-preview card."""
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.full_title,
        "description": guide.meta_description,
        "datePublished": (guide.publish_from or guide.created_at).isoformat(),
        "dateModified": guide.updated_at.isoformat(),
        "author": publisher(),
        "publisher": publisher(),
        "image": site_url(image),
        "mainEntityOfPage": site_url(guide.get_absolute_url()),
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

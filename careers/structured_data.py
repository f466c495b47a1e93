"""schema.org JSON-LD for a career's salary page: only what the page shows."""

from careers.core.structured_data import monetary_amount
from careers.core.web import site_url


def occupation(request, career, figures) -> dict:
    """The role with the salary ranges the salary page lists."""
    return {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": career.name,
        "description": career.description,
        "estimatedSalary": [
            monetary_amount(
                "Typical pay", career.salary_low, career.salary_high, career.salary_currency
            ),
            *(
                monetary_amount(figure.label, figure.low, figure.high, figure.currency)
                for figure in figures
            ),
        ],
        "mainEntityOfPage": site_url(career.get_absolute_url()),
    }

"""schema.org JSON-LD for a career's salary page: only what the page shows."""

from django.urls import reverse
from django.utils.html import strip_tags

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


def defined_term(request, skill) -> dict:
    """A skill as a term of the site's skills list: its name, what the page says it is, and
    the other names it goes by that the page lists."""
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": skill.name,
        "url": site_url(skill.get_absolute_url()),
        "inDefinedTermSet": site_url(reverse("skills:index")),
    }
    if skill.description_html:
        data["description"] = " ".join(strip_tags(skill.description_html).split())
    aliases = [alias.text for alias in skill.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    return data

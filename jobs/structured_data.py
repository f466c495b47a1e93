"""schema.org JobPosting for a single live listing page, stating only what the page shows.

Google's required properties: title, description, datePosted, hiringOrganization,
jobLocation (or jobLocationType TELECOMMUTE with applicantLocationRequirements);
recommended: validThrough, employmentType, baseSalary, identifier.
"""

import datetime

from django.utils import timezone

from careers.core.web import site_url
from jobs.models import JobListing

_SALARY_UNITS = {"year": "YEAR", "month": "MONTH", "hour": "HOUR"}


def _valid_through(listing: JobListing) -> str:
    """The end of the last open day, in the site's time zone."""
    end_of_day = datetime.datetime.combine(
        listing.valid_through, datetime.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
    )
    return end_of_day.isoformat()


def _address(listing: JobListing) -> dict:
    address = {"@type": "PostalAddress", "addressCountry": listing.country}
    if listing.city:
        address["addressLocality"] = listing.city
    if listing.region:
        address["addressRegion"] = listing.region
    return {"@type": "Place", "address": address}


def job_posting(request, listing: JobListing) -> dict:
    company = listing.company
    organization = {"@type": "Organization", "name": company.name, "sameAs": company.website}
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": listing.title,
        "description": listing.description_html,
        "datePosted": listing.posted_on.isoformat(),
        "validThrough": _valid_through(listing),
        "employmentType": listing.employment_type.upper(),
        "hiringOrganization": organization,
        "identifier": {
            "@type": "PropertyValue",
            "name": listing.source or company.name,
            "value": listing.identifier,
        },
        "url": site_url(listing.get_absolute_url()),
        "directApply": False,
    }
    skills = [link.skill.name for link in getattr(listing, "skill_list", [])]
    if skills:
        data["skills"] = skills
    if listing.country:
        data["jobLocation"] = _address(listing)
    if listing.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [
            {"@type": "Country", "name": name} for name in listing.remote_country_names
        ]
    if listing.salary_min is not None:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": listing.salary_currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": listing.salary_min,
                "maxValue": listing.salary_max,
                "unitText": _SALARY_UNITS[listing.salary_period],
            },
        }
    return data

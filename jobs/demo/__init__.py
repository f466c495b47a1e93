"""Demo job listings (jobs/demo/*.yaml): fictional employers on .example domains,
dated relative to the day they are loaded, for `manage.py load_demo`.

Companies are matched by name and listings by (source "demo", external id);
existing rows are left exactly as they are.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from careers.core.demo import DemoLoadResult, demo_data
from careers.core.publishing import Publishable
from careers.models import Career
from jobs.models import Company, JobListing
from jobs.services import jobs_search_index, listing_skills_detect

DEMO_SOURCE = "demo"
DEMO_DIR = Path(__file__).parent


def demo_listing_specs() -> list[dict]:
    return demo_data(DEMO_DIR / "listings.yaml")["listings"]


def jobs_load_demo(*, today: datetime.date | None = None) -> DemoLoadResult:
    """Create the demo companies and listings that are missing."""
    result = DemoLoadResult(label="job listings", model="joblisting")
    today = today or timezone.localdate()
    specs = demo_listing_specs()
    careers = {c.slug: c for c in Career.objects.filter(slug__in=[s["career"] for s in specs])}
    companies = {}
    for spec in demo_data(DEMO_DIR / "companies.yaml")["companies"]:
        existing = Company.objects.filter(name=spec["name"]).first()
        companies[spec["key"]] = (
            result.found(existing)
            if existing
            else result.create(Company(name=spec["name"], website=spec["website"]))
        )
    existing = set(
        JobListing.objects.filter(source=DEMO_SOURCE).values_list("external_id", flat=True)
    )
    created = []
    for spec in specs:
        career = careers.get(spec["career"])
        if career is None or spec["key"] in existing:
            result.skipped["joblisting"] += 1
            continue
        fields = {
            k: v
            for k, v in spec.items()
            if k not in {"key", "career", "company", "posted_days_ago", "open_days"}
        }
        posted_on = today - datetime.timedelta(days=spec["posted_days_ago"])
        listing = result.create(
            JobListing(
                source=DEMO_SOURCE,
                external_id=spec["key"],
                status=Publishable.Status.PUBLISHED,
                company=companies[spec["company"]],
                career=career,
                posted_on=posted_on,
                valid_through=posted_on + datetime.timedelta(days=spec["open_days"]),
                **fields,
            )
        )
        created.append(listing)
    # Each listing's skills, found in its own text as an import would.
    listing_skills_detect(created)
    jobs_search_index(listings=JobListing.objects.filter(source=DEMO_SOURCE))
    return result

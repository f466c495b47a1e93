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
from jobs.adapters import ADAPTERS
from jobs.models import Company, JobListing, JobSource
from jobs.services import (
    career_matcher,
    jobs_search_index,
    listing_skills_detect,
    postings_import,
)

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
    jobs_load_demo_sources(result)
    return result


# The boards' made-up sample payloads, shared with the adapters' tests.
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "tests" / "jobs" / "samples"


def jobs_load_demo_sources(result: DemoLoadResult) -> None:
    """Create the demo sources that are missing, import their sample boards and record
    that fetch. Existing sources are left exactly as they are."""
    if not SAMPLES_DIR.is_dir():
        return  # a deployment without the tests folder: no demo sources
    now = timezone.now()
    for spec in demo_data(DEMO_DIR / "sources.yaml")["sources"]:
        existing = JobSource.objects.filter(name=spec["name"]).first()
        if existing is not None:
            result.found(existing)
            continue
        company = Company.objects.filter(name=spec["company"]["name"]).first() or result.create(
            Company(**spec["company"])
        )
        source = result.create(
            JobSource(
                name=spec["name"],
                company=company,
                kind=spec["kind"],
                identifier=spec["identifier"],
                default_career=Career.objects.filter(slug=spec["default_career"]).first(),
                title_rules=spec["title_rules"].strip(),
                interval_minutes=spec["interval_minutes"],
                active=False,
            )
        )
        content = (SAMPLES_DIR / spec["sample"]).read_bytes()
        imported = postings_import(
            postings=ADAPTERS[source.kind].postings(content, today=timezone.localdate()),
            company=company,
            source=source.name,
            career_for=career_matcher(
                rules=source.career_rules(), default_career=source.default_career
            ),
            job_source=source,
        )
        fetched_at = now - datetime.timedelta(minutes=spec["fetched_minutes_ago"])
        JobSource.objects.filter(pk=source.pk).update(
            last_fetched_at=fetched_at,
            outcome=JobSource.Outcome.OK,
            counts=imported.counts(),
            skipped=imported.skipped,
            next_due_at=fetched_at + datetime.timedelta(minutes=source.interval_minutes),
        )

"""The job import under `make bench`: a 5,000-posting feed, against bulk_create.

Run by bench/run.py on its PostgreSQL database with the demo content (or alone:
`DATABASE_URL=postgres://… .venv/bin/python bench/import_bench.py`, on a migrated
database with the demo careers). Each round times, on the same 5,000 listings:

  baseline   JobListing.objects.bulk_create() of the listings, built beforehand
  fresh      jobs_import of the feed file into an empty source (read, check, write)
  unchanged  the same file again
  10% changed  the file with 500 titles changed
  admin upload the fresh file uploaded through the admin's import page, as an editor
               would (the whole request: upload, check, write, redirect); it must end
               well inside gunicorn's 30 s request time-out

Rounds interleave the five; medians are reported with each one's ratio to the
baseline of the same run. Prints a Markdown table.
"""

import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from careers.models import Career  # noqa: E402
from jobs.models import Company, JobListing, render_description  # noqa: E402
from jobs.services import jobs_feed_rows, jobs_import  # noqa: E402

SIZE = int(os.environ.get("BENCH_IMPORT_SIZE", "5000"))
ROUNDS = int(os.environ.get("BENCH_IMPORT_ROUNDS", "3"))
SOURCE = "bench-import"
UPLOAD_SOURCE = "bench-upload"
TARGETS = {"fresh": 3.0, "unchanged": 1.0, "10% changed": 1.5}
REQUEST_TIMEOUT_SECONDS = 30  # gunicorn's, as `make serve` and the deploy docs set it


def feed(career: str, *, changed: int = 0) -> bytes:
    rows = [
        {
            "external_id": f"B-{n}",
            "title": f"Data Engineer {n}" + (" (senior)" if n < changed else ""),
            "company": "Bench Analytics",
            "company_website": "https://bench-analytics.example/",
            "career": career,
            "description": f"Build **pipelines** for team {n}.\n\n- Python\n- SQL",
            "apply_url": f"https://bench-analytics.example/jobs/{n}",
            "valid_through": "2099-12-31",
            "posted_on": "2026-01-15",
            "city": "Chicago",
            "region": "IL",
            "country": "US",
            "salary_min": 120000 + n,
            "salary_max": 160000 + n,
        }
        for n in range(SIZE)
    ]
    return json.dumps(rows, indent=2).encode()


def baseline_listings(content: bytes, career: Career, company: Company) -> list[JobListing]:
    listings = []
    for _, row in jobs_feed_rows(content=content, file_format="json"):
        listing = JobListing(
            source="bench-baseline",
            external_id=row["external_id"],
            status=JobListing.Status.PUBLISHED,
            title=row["title"],
            company=company,
            career=career,
            description=row["description"],
            description_html=render_description(row["description"]),
            apply_url=row["apply_url"],
            valid_through=datetime.date.fromisoformat(row["valid_through"]),
            posted_on=datetime.date.fromisoformat(row["posted_on"]),
            city=row["city"],
            region=row["region"],
            country=row["country"],
            salary_min=row["salary_min"],
            salary_max=row["salary_max"],
        )
        listings.append(listing)
    return listings


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    career = Career.objects.order_by("pk").first()
    if career is None:
        raise SystemExit("No careers: load the demo content first (manage.py load_demo).")
    fresh, changed = feed(career.slug), feed(career.slug, changed=SIZE // 10)
    company, _ = Company.objects.get_or_create(
        name="Bench Analytics", defaults={"website": "https://bench-analytics.example/"}
    )
    samples = {
        name: [] for name in ("baseline", "fresh", "unchanged", "10% changed", "admin upload")
    }
    editor = admin_client()
    today = timezone.localdate()

    def run(content: bytes):
        return jobs_import(
            rows=jobs_feed_rows(content=content, file_format="json"), source=SOURCE, today=today
        )

    for round_number in range(1, ROUNDS + 1):
        JobListing.objects.filter(source__in=[SOURCE, "bench-baseline"]).delete()
        listings = baseline_listings(fresh, career, company)
        samples["baseline"].append(
            timed(lambda listings=listings: JobListing.objects.bulk_create(listings))
        )
        samples["fresh"].append(timed(lambda: run(fresh)))
        samples["unchanged"].append(timed(lambda: run(fresh)))
        samples["10% changed"].append(timed(lambda: run(changed)))
        samples["admin upload"].append(timed(lambda: admin_upload(editor, fresh)))
        print(f"import round {round_number}/{ROUNDS} done", file=sys.stderr)
    JobListing.objects.filter(source__in=[SOURCE, UPLOAD_SOURCE, "bench-baseline"]).delete()
    User.objects.filter(username="bench-importer").delete()
    print(render(samples))


def admin_client() -> Client:
    """Signed in to the admin as a superuser, on the host the test client uses."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    user, _ = User.objects.get_or_create(
        username="bench-importer", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return client


def admin_upload(client: Client, content: bytes) -> None:
    JobListing.objects.filter(source=UPLOAD_SOURCE).delete()
    response = client.post(
        reverse("admin:jobs_joblisting_import"),
        {
            "file": SimpleUploadedFile("feed.json", content, "application/json"),
            "source": UPLOAD_SOURCE,
        },
        secure=True,
    )
    if response.status_code != 302:
        raise SystemExit(f"the admin upload answered {response.status_code}, not a redirect")
    if JobListing.objects.filter(source=UPLOAD_SOURCE).count() != SIZE:
        raise SystemExit("the admin upload did not import every row")


def render(samples: dict) -> str:
    medians = {name: statistics.median(times) for name, times in samples.items()}
    base = medians["baseline"]
    lines = [
        f"Import of a {SIZE:,}-posting JSON feed, {ROUNDS} interleaved rounds, medians "
        "(each against bulk_create of the same listings in the same run):",
        "",
        "| scenario | seconds | ratio | target |",
        "| --- | ---: | ---: | ---: |",
        f"| baseline: bulk_create of {SIZE:,} listings | {base:.2f} | 1.0× | |",
    ]
    for name, target in TARGETS.items():
        ratio = medians[name] / base
        verdict = "met" if ratio <= target else "missed"
        lines.append(
            f"| import, {name} | {medians[name]:.2f} | {ratio:.1f}× | ≤ {target:g}× ({verdict}) |"
        )
    upload = medians["admin upload"]
    verdict = "met" if upload <= REQUEST_TIMEOUT_SECONDS / 2 else "missed"
    lines.append(
        f"| admin upload of the file, fresh | {upload:.2f} | {upload / base:.1f}× "
        f"| well inside the {REQUEST_TIMEOUT_SECONDS} s request time-out: ≤ "
        f"{REQUEST_TIMEOUT_SECONDS // 2} s ({verdict}) |"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()

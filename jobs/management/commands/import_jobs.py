from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from careers.core.importing import ImportInvalid
from careers.models import Career
from jobs.adapters import ADAPTERS, FeedUnreadable
from jobs.models import Company
from jobs.services import (
    career_matcher,
    feed_format,
    jobs_feed_rows,
    jobs_import,
    postings_import,
)

FORMATS = ["json", "csv", *ADAPTERS]


class Command(BaseCommand):
    help = (
        "Import a source's job feed from a file: our JSON or CSV (jobs/IMPORT_FORMAT.md), or "
        "an employer board's export (greenhouse, lever, ashby, or a page with schema.org "
        "JobPosting). Listings are matched by source and external id, and the source's open "
        "listings missing from the file are expired. Our own format is all or nothing; a "
        "board's posting that cannot be listed is skipped and reported by its id."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The feed file.")
        parser.add_argument(
            "--source",
            help="The feed's name, e.g. acme-careers. Defaults to the file name without "
            "its extension.",
        )
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=FORMATS,
            help="The file's format; by default json or csv from its extension.",
        )
        parser.add_argument(
            "--company", help="A board's employer, by name (board formats: required)."
        )
        parser.add_argument(
            "--career", help="A board's postings' career, by slug (board formats: required)."
        )

    def handle(self, *args, file: Path, source, file_format, company, career, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        source = source or file.stem
        file_format = file_format or feed_format(file.name)
        try:
            if file_format in ADAPTERS:
                result = self._board(content, file_format, source, company, career)
            else:
                rows = jobs_feed_rows(content=content, file_format=file_format)
                result = jobs_import(rows=rows, source=source)
        except ImportInvalid as invalid:
            for error in invalid.errors:
                self.stderr.write(f"{file}:{error.line}: {error.message}")
            raise CommandError(
                f"Nothing imported: {len(invalid.errors)} problem(s) in {file}."
            ) from None
        except FeedUnreadable as error:
            raise CommandError(f"Nothing imported: {file}: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {file} as “{source}”: {result}."))

    def _board(self, content: bytes, kind: str, source: str, company_name, career_slug):
        if not company_name or not career_slug:
            raise CommandError(f"A {kind} file needs --company NAME and --career SLUG.")
        company = Company.objects.filter(name=company_name).first()
        if company is None:
            raise CommandError(f"No company named {company_name!r}: add it in the admin first.")
        career = Career.objects.filter(slug=career_slug).first()
        if career is None:
            raise CommandError(f"No career with the slug {career_slug!r}.")
        postings = ADAPTERS[kind].postings(content, today=timezone.localdate())
        return postings_import(
            postings=postings,
            company=company,
            source=source,
            career_for=career_matcher(rules=[], default_career=career),
        )

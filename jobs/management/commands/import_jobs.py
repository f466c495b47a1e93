from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.core.importing import ImportInvalid
from jobs.services import feed_format, jobs_feed_rows, jobs_import


class Command(BaseCommand):
    help = (
        "Import a source's job feed (JSON or CSV; see jobs/IMPORT_FORMAT.md). Every row is "
        "checked first and nothing is written if any is bad; listings are matched by source "
        "and external id, and the source's open listings missing from the file are expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The feed file, .json or .csv.")
        parser.add_argument(
            "--source",
            help="The feed's name, e.g. acme-careers. Defaults to the file name without "
            "its extension.",
        )
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=["json", "csv"],
            help="The file's format; by default taken from its extension.",
        )

    def handle(self, *args, file: Path, source: str | None, file_format: str | None, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        source = source or file.stem
        try:
            file_format = file_format or feed_format(file.name)
            rows = jobs_feed_rows(content=content, file_format=file_format)
            result = jobs_import(rows=rows, source=source)
        except ImportInvalid as invalid:
            for error in invalid.errors:
                self.stderr.write(f"{file}:{error.line}: {error.message}")
            raise CommandError(
                f"Nothing imported: {len(invalid.errors)} problem(s) in {file}."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {file} as “{source}”: {result}."))

from django.core.management.base import BaseCommand, CommandError

from jobs.fetching import http_client, source_claim_due, source_fetch
from jobs.models import JobSource


class Command(BaseCommand):
    help = (
        "Fetch job sources (employers' boards) and import their postings. Name sources to "
        "fetch them now, or --due for every active source whose time has come (run it from "
        "cron every few minutes; safe on every server at once). --dry-run reports what "
        "would change and writes nothing. Exits with status 1 when any source failed, "
        "after fetching all the others."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", help="Source names; none: use --due.")
        parser.add_argument("--due", action="store_true", help="Every active source now due.")
        parser.add_argument("--dry-run", action="store_true", help="Report; write nothing.")

    def handle(self, *args, sources, due, dry_run, verbosity, **options):
        if not sources and not due:
            raise CommandError("Name the sources to fetch, or give --due.")
        failed, fetched = [], 0
        with http_client() as client:
            for source in self._sources(sources, due=due):
                if verbosity >= 2:
                    self.stdout.write(f"{source.name}: fetching {source.get_kind_display()}…")
                _, result, error = source_fetch(source, client=client, dry_run=dry_run)
                fetched += 1
                if error:
                    failed.append(source.name)
                    self.stderr.write(f"{source.name}: failed, nothing changed: {error}")
                elif verbosity >= 1:
                    what = "not modified" if result is None else str(result)
                    prefix = "would be " if dry_run else ""
                    self.stdout.write(f"{source.name}: {prefix}{what}")
        if verbosity >= 2 or fetched == 0:
            self.stdout.write(f"{fetched} source(s) fetched, {len(failed)} failed.")
        if failed:
            # Every other source was fetched; a non-zero exit lets cron, systemd or
            # Kubernetes alert. Each failure's reason is on stderr above (and its record).
            raise CommandError(
                f"{len(failed)} of {fetched} source(s) failed: {', '.join(failed)}.",
                returncode=1,
            )

    def _sources(self, names, *, due):
        if names:
            found = {
                source.name: source
                for source in JobSource.objects.filter(name__in=names).select_related(
                    "company", "default_career"
                )
            }
            missing = [name for name in names if name not in found]
            if missing:
                raise CommandError(f"No such source: {', '.join(missing)}.")
            yield from (found[name] for name in names)
            return
        while (source := source_claim_due()) is not None:
            yield source

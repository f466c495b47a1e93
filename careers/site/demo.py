"""Demo content for a fresh site: every app's own, loaded in the order the apps are installed."""

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from careers.core.demo import DemoLoadResult
from careers.core.plugins import plugins


@dataclass(frozen=True)
class SiteDemoLoad:
    """What each app's loader did, and the counts of all of them together."""

    results: list[DemoLoadResult]

    @property
    def created(self) -> Counter[str]:
        return sum((result.created for result in self.results), Counter())

    @property
    def skipped(self) -> Counter[str]:
        return sum((result.skipped for result in self.results), Counter())


def demo_load(*, apps: list[str] | None = None) -> SiteDemoLoad:
    """Create whatever demo content is missing, in one transaction: every app's, or
    those named in `apps` (e.g. ["careers", "guides"])."""
    with transaction.atomic():
        return SiteDemoLoad(
            [
                plugin.demo_load()
                for plugin in plugins()
                if plugin.demo_load and (apps is None or plugin.name in apps)
            ]
        )

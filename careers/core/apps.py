from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks that know no app: publishing, text, search, the page cache."""

    name = "careers.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from careers.core import checks  # noqa: F401 - registers the system checks

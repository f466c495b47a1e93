import atexit

from django.apps import AppConfig
from django.core.signals import request_finished
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate


class CoreConfig(AppConfig):
    """Shared building blocks that know no app: publishing, text, search, the page cache."""

    name = "careers.core"
    label = "core"
    # What editors see of it in the admin: the review queue.
    verbose_name = "Publishing"

    def ready(self):
        # System checks, sign-in receivers, the raw-save receiver of no lost work.
        from careers.core import checks, editing, staff  # noqa: F401
        from careers.core.changes import (
            flush_pending,
            migrate_finished,
            migrate_started,
            watch_connection,
        )

        connection_created.connect(watch_connection, dispatch_uid="careers.core.changes")
        request_finished.connect(flush_pending, dispatch_uid="careers.core.changes")
        atexit.register(flush_pending)
        pre_migrate.connect(migrate_started, dispatch_uid="careers.core.changes")
        post_migrate.connect(migrate_finished, dispatch_uid="careers.core.changes")

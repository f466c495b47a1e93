"""What counts as a content change, caught on whichever path it is made.

Readers' pages are filed under the content version (careers.core.cache). It
moves on when, and only when, something a page can show has changed for good:
a committed write to a table of the hub or of a content app (the apps that
plug into the site, careers.core.plugins.PluginAppConfig), whether it came
from an admin form, an action, an import, a management command or a shell.
Model signals miss `QuerySet.update()`, `bulk_update()`, `bulk_create()` and
raw SQL, so the watch sits one level lower: an execute wrapper on every
database connection sees each statement Django sends.

- A write that sets only columns no page shows (a model's `unseen_by_readers`:
  the search index, the apply-click counter, the edit version) is no change,
  so a reader's apply click or a search reindex does not empty the cache; nor
  is a write to a model that says `shown_to_readers = False` (a guide's stored
  preview card, linked by a digest of what it shows).
- A write inside a transaction moves the version once, after the commit
  (`on_commit`): a rolled-back save changes nothing, and no reader can store
  the old page under the new version. A write outside one (autocommit) moves it
  just before the connection's next statement, at the end of the request, or
  when this process next reads the version, whichever comes first: never in the
  middle of the statement itself, whose rows Django may not have read yet.
- Requests by themselves change nothing: a failed sign-in, a POST to a feed
  or any other anonymous write request leaves the readers' cache alone.
- `migrate` moves it once, at the end.

Tables of other apps (sessions, sign-in attempts, revisions, the core's own
moderation records) are not watched.
"""

import logging
import re
from functools import lru_cache

from django.apps import apps
from django.db import DatabaseError, connections

from careers.core.plugins import PluginAppConfig

log = logging.getLogger(__name__)

_WRITE = re.compile(r'\s*(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)
# A column an UPDATE sets: `SET "a" = …, "b" = …`. A false match can only add a
# column, which makes a write count as a change, never hide one.
_ASSIGNED = re.compile(r'(?:\bSET|,)\s*[`"]?(\w+)[`"]?\s*=(?!=)', re.IGNORECASE)


def unseen_by_readers(model) -> frozenset[str]:
    """The model's columns no page shows, declared by it or its bases (`unseen_by_readers`)."""
    names = set()
    for klass in model.__mro__:
        names.update(vars(klass).get("unseen_by_readers", ()))
    return frozenset(model._meta.get_field(name).column for name in names)


@lru_cache(maxsize=1)
def content_tables() -> dict[str, frozenset[str]]:
    """Every table a page can show, with its columns that no page shows."""
    return {
        model._meta.db_table.lower(): unseen_by_readers(model)
        for model in apps.get_models(include_auto_created=True)
        if isinstance(model._meta.app_config, PluginAppConfig)
        and getattr(model, "shown_to_readers", True)
    }


def is_content_write(sql: str) -> bool:
    """Whether the statement writes something a page can show."""
    match = _WRITE.match(sql)
    if match is None:
        return False
    unseen = content_tables().get(match[1].lower())
    if unseen is None:
        return False
    if not unseen or sql.lstrip()[:6].upper() != "UPDATE":
        return True
    return not {column.lower() for column in _ASSIGNED.findall(sql)} <= unseen


class _Watch:
    """The execute wrapper on every connection; paused while `migrate` runs."""

    paused = False

    def __call__(self, execute, sql, params, many, context):
        connection = context["connection"]
        _flush(connection)
        result = execute(sql, params, many, context)
        if not self.paused and isinstance(sql, str) and is_content_write(sql):
            _written(connection)
        return result


watch = _Watch()


def _written(connection) -> None:
    if not connection.in_atomic_block:
        connection.content_change_pending = True  # committed; recorded at the next safe moment
    elif not any(func is _committed for _, func, _ in connection.run_on_commit):
        connection.on_commit(_committed, robust=True)


def _flush(connection) -> None:
    if getattr(connection, "content_change_pending", False) and not connection.in_atomic_block:
        connection.content_change_pending = False
        _committed()


def flush_pending(**kwargs) -> None:
    """Record an autocommitted change of this thread's connections now (request_finished,
    process exit, before this process reads the version)."""
    for connection in connections.all(initialized_only=True):
        _flush(connection)


def _committed() -> None:
    from careers.core.cache import content_changed, last_heard

    try:
        content_changed()
    except DatabaseError:
        # Committed, but the version could not be written: it is written before
        # this process trusts the version again.
        log.warning("A content change could not move the content version on; retrying.")
        last_heard.unrecorded_change = True


def watch_connection(sender, connection, **kwargs) -> None:
    """connection_created: put the watch on each new database connection, once."""
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch)


def migrate_started(sender, **kwargs) -> None:
    watch.paused = True


def migrate_finished(sender, **kwargs) -> None:
    """post_migrate (sent once per app): the first one ends the pause and moves the version on."""
    if watch.paused:
        watch.paused = False
        _committed()

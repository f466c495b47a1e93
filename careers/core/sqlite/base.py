"""Django's SQLite backend, told how many parameters one statement may really carry.

Django assumes 999 (the limit before SQLite 3.32), so a bulk insert of listings
(some 30 columns) is cut into statements of 32 rows. The library says its own
limit (250,000 in the builds Python ships with): with it, bulk writes take the
same number of statements on SQLite as on PostgreSQL.
"""

import sqlite3

from django.db.backends.sqlite3 import base, features
from django.utils.functional import cached_property


class DatabaseFeatures(features.DatabaseFeatures):
    @cached_property
    def max_query_params(self):
        self.connection.ensure_connection()
        return self.connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures

"""Django's Redis cache backend: one Redis client per pool, and a cache that fails soft.

Django's RedisCacheClient builds a new `redis.Redis` for every cache call, and
redis-py fills a table of some 170 response callbacks each time it builds one:
on this site's cache hits that was a fifth of the time spent in Python. A
`redis.Redis` is safe to share between threads (its pool hands out the
connections), so one per pool is kept and reused.

The cache is an accelerator, never a dependency: when Redis is unreachable,
slow or full, a read is a miss and a write keeps nothing, and the site serves
from the database. After a connection failure the backend stops asking for
RETRY_SECONDS (so a dead server costs nothing per request), and each kind of
trouble is logged once per LOG_SECONDS rather than once per request. Sockets
time out quickly (SOCKET_TIMEOUT, overridable in CACHES OPTIONS).

CACHE_URL=redis://... selects this backend (careers/settings.py).
"""

import logging
from time import monotonic

from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger("careers.cache")

SOCKET_TIMEOUT = 0.5  # seconds; a page is a few kilobytes on a local network
RETRY_SECONDS = 2.0
LOG_SECONDS = 60.0


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(server, params)
        self._class = RedisCacheClient
        self._down_until = 0.0
        self._logged_at: dict[str, float] = {}

    # Every call goes through _soft: a miss or nothing kept instead of an error.

    def _soft(self, call, fallback):
        if monotonic() < self._down_until:
            return fallback
        try:
            result = call()
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._down_until = monotonic() + RETRY_SECONDS
            self._warn(
                "unreachable", "The cache is unreachable (%s); serving from the database.", error
            )
            return fallback
        except RedisError as error:  # full (OOM), read-only replica, ...
            self._warn(
                "refused", "The cache refused a command (%s); serving from the database.", error
            )
            return fallback
        if "unreachable" in self._logged_at and self._down_until:
            self._down_until = 0.0
            self._logged_at.pop("unreachable")
            log.warning("The cache answers again.")
        return result

    def _warn(self, kind: str, message: str, error: Exception) -> None:
        now = monotonic()
        if now - self._logged_at.get(kind, -LOG_SECONDS) >= LOG_SECONDS:
            self._logged_at[kind] = now
            log.warning(message + " Logged once a minute while it lasts.", error)

    def available(self) -> bool:
        """Whether Redis answers a PING now (for /healthz)."""
        return bool(self._soft(lambda: self._cache.get_client().ping(), False))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(lambda: super(RedisCache, self).add(key, value, timeout, version), False)

    def get(self, key, default=None, version=None):
        return self._soft(lambda: super(RedisCache, self).get(key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._soft(lambda: super(RedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(lambda: super(RedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._soft(lambda: super(RedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._soft(lambda: super(RedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._soft(lambda: super(RedisCache, self).has_key(key, version), False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(
            lambda: super(RedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete_many(self, keys, version=None):
        self._soft(lambda: super(RedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._soft(lambda: super(RedisCache, self).clear(), False)

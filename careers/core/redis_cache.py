"""Django's Redis cache backend, with one Redis client per connection pool.

Django's RedisCacheClient builds a new `redis.Redis` for every cache call, and
redis-py fills a table of some 170 response callbacks each time it builds one:
on this site's cache hits that was a fifth of the time spent in Python. A
`redis.Redis` is safe to share between threads (its pool hands out the
connections), so one per pool is kept and reused. Everything else, including
the connection pools themselves, is Django's.

CACHE_URL=redis://... selects this backend (careers/settings.py).
"""

from django.core.cache.backends import redis as django_redis


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
        super().__init__(server, params)
        self._class = RedisCacheClient

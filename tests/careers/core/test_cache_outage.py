"""The site keeps serving when its Redis dies, stalls or fills up, and loses no change.

Each test starts a Redis of its own on a free loopback port, so killing or
stopping it touches nothing else on the machine.
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.test import Client
from django.urls import reverse

import careers.core.redis_cache
from careers.core.cache import recent_pages
from careers.core.models import ContentVersion
from tests.admin_forms import change_form_data
from tests.factories import complete_guide
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/", "/guides/", "/jobs/", "/sitemap.xml", "/robots.txt", "/flashcards/"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    """A redis-server of the test's own: started, killed, stopped and resumed at will."""

    def __init__(self, directory, *extra: str):
        self.port = free_port()
        self.directory = directory
        self.extra = extra
        self.process = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
                *self.extra,
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)  # waiting for a process to listen, not for correctness
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()

    def pause(self) -> None:
        """Unreachable but keeping every entry: what a network partition looks like."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def own_redis(tmp_path):
    if not shutil.which("redis-server"):
        if os.environ.get("CI"):
            pytest.fail("CI must test cache outages with a redis-server of the tests' own")
        pytest.skip("redis-server is not installed")
    servers = []

    def start(*extra):
        servers.append(OwnRedis(tmp_path, *extra))
        return servers[-1]

    yield start
    for server in servers:
        server.resume()
        server.kill()


class Clock:
    """The Redis backend's clock, moved by hand: "two seconds later" without sleeping."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def cache_on(settings, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(careers.core.redis_cache, "monotonic", clock)

    def use(server: OwnRedis):
        settings.CACHES = {
            "default": {"BACKEND": "careers.core.redis_cache.RedisCache", "LOCATION": server.url}
        }
        settings.PAGE_CACHE_SECONDS = 600
        settings.PAGE_CACHE_CHECK_SECONDS = 0  # every request reads the content version
        return clock

    return use


def save_guide_title(admin_client, guide, title: str):
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    data = change_form_data(admin_client.get(url))
    data["title"] = title
    return admin_client.post(url, data)


def serves_and_saves_from_the_database(client, admin_client, guide, caplog) -> list[str]:
    """Every page answers, several times over, and an editor's save shows at once; returns
    what the cache logged meanwhile."""
    caplog.set_level(logging.WARNING, logger="careers.cache")
    for _ in range(3):
        for path in [*PAGES, guide.get_absolute_url(), reverse("admin:login")]:
            assert Client().get(path).status_code == 200, path
    response = save_guide_title(admin_client, guide, "How to Become a Data Mesh Engineer")
    assert response.status_code == 302
    assert b"Data Mesh Engineer" in client.get(guide.get_absolute_url()).content
    return [r.getMessage() for r in caplog.records if r.name == "careers.cache"]


def test_with_redis_dead_every_page_answers_from_the_database_and_logs_once(
    own_redis, cache_on, client, admin_client, caplog
):
    server = own_redis()
    cache_on(server)
    guide = complete_guide()
    JobListingFactory()
    for path in [*PAGES, guide.get_absolute_url()]:
        assert client.get(path).status_code == 200, path
    server.kill()
    warnings = serves_and_saves_from_the_database(client, admin_client, guide, caplog)
    assert len(warnings) == 1, warnings
    assert "unreachable" in warnings[0]


def test_a_change_made_while_redis_was_away_is_what_readers_get_when_it_is_back(
    own_redis, cache_on, client, admin_client
):
    """Redis keeps the old pages through the outage (a partition, a paused server): none
    of them may be served after a change made meanwhile."""
    server = own_redis()
    clock = cache_on(server)
    guide = complete_guide(title="How to Become a Data Engineer")
    client.get(guide.get_absolute_url())
    client.get("/guides/")
    assert client.get("/guides/").wsgi_request.resolver_match is None  # a hit
    server.pause()
    response = save_guide_title(admin_client, guide, "How to Become a Data Platform Engineer")
    assert response.status_code == 302
    assert b"Data Platform Engineer" in client.get("/guides/").content  # from the database
    server.resume()
    clock.now += careers.core.redis_cache.RETRY_SECONDS  # the backend asks again
    recent_pages.pages.clear()  # a worker that has only the shared cache to go by
    page = client.get("/guides/")
    assert page.wsgi_request.resolver_match is not None  # rendered again, not the old entry
    assert b"Data Platform Engineer" in page.content
    assert b"Data Platform Engineer" in client.get(guide.get_absolute_url()).content
    cached = client.get("/guides/")
    assert cached.wsgi_request.resolver_match is None  # and cached again once it is back


def test_a_full_redis_degrades_like_a_dead_one(own_redis, cache_on, client, admin_client, caplog):
    server = own_redis("--maxmemory", "2mb", "--maxmemory-policy", "noeviction")
    cache_on(server)
    filler = redis.Redis(port=server.port)
    with pytest.raises(redis.exceptions.ResponseError, match="maxmemory"):  # noqa: PT012
        for number in range(10_000):
            filler.set(f"filler:{number}", b"x" * 10_000)
    guide = complete_guide()
    warnings = serves_and_saves_from_the_database(client, admin_client, guide, caplog)
    assert len(warnings) == 1, warnings
    assert "maxmemory" in warnings[0]


def test_healthz_reports_the_cache_but_fails_only_for_the_database(
    own_redis, cache_on, client, monkeypatch
):
    server = own_redis()
    clock = cache_on(server)
    healthy = client.get("/healthz")
    assert healthy.status_code == 200
    assert b"cache: ok" in healthy.content
    server.kill()
    down = client.get("/healthz")
    assert down.status_code == 200  # a load balancer keeps the server in
    assert b"cache: unavailable" in down.content
    assert b"database: ok" in down.content
    server.start()
    clock.now += careers.core.redis_cache.RETRY_SECONDS
    assert b"cache: ok" in client.get("/healthz").content


def test_a_version_that_could_not_be_written_is_written_before_it_is_trusted(
    own_redis, cache_on, client, monkeypatch
):
    """The change committed, but the database went away before the version moved."""
    from careers.core import cache as page_cache
    from careers.core.changes import _committed

    server = own_redis()
    cache_on(server)
    guide = complete_guide(title="How to Become a Data Engineer")
    client.get(guide.get_absolute_url())
    before = ContentVersion.objects.get().token
    real = page_cache.content_changed

    def failing():
        from django.db import DatabaseError

        raise DatabaseError("connection lost")

    monkeypatch.setattr(page_cache, "content_changed", failing)
    _committed()
    monkeypatch.setattr(page_cache, "content_changed", real)
    assert page_cache.last_heard.unrecorded_change
    client.get(guide.get_absolute_url())
    assert ContentVersion.objects.get().token != before
    assert not page_cache.last_heard.unrecorded_change

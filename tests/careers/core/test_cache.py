"""Readers get cached pages; any change makes them fresh; staff and drafts are never cached.

Each test says of the responses it relies on whether they were hits (answered by the
cache, before routing: `hit()`) or misses (rendered: `miss()`), so that none of them
passes with the cache switched off.
"""

import datetime
import os
import socket
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.core.cache import content_changed, next_scheduled_change
from careers.core.changes import watch
from careers.core.models import ContentVersion
from careers.core.publishing import Publishable
from guides.models import Guide
from tests.factories import GuideFactory, complete_guide
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


# A Redis database of the tests' own: cache.clear() empties all of it. Runs that
# share one Redis at the same time give each a database of its own.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def hit(response):
    """The response came from the cache: answered before URL routing, no view ran."""
    assert response.wsgi_request.resolver_match is None, "expected a cache hit, got a render"
    return response


def miss(response):
    """The response was rendered by its view."""
    assert response.wsgi_request.resolver_match is not None, "expected a render, got a hit"
    return response


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings, transactional_db):
    """The readers' page cache on, in per-process memory and in the shared Redis.

    Transactional: the content version moves when a change is committed, which the
    usual test transaction never is.
    """
    if request.param == "redis":
        if not redis_reachable():
            if os.environ.get("CI"):
                pytest.fail("CI must test the cache against Redis on 127.0.0.1:6379")
            pytest.skip("no Redis on 127.0.0.1:6379")
        settings.CACHES = {
            "default": {
                "BACKEND": "careers.core.redis_cache.RedisCache",
                "LOCATION": TEST_REDIS_URL,
                "KEY_PREFIX": f"careers-test-{os.getpid()}",
            }
        }
    settings.PAGE_CACHE_SECONDS = 600
    # A reading of the content version stays trusted for the whole test, so a hit
    # runs no query however slow the machine; tests of the interval set their own.
    settings.PAGE_CACHE_CHECK_SECONDS = 600
    from django.core.cache import cache

    from careers.core.cache import last_heard, recent_pages

    cache.clear()
    recent_pages.pages.clear()
    last_heard.forget()
    yield request.param
    cache.clear()


def test_a_readers_second_visit_runs_no_queries(page_cache, client, django_assert_num_queries):
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url()))
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = hit(client.get(guide.get_absolute_url()))
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "Cookie" in second["Vary"]


def test_conditional_get_answers_304_without_rendering(
    page_cache, client, django_assert_num_queries
):
    guide = complete_guide()
    etag = miss(client.get(guide.get_absolute_url()))["ETag"]
    with django_assert_num_queries(0):
        response = hit(client.get(guide.get_absolute_url(), HTTP_IF_NONE_MATCH=etag))
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""
    assert "Last-Modified" in response


def test_a_compressed_pages_weak_etag_still_gets_a_304(page_cache, client):
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip"))
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    again = client.get(
        guide.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert hit(again).status_code == 304


def test_an_admin_save_makes_the_page_fresh_at_once(page_cache, client, admin_client):
    guide = complete_guide(title="How to Become a Data Engineer")
    assert b"How to Become a Data Engineer" in client.get(guide.get_absolute_url()).content
    client.get("/guides/")
    hit(client.get(guide.get_absolute_url()))
    hit(client.get("/guides/"))
    from tests.admin_forms import change_form_data

    url = reverse("admin:guides_guide_change", args=[guide.pk])
    data = change_form_data(admin_client.get(url))
    data["title"] = "How to Become a Data Platform Engineer"
    assert admin_client.post(url, data).status_code == 302
    page = miss(client.get(guide.get_absolute_url()))
    assert b"How to Become a Data Platform Engineer" in page.content
    assert b"Data Platform Engineer" in miss(client.get("/guides/")).content


def test_unpublishing_removes_the_page_at_once(page_cache, client, admin_client):
    guide = complete_guide()
    assert client.get(guide.get_absolute_url()).status_code == 200
    assert hit(client.get(guide.get_absolute_url())).status_code == 200
    admin_client.post(
        reverse("admin:guides_guide_changelist"),
        {"action": "unpublish", "_selected_action": [guide.pk]},
    )
    assert miss(client.get(guide.get_absolute_url())).status_code == 404


def test_staff_and_draft_previews_are_never_cached(
    page_cache, client, django_assert_max_num_queries
):
    draft = complete_guide(status=Publishable.Status.DRAFT)
    staff = Client()
    staff.force_login(User.objects.create_superuser("boss", "boss@example.com", "x"))
    preview = staff.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert b"Draft" in preview.content
    assert "no-store" in preview["Cache-Control"]
    assert "Cookie" in preview["Vary"]
    assert client.get(draft.get_absolute_url()).status_code == 404  # reader: not leaked
    staff.get(draft.get_absolute_url())
    live = complete_guide()
    miss(client.get(live.get_absolute_url()))
    hit(client.get(live.get_absolute_url()))  # readers get it from the cache...
    staff.get(live.get_absolute_url())
    with django_assert_max_num_queries(20) as captured:
        miss(staff.get(live.get_absolute_url()))
    assert len(captured) > 0  # ...staff pages always render


def test_a_scheduled_guide_goes_live_when_its_time_comes(page_cache, client, monkeypatch):
    start = timezone.now()
    complete_guide(publish_from=start + datetime.timedelta(seconds=90), title="How to Be Next")
    assert b"How to Be Next" not in miss(client.get("/guides/")).content
    assert b"How to Be Next" not in hit(client.get("/guides/")).content
    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(seconds=91))
    assert b"How to Be Next" in miss(client.get("/guides/")).content


def test_next_change_includes_job_expiry_and_take_downs():
    now = timezone.now()
    listing = JobListingFactory(valid_through=timezone.localdate() + datetime.timedelta(days=2))
    expected = timezone.make_aware(
        datetime.datetime.combine(
            listing.valid_through + datetime.timedelta(days=1), datetime.time()
        )
    )
    assert next_scheduled_change(at=now) == expected
    GuideFactory(publish_until=now + datetime.timedelta(hours=1))
    assert next_scheduled_change(at=now) == now + datetime.timedelta(hours=1)


@contextmanager
def unwatched():
    """Writes the content-change watch does not see (careers.core.changes)."""
    watch.paused = True
    try:
        yield
    finally:
        watch.paused = False


def retitle(guide, title: str) -> None:
    """Change what the page shows behind the cache's back: no version moves."""
    with unwatched():
        Guide.objects.filter(pk=guide.pk).update(title=title)


def test_content_changed_moves_every_page_on(page_cache, client):
    guide = complete_guide(title="How to Become a Data Engineer")
    client.get(guide.get_absolute_url())
    retitle(guide, "How to Become a Data Platform Engineer")
    assert b"Data Platform Engineer" not in hit(client.get(guide.get_absolute_url())).content
    content_changed()
    assert b"Data Platform Engineer" in miss(client.get(guide.get_absolute_url())).content


def test_apply_redirects_and_health_checks_are_never_cached(page_cache, client):
    listing = JobListingFactory()
    miss(client.get(reverse("jobs:apply", args=[listing.pk])))
    miss(client.get(reverse("jobs:apply", args=[listing.pk])))
    listing.refresh_from_db()
    assert listing.click_count == 2
    miss(client.get("/healthz"))
    miss(client.get("/healthz"))
    miss(client.get(listing.get_absolute_url()))
    hit(client.get(listing.get_absolute_url()))  # while the listing's own page is cached


def test_pages_that_are_never_cached_cost_no_cache_lookup(page_cache, client, monkeypatch):
    import careers.core.cache

    listing = JobListingFactory()
    lookups = []
    real = careers.core.cache._generation
    monkeypatch.setattr(
        careers.core.cache, "_generation", lambda now: lookups.append(now) or real(now)
    )
    client.get(reverse("jobs:apply", args=[listing.pk]))
    client.get("/healthz")
    assert lookups == []
    client.get("/guides/")
    assert len(lookups) == 1  # a cacheable page looks once, hit or miss


def test_another_app_server_serves_the_page_from_the_shared_cache(
    page_cache, client, django_assert_num_queries
):
    from careers.core.cache import recent_pages

    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url()))
    recent_pages.pages.clear()  # a server that has not served it yet
    with django_assert_num_queries(0):
        second = hit(client.get(guide.get_absolute_url()))
    assert second.content == first.content


def another_server_changes_content() -> None:
    """What content_changed() does on another app server: only the database row moves,
    this process's reading of it does not."""
    ContentVersion.objects.update_or_create(
        pk=1, defaults={"token": "changed-elsewhere", "changed_at": timezone.now()}
    )


def test_a_change_on_another_server_reaches_readers_within_the_check_interval(
    page_cache, client, monkeypatch, settings
):
    import careers.core.cache

    settings.PAGE_CACHE_CHECK_SECONDS = 1.0
    clock = [1000.0]
    monkeypatch.setattr(careers.core.cache, "monotonic", lambda: clock[0])
    guide = complete_guide(title="How to Become a Data Engineer")
    client.get(guide.get_absolute_url())
    retitle(guide, "How to Become a Data Platform Engineer")
    another_server_changes_content()
    clock[0] += 0.5
    # This worker has not read the content version again yet.
    assert b"Data Platform Engineer" not in hit(client.get(guide.get_absolute_url())).content
    clock[0] += 0.6
    assert b"Data Platform Engineer" in miss(client.get(guide.get_absolute_url())).content


def test_with_no_check_interval_every_request_asks_the_shared_cache(page_cache, client, settings):
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    guide = complete_guide(title="How to Become a Data Engineer")
    client.get(guide.get_absolute_url())
    hit(client.get(guide.get_absolute_url()))
    retitle(guide, "How to Become a Data Platform Engineer")
    another_server_changes_content()
    assert b"Data Platform Engineer" in miss(client.get(guide.get_absolute_url())).content


def test_cached_pages_are_sent_compressed_to_browsers_that_ask(page_cache, client):
    import brotli

    guide = complete_guide()
    plain = miss(client.get(guide.get_absolute_url()))
    for accept, encoding, decompress in (
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", __import__("gzip").decompress),
    ):
        response = hit(client.get(guide.get_absolute_url(), HTTP_ACCEPT_ENCODING=accept))
        assert response["Content-Encoding"] == encoding
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content)
        assert decompress(response.content) == plain.content
        assert "Accept-Encoding" in response["Vary"]
        assert response["ETag"] == f"W/{plain['ETag']}"
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]


def test_cached_pages_keep_every_security_header(page_cache, client):
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url()))
    cached = hit(client.get(guide.get_absolute_url()))
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Request-ID",
    ):
        assert cached[header], header
        if header != "X-Request-ID":
            assert cached[header] == first[header], header


def test_tracking_parameters_share_the_page_a_plain_visit_cached(
    page_cache, client, django_assert_num_queries
):
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url()))
    with django_assert_num_queries(0):
        tagged = hit(client.get(guide.get_absolute_url() + "?utm_source=newsletter&fbclid=abc"))
    assert tagged.content == first.content


def test_pages_that_read_the_query_string_are_cached_per_query(page_cache, client):
    JobListingFactory(workplace_type="remote", remote_countries="DE", title="Remote ML Engineer")
    JobListingFactory(title="Office ML Engineer")
    everything = miss(client.get("/jobs/")).content
    remote = miss(client.get("/jobs/?workplace=remote")).content
    assert hit(client.get("/jobs/?workplace=remote")).content == remote
    assert b"Remote ML Engineer" in everything
    assert b"Office ML Engineer" in everything
    assert b"Remote ML Engineer" in remote
    assert b"Office ML Engineer" not in remote


def test_the_host_header_neither_splits_the_cache_nor_shows_on_the_page(
    page_cache, client, settings
):
    """Pages print the site's own address; any host the site answers to shares one entry."""
    settings.ALLOWED_HOSTS = ["localhost", "example.com"]
    settings.SITE_URL = "https://careers.example"
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url(), HTTP_HOST="localhost:8001"))
    for port in range(8002, 8012):
        other = hit(client.get(guide.get_absolute_url(), HTTP_HOST=f"localhost:{port}"))
        assert other.content == first.content
    assert hit(client.get(guide.get_absolute_url(), HTTP_HOST="example.com")).content == (
        first.content
    )
    assert b'href="https://careers.example/guides/' in first.content
    assert b"localhost" not in first.content
    assert b"example.com" not in first.content.replace(b"careers.example", b"")


def test_a_browser_that_refuses_brotli_gets_gzip(page_cache, client):
    guide = complete_guide()
    client.get(guide.get_absolute_url())
    response = hit(client.get(guide.get_absolute_url(), HTTP_ACCEPT_ENCODING="br;q=0, gzip"))
    assert response["Content-Encoding"] == "gzip"
    refused = hit(client.get(guide.get_absolute_url(), HTTP_ACCEPT_ENCODING="br;q=0"))
    assert "Content-Encoding" not in refused


def test_a_304_keeps_the_pages_own_caching_and_policy(page_cache, client):
    from guides.og_card import guide_card_url

    guide = complete_guide()
    url = guide_card_url(guide)
    first = miss(client.get(url))
    again = hit(client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]))
    assert again.status_code == 304
    for header in ("Cache-Control", "Content-Security-Policy", "Last-Modified", "ETag"):
        assert again[header] == first[header], header
    assert "immutable" in again["Cache-Control"]


def test_hits_are_redirected_to_https_and_carry_hsts(page_cache, client, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url(), secure=True))
    cached = hit(client.get(guide.get_absolute_url(), secure=True))
    assert cached.content == first.content
    assert cached["Strict-Transport-Security"].startswith("max-age=3600")
    settings.SECURE_SSL_REDIRECT = True
    plain = Client().get(guide.get_absolute_url())  # a client whose middleware sees it
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


def test_a_host_the_site_does_not_serve_is_refused_even_for_a_cached_page(page_cache, client):
    guide = complete_guide()
    client.get(guide.get_absolute_url())
    hit(client.get(guide.get_absolute_url()))
    assert client.get(guide.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400


def test_the_jobs_list_ignores_tracking_parameters_in_its_key_and_its_links(
    page_cache, client, django_assert_num_queries
):
    for _ in range(25):
        JobListingFactory()
    first = miss(client.get("/jobs/?workplace=on_site"))
    with django_assert_num_queries(0):
        tagged = hit(client.get("/jobs/?utm_source=ad&workplace=on_site"))
    assert tagged.content == first.content
    assert b"utm_source" not in tagged.content
    assert b"page=2" in tagged.content


def test_a_sitemap_page_number_is_part_of_its_key(page_cache, client):
    assert miss(client.get("/sitemap.xml")).status_code == 200
    assert hit(client.get("/sitemap.xml")).status_code == 200
    assert miss(client.get("/sitemap.xml?p=2")).status_code == 404


def test_pages_holding_a_csrf_token_or_a_session_write_are_not_stored(page_cache, client, settings):
    settings.ROOT_URLCONF = "tests.careers.core.cache_urls"
    from tests.careers.core import cache_urls

    cache_urls.calls.clear()
    for path in ("/with-csrf-token/", "/with-session-write/", "/plain/"):
        for _ in range(2):
            Client().get(path)  # a new reader each time, with no cookie from before
    assert cache_urls.calls == [
        "with-csrf-token",
        "with-csrf-token",
        "with-session-write",
        "with-session-write",
        "plain",
    ]


def test_decorators_around_reader_cache_still_run_on_hits(page_cache, client, settings):
    settings.ROOT_URLCONF = "tests.careers.core.cache_urls"
    from tests.careers.core import cache_urls

    cache_urls.calls.clear()
    first = client.get("/wrapped/")
    second = client.get("/wrapped/")
    assert second.content == first.content
    # The outer decorator ran both times; the view itself once (the second came
    # from the cache).
    assert cache_urls.calls == ["outer", "wrapped", "outer"]


@pytest.mark.parametrize(
    "path", ["/", "/guides/", "/jobs/", "/flashcards/", "/sitemap.xml", "/robots.txt"]
)
def test_hits_are_answered_before_routing(page_cache, client, path):
    complete_guide()
    assert miss(client.get(path)).status_code == 200
    assert hit(client.get(path)).status_code == 200


def test_a_guide_hit_is_answered_before_routing(page_cache, client):
    guide = complete_guide()
    miss(client.get(guide.get_absolute_url()))
    hit(client.get(guide.get_absolute_url()))


def sign_in(client: Client, password: str = "s3cret-Passw0rd") -> User:  # noqa: S107
    """A staff member signs in through the admin's own sign-in page."""
    user = User.objects.create_user("editor", "editor@example.com", password, is_staff=True)
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": password, "next": "/admin/"}
    )
    assert response.status_code == 302
    return user


def test_staff_get_a_fresh_render_of_a_page_readers_have_cached(page_cache, client):
    guide = complete_guide(title="How to Become a Data Engineer")
    miss(client.get(guide.get_absolute_url()))
    hit(client.get(guide.get_absolute_url()))
    staff = Client()
    sign_in(staff)
    assert staff.cookies["staff_marker"].value
    retitle(guide, "How to Become a Data Platform Engineer")  # unseen by the cache
    page = miss(staff.get(guide.get_absolute_url()))
    assert b"Data Platform Engineer" in page.content
    assert b"Data Platform Engineer" not in hit(client.get(guide.get_absolute_url())).content


def test_signing_out_clears_the_staff_marker(page_cache, client):
    guide = complete_guide()
    miss(client.get(guide.get_absolute_url()))
    staff = Client()
    sign_in(staff)
    miss(staff.get(guide.get_absolute_url()))
    staff.post(reverse("admin:logout"))
    assert not staff.cookies["staff_marker"].value
    hit(staff.get(guide.get_absolute_url()))


def test_staff_signed_in_before_the_marker_existed_get_it_on_their_next_render(page_cache, client):
    guide = complete_guide()
    staff = Client()
    staff.force_login(User.objects.create_user("old", is_staff=True))  # no marker yet
    first = miss(staff.get(guide.get_absolute_url()))
    assert first.cookies["staff_marker"].value
    miss(staff.get(guide.get_absolute_url()))
    # What a staff member's render showed was not stored for readers.
    miss(client.get(guide.get_absolute_url()))
    hit(client.get(guide.get_absolute_url()))


@pytest.mark.parametrize(
    "cookie",
    ["sessionid=bogus", "staff_marker=1", "staff_marker=1:abc:def", "sessionid=x; csrftoken=y"],
)
def test_any_other_cookie_is_served_from_the_cache(
    page_cache, client, django_assert_num_queries, cookie
):
    """Only a marker signed with the site's key skips the cache; anyone can send the rest."""
    guide = complete_guide()
    first = miss(client.get(guide.get_absolute_url()))
    with django_assert_num_queries(0):
        response = hit(Client().get(guide.get_absolute_url(), HTTP_COOKIE=cookie))
    assert response.content == first.content

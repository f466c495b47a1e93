"""Every page type carries the security headers; production settings are locked down."""

import logging

import pytest
from django.urls import URLResolver, get_resolver, resolve, reverse

from tests.factories import SkillFactory, complete_guide
from tests.flashcards.factories import deck_with_cards
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_urls():
    guide = complete_guide(slug="data-engineer")
    deck = deck_with_cards(career=guide.career, cards=3)
    listing = JobListingFactory(career=guide.career)
    return {
        "home": "/",
        "guide index": "/guides/",
        "guide": guide.get_absolute_url(),
        "salary": guide.career.get_absolute_url(),
        "decks": reverse("flashcards:index"),
        "deck": deck.get_absolute_url(),
        "jobs": reverse("jobs:list"),
        "job": listing.get_absolute_url(),
        "robots": "/robots.txt",
        "not found": "/no/such/page/",
        "admin login": reverse("admin:login"),
    }


def test_every_page_type_carries_the_security_headers(client, page_urls):
    for name, url in page_urls.items():
        response = client.get(url)
        assert response.status_code in (200, 404), name
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp, name
        assert "script-src 'self'" in csp, name
        assert "unsafe-inline" not in csp, name
        assert "unsafe-eval" not in csp, name
        assert "frame-ancestors 'none'" in csp, name
        assert response["X-Frame-Options"] == "DENY", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert response["X-Request-ID"], name


def test_pages_have_no_inline_script_or_style(client, page_urls):
    for name, url in page_urls.items():
        html = client.get(url).content.decode()
        for opening in html.split("<script")[1:]:
            tag = opening.split(">", 1)[0]
            assert "src=" in tag or "application/ld+json" in tag or "application/json" in tag, (
                name,
                tag,
            )
        assert "<style" not in html, name
        assert ' style="' not in html, name
        assert " onclick=" not in html, name
        assert " onload=" not in html, name


def test_a_request_id_from_the_proxy_is_echoed_and_junk_is_replaced(client):
    assert client.get("/", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    replaced = client.get("/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>"
    assert len(replaced) == 32


def test_each_request_is_logged_once_with_status_and_duration(client, caplog):
    with caplog.at_level("INFO", logger="careers.requests"):
        client.get("/guides/?utm_source=x", HTTP_X_REQUEST_ID="req-1")
    lines = [r for r in caplog.records if r.name == "careers.requests"]
    assert len(lines) == 1
    assert lines[0].request_id == "req-1"
    assert "GET /guides/?utm_source=x 200" in lines[0].getMessage()
    assert lines[0].getMessage().endswith("ms")


def test_deploy_checks_warn_when_the_page_cache_is_not_shared(settings):
    from django.core.checks import run_checks

    def warnings():
        return [m.id for m in run_checks(include_deployment_checks=True)]

    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "careers.W001" in warnings()
    settings.CACHES = {
        "default": {
            "BACKEND": "careers.core.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    assert "careers.W001" not in warnings()


def test_a_rejected_host_logs_one_short_warning_line(client, caplog):
    caplog.set_level(logging.INFO)
    response = client.get("/", HTTP_HOST="evil.example:1234")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name.startswith("django.security")]
    assert len(records) == 1
    (record,) = records
    assert record.levelname == "WARNING"
    assert record.exc_info is None
    assert "evil.example" in record.getMessage()
    assert "\n" not in record.getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def every_public_url(guide, deck, listing, other) -> list[str]:
    """One address of each public URL pattern (careers/urls.py and the apps' urls.py)."""
    return [
        "/",
        reverse("careers:index"),
        reverse("careers:favicon"),
        reverse("careers:manifest"),
        reverse("careers:compare_index"),
        "/guides/",
        guide.get_absolute_url(),
        reverse("guides:card", args=[guide.slug]),
        reverse("guides:card_svg", args=[guide.slug]),
        reverse("guides:feed"),
        guide.career.get_absolute_url(),
        reverse("careers:compare", args=[f"{guide.career.slug}-vs-{other.career.slug}"]),
        "/healthz",
        "/robots.txt",
        "/search/?q=data",
        reverse("careers:plan"),
        reverse("careers:skills_json"),
        "/sitemap.xml",
        reverse("flashcards:index"),
        deck.get_absolute_url(),
        reverse("flashcards:export_anki", args=[deck.slug]),
        reverse("jobs:list"),
        listing.get_absolute_url(),
        reverse("jobs:apply", args=[listing.pk]),
        reverse("jobs:feed", args=[guide.career.slug]),
        reverse("jobs:search_feed") + "?workplace=remote",
        reverse("skills:index"),
        SkillFactory(name="Python").get_absolute_url(),
    ]


def url_names(patterns, namespace=None):
    """The name of every URL pattern but the admin's, with its namespace."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if (pattern.namespace or namespace) != "admin":
                yield from url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_public_url_pattern_is_checked(settings):
    guide = complete_guide(slug="data-engineer")
    other = complete_guide(slug="data-scientist")
    deck = deck_with_cards(career=guide.career, cards=2)
    listing = JobListingFactory(career=guide.career)
    checked = {
        resolve(url.split("?")[0]).view_name
        for url in every_public_url(guide, deck, listing, other)
    }
    staff_only = {"admin_content_health"}
    assert set(url_names(get_resolver().url_patterns)) - staff_only == checked


def test_public_pages_answer_only_get_and_head(client):
    guide = complete_guide(slug="data-engineer")
    other = complete_guide(slug="data-scientist")
    deck = deck_with_cards(career=guide.career, cards=2)
    listing = JobListingFactory(career=guide.career)
    for url in every_public_url(guide, deck, listing, other):
        assert client.get(url).status_code in (200, 301, 302), url
        assert client.head(url).status_code in (200, 301, 302), url
        for method in ("post", "put", "patch", "delete", "options"):
            response = getattr(client, method)(url)
            assert response.status_code == 405, (method, url)
            assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}, (method, url)


def test_deploy_checks_warn_unless_the_site_address_is_https(settings):
    from django.core.checks import run_checks

    def warnings():
        return [m.id for m in run_checks(include_deployment_checks=True)]

    settings.SITE_URL = "http://127.0.0.1:8000"  # the development default
    assert "careers.W002" in warnings()
    settings.SITE_URL = "https://careers.example/guides"
    assert "careers.W002" in warnings()
    settings.SITE_URL = "https://careers.example"
    assert "careers.W002" not in warnings()

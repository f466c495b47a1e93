"""Every page type carries the security headers; production settings are locked down."""

import pytest
from django.urls import reverse

from tests.factories import complete_guide
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

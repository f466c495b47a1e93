import re
from html import escape

import pytest
from django.db import DatabaseError

from careers.core.publishing import Publishable
from tests.factories import GuideFactory, SalaryFigureFactory, complete_guide

pytestmark = pytest.mark.django_db


def test_home_shows_live_guides_by_category(client, django_assert_max_num_queries):
    guide = complete_guide(title="How to Become a Data Scientist")
    GuideFactory(title="How to Become an Unpublished Thing", status=Publishable.Status.DRAFT)
    with django_assert_max_num_queries(2):
        response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "How to Become a Data Scientist" in html
    assert escape(guide.career.category.name) in html
    assert "Unpublished Thing" not in html


def test_salary_page_shows_every_figure_with_its_source_and_date(
    client, django_assert_max_num_queries
):
    guide = GuideFactory()
    SalaryFigureFactory(
        career=guide.career,
        label="Senior (5+ years)",
        low=190_000,
        high=260_000,
        source_name="Levels survey",
    )
    with django_assert_max_num_queries(2):
        response = client.get(f"/careers/{guide.career.slug}/salary/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "$120K–$175K" in html
    assert "Senior (5+ years)" in html
    assert "$190K–$260K" in html
    assert "Levels survey" in html
    assert guide.get_absolute_url() in html


def test_salary_page_of_a_career_without_a_live_guide_is_404(client):
    guide = GuideFactory(status=Publishable.Status.DRAFT)
    assert client.get(f"/careers/{guide.career.slug}/salary/").status_code == 404
    assert client.get("/careers/nobody/salary/").status_code == 404


def test_healthz_checks_the_database(client, monkeypatch):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    down = client.get("/healthz")
    assert down.status_code == 503
    assert b"database: unavailable" in down.content


def test_robots_txt_keeps_crawlers_out_of_the_admin(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert f"Disallow: /{settings.ADMIN_PATH}" in response.content.decode()


def test_unknown_page_is_a_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1" in html
    assert 'href="/guides/"' in html


def test_server_error_page_renders_without_a_request(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "<h1" in html


def test_favicon_touch_icon_and_manifest(client):
    from io import BytesIO

    from PIL import Image

    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/x-icon"
    assert Image.open(BytesIO(icon.content)).format == "ICO"
    assert "max-age=86400" in icon["Cache-Control"]
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["name"] == "Career Compass"
    assert data["start_url"] == "/"
    for entry in data["icons"]:
        image = client.get(entry["src"])
        size = Image.open(BytesIO(b"".join(image.streaming_content))).size
        assert f"{size[0]}x{size[1]}" == entry["sizes"]
    home = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="48x48">' in home
    assert '<link rel="manifest" href="/manifest.webmanifest">' in home
    touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', home).group(1)
    touch_png = b"".join(client.get(touch).streaming_content)
    assert Image.open(BytesIO(touch_png)).size == (180, 180)

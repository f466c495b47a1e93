"""One live server with the demo content for the page tests, and what they share."""

import contextlib
import io
import os
import shutil

import pytest
from django.conf import settings as django_settings

from tests.browser import checks
from tests.browser.pages import PAGES

# Captured before any test database exists, to tell whether one was made.
DATABASE_NAME_OUTSIDE_TESTS = django_settings.DATABASES["default"]["NAME"]


@contextlib.contextmanager
def ensure_test_database(request):
    """The test database, made here if pytest-django made none.

    pytest-django creates it only when a collected test asks for the database by
    a mark or fixture; the tests here reach it through the live server instead.
    """
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    request.getfixturevalue("django_db_setup")
    if settings.DATABASES["default"]["NAME"] != DATABASE_NAME_OUTSIDE_TESTS:
        yield  # pytest-django made it
        return
    old_config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        yield
    finally:
        teardown_databases(old_config, verbosity=0)


@pytest.fixture(scope="package")
def site(request, django_db_blocker, tmp_path_factory):
    """The site with the demo content, served over HTTP on loopback; its base URL.

    One server and one data load for the whole package (not pytest-django's
    `live_server`, which empties the database after every test); the database is
    emptied once at the end, so the tests after these find it as they expect.
    Being package-scoped, it starts before Chromium (module-scoped) and ends after.
    """
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    overrides = override_settings(
        # Plain HTTP on loopback, as `make serve` runs it.
        SECURE_SSL_REDIRECT=False,
        # The live server serves /static/ from the source folders itself (unhashed
        # names); an existing STATIC_ROOT keeps WhiteNoise from warning.
        STATIC_ROOT=tmp_path_factory.mktemp("static_root"),
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    address = os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost")
    with django_db_blocker.unblock(), overrides, ensure_test_database(request):
        assert settings.DATABASES["default"]["NAME"] != DATABASE_NAME_OUTSIDE_TESTS, (
            "refusing to load demo content into the developer's own database"
        )
        with checks.orm_beside_playwright():
            call_command("load_demo", stdout=io.StringIO())
        server = LiveServer(address)
        server._live_server_modified_settings.enable()  # adds the host to ALLOWED_HOSTS
        # Canonical and absolute URLs on the live server's address, as `make serve` sets it.
        site_address = override_settings(SITE_URL=server.url)
        site_address.enable()
        try:
            yield server.url
        finally:
            server.stop()
            site_address.disable()
            server._live_server_modified_settings.disable()
            with checks.orm_beside_playwright():
                call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="package")
def loaded_pages(site):
    """Every page type, loaded once at desktop width, with what happened while loading."""
    with checks.chromium_browser() as browser:
        context = browser.new_context(viewport=checks.DESKTOP)
        checks.block_other_hosts(context, site)
        visits = {}
        for name, page_type in PAGES.items():
            visits[name] = checks.visit(context, page_type.url(site), wait_until="networkidle")
        yield visits
        context.close()


@pytest.fixture(scope="package")
def html_report(loaded_pages):
    """The Nu HTML Checker's errors for every page, as served and after its scripts ran."""
    documents = {}
    for name, visit in loaded_pages.items():
        documents[f"{name} as served"] = visit.served_html
        documents[f"{name} after its scripts ran"] = visit.dom_html
    return checks.validate_html(documents)


@pytest.fixture(scope="session")
def screenshot_dir():
    """artifacts/browser/screenshots/ (or $BROWSER_ARTIFACTS/screenshots/), emptied per run."""
    directory = checks.SCREENSHOTS
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    return directory

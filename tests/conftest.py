import pytest


def pytest_configure(config):
    """Serve static files straight from the source folders, as `runserver` does.

    Production serves hashed, compressed files from `collectstatic`; tests should not
    need that step first, but the live server must still serve real CSS.
    """
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # The test client and live server speak plain HTTP; tests of the HTTPS
    # settings turn this back on for themselves.
    settings.SECURE_SSL_REDIRECT = False
    # Views are tested as they render; tests/careers/test_cache.py turns the
    # readers' page cache on for itself.
    settings.PAGE_CACHE_SECONDS = 0
    # The site's own address is the test client's host, so absolute URLs read as
    # before; tests of SITE_URL set another one and a different Host header.
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so no test sees another's pages."""
    from django.core.cache import cache

    from careers.core.cache import last_heard, recent_pages

    cache.clear()
    recent_pages.pages.clear()
    last_heard.forget()
    yield
    cache.clear()
    recent_pages.pages.clear()
    last_heard.forget()


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium for browser tests (see tests/browser/), shared while in use.

    Module-scoped: while Playwright runs, Django refuses ORM calls in this thread,
    so it should stop when a module's browser tests are done. Skipped when Chromium,
    Java or vnu.jar is missing; failed instead when CI=true.
    """
    from tests.browser.checks import chromium_browser

    with chromium_browser() as browser:
        yield browser


@pytest.fixture
def new_context(chromium):
    """Make browser contexts (viewport, colour scheme...) that close after the test.

    With `site_origin`, requests to any other host are recorded by checks.visit and aborted.
    """
    from tests.browser.checks import block_other_hosts

    contexts = []

    def make(*, site_origin: str | None = None, **options):
        context = chromium.new_context(**options)
        context.set_default_timeout(15_000)
        if site_origin:
            block_other_hosts(context, site_origin)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def editorial_groups(db):
    """The Editors and Publishers groups as the migrations make them.

    A transactional test empties every table afterwards, groups included, so
    tests that run later and need the groups ask for this fixture.
    """
    import importlib

    from django.apps import apps

    for module in (
        "careers.migrations.0002_editorial_groups",
        "guides.migrations.0002_editorial_groups",
        "flashcards.migrations.0002_editorial_groups",
        "jobs.migrations.0002_editorial_groups",
        "careers.migrations.0006_publish_permissions",
        "guides.migrations.0009_certification_publish_permission",
        "jobs.migrations.0006_company_publish_permission",
        "jobs.migrations.0007_job_sources",
    ):
        importlib.import_module(module).grant(apps, None)

import pytest
from django.conf import settings as django_settings

# Captured before any test database exists, to tell whether one was made.
DATABASE_NAME_OUTSIDE_TESTS = django_settings.DATABASES["default"]["NAME"]


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


GROUPS_AS_MIGRATED: dict[str, list[tuple[str, str]]] = {}


def note_groups_as_migrated() -> None:
    """Each group's permissions, by app and codename, while the migrations' groups stand."""
    from django.contrib.auth.models import Group

    for group in Group.objects.all():
        GROUPS_AS_MIGRATED[group.name] = list(
            group.permissions.values_list("content_type__app_label", "codename")
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated; the groups are noted before any test runs, for
    `editorial_groups` to restore after a transactional test has emptied them."""
    from django.conf import settings

    if settings.DATABASES["default"]["NAME"] == DATABASE_NAME_OUTSIDE_TESTS:
        return  # pytest-django made no test database (the browser suite makes its own)
    with django_db_blocker.unblock():
        note_groups_as_migrated()


@pytest.fixture
def editorial_groups(db):
    """The Editors and Publishers groups as the migrations make them.

    A transactional test empties every table afterwards, groups included, so
    tests that run later and need the groups ask for this fixture.
    """
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    if not GROUPS_AS_MIGRATED:
        note_groups_as_migrated()
    assert GROUPS_AS_MIGRATED, "the migrations made no groups"
    for name, permissions in GROUPS_AS_MIGRATED.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Q(pk__in=[])
        for app_label, codename in permissions:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(wanted))


@pytest.fixture(scope="module")
def orm_beside_playwright(django_db_setup):
    """For a module of browser tests that also use the ORM (factories, and
    pytest-django emptying the database afterwards): Playwright's sync API keeps an
    event loop running in this thread, so Django would refuse those calls as "async
    unsafe". They are plain synchronous ones made while no page loads. The test
    database exists before the guard is lifted, and the guard is back once the
    module's tests are done. Use it with `pytest.mark.usefixtures(...)`."""
    from tests.browser import checks

    with checks.orm_beside_playwright():
        yield

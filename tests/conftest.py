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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so no test sees another's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()

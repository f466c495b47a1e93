"""Settings for the career-guide site: one module, configured by the environment.

Every variable is documented in `.env.example`. Defaults suit a developer's
machine (SQLite, local-memory cache); production sets `SECRET_KEY`,
`DATABASE_URL`, `CACHE_URL` and `ALLOWED_HOSTS`.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (or .env), or set DEBUG=true "
            "for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SITE_NAME = env.str("SITE_NAME", default="Career Compass")
# The site's own address, scheme and host, e.g. https://careers.example. Canonical and
# absolute URLs, the sitemap, feeds, robots.txt and structured data are built from it,
# never from the request's Host header (`check --deploy` warns unless it is https).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The content-health page flags figures older than this, and lists schedule changes this far ahead.
FIGURE_REVIEW_DAYS = env.int("FIGURE_REVIEW_DAYS", default=365)
SCHEDULE_HORIZON_DAYS = env.int("SCHEDULE_HORIZON_DAYS", default=30)
# `make bench` only: adds the constant-bytes baseline view.
BENCHMARK_VIEWS = env.bool("BENCHMARK_VIEWS", default=False)
# Where the admin lives, e.g. "staff-desk/"; anything but the default keeps bots guessing.
ADMIN_PATH = env.str("ADMIN_PATH", default="admin/").strip("/") + "/"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "adminsortable2",
    "reversion",
    "axes",
    "django_countries",
    # The core first (it imports no app), then the hub, the content apps, and the
    # site layer that composes them (see README, "How the code is laid out").
    "careers.core",
    "careers",
    "guides",
    "flashcards",
    "jobs",
    "careers.site",
]

MIDDLEWARE = [
    "careers.core.middleware.RequestLogMiddleware",
    # Compresses pages for browsers that ask (public pages hold no secrets to leak).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "careers.core.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Readers' cached pages are served here, as WhiteNoise serves static files:
    # before routing, sessions and the view (careers/cache.py).
    "careers.core.cache.ReaderCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks signed-in staff with a signed cookie, so the page cache knows them
    # without a database or cache round trip (careers/core/staff.py).
    "careers.core.staff.StaffMarkerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock an account out from an address after repeated failed admin logins.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

ROOT_URLCONF = "careers.urls"
WSGI_APPLICATION = "careers.wsgi.application"
ASGI_APPLICATION = "careers.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careers.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite beside the code unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Keep connections open between requests; health checks drop dead ones.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Transactions take the write lock when they begin, so two saves at the same
    # moment run one after the other instead of failing with "database is locked"
    # (careers/core/editing.py).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
    # The same backend, with SQLite's real limit on parameters per statement, so bulk
    # writes (the job import) need as few statements as on PostgreSQL.
    DATABASES["default"]["ENGINE"] = "careers.core.sqlite"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# SQLite cannot defer unique constraints and skips them; PostgreSQL, the
# production database, enforces them (roadmap step positions).
SILENCED_SYSTEM_CHECKS = ["models.W038"]

# Cache: per-process memory unless CACHE_URL names a shared one (redis://...).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # The same backend, reusing its Redis client (see careers/redis_cache.py).
    CACHES["default"]["BACKEND"] = "careers.core.redis_cache.RedisCache"
# How long a reader's page may be served from the cache at most (careers/cache.py);
# any content change makes pages fresh sooner. 0 turns page caching off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a worker trusts its last reading of the content version before asking
# the shared cache again: a change made on another worker or server reaches
# readers within this time (careers/cache.py). 0 asks on every request.
PAGE_CACHE_CHECK_SECONDS = env.float("PAGE_CACHE_CHECK_SECONDS", default=1.0)

# Email: publishers hear of submissions to the review queue, editors of decisions
# (careers/core/notifications.py). The console while developing, SMTP in production:
# EMAIL_URL=smtp+tls://user:password@smtp.example.com:587
vars().update(
    env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production; plain files while developing.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Security: safe defaults, HTTPS settings from the environment.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append the address they were reached from to
# X-Forwarded-For (a load balancer: 1; a CDN in front of it: 2). The client's address
# is the one the outermost of them saw; whatever the client itself put in the header is
# to the left of it and never chosen. 0: the connection's own address (REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if BEHIND_TLS_PROXY else 0)
if TRUSTED_PROXY_COUNT > 0:
    # django-ipware, for django-axes: it counts the hops to the right of the client.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_ORDER = "left-most"
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1
    # A header with junk in it still yields its trusted entries, rather than the proxy's.
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script or style anywhere, nothing from other hosts (careers/middleware.py).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Structured logs on stdout: one line per record, key=value, with the request id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "careers.core.middleware.RequestIdFilter"},
        "one_line_warning": {"()": "careers.core.middleware.OneLineWarning"},
    },
    "formatters": {
        "line": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s "
            "request_id=%(request_id)s msg=%(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # RequestLogMiddleware logs every request once; Django's own 4xx lines would repeat it.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # django-axes narrates every start and sign-in; its warnings (lockouts) still show.
        "axes": {"level": "WARNING"},
        # A Host header the site does not serve is the client's mistake: one line, no traceback.
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
    },
}

# Country names (jobs.countries) come from django-countries' full ISO 3166-1 list; the
# short name readers know where the ISO one is long.
COUNTRIES_OVERRIDE = {"US": "United States"}

"""gunicorn settings for `make serve` and production; each can be set from the environment."""

import gc
import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take a server down
# (not too often: a fresh fork copies the memory it touches, ~0.3 s under load).
max_requests = 10000
max_requests_jitter = 1000
# Load Django once in the master: a new or recycled worker is a fork, not a
# second start-up. Nothing connects to PostgreSQL or Redis at import time, so
# no connection is shared between workers.
preload_app = True
# No access log: careers.core.middleware.RequestLogMiddleware writes one line per
# request (static files included), with the request id; gunicorn's would repeat it.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """Load every view and compile the site's templates once, before workers fork.

    With preload_app, Django is already set up here, but it imports the URLconf
    (and with it every view) and compiles each template on first use, in every
    worker. Doing it in the master means a new or recycled worker's first
    request costs what its thousandth does.
    """
    if not server.cfg.preload_app:
        return
    from pathlib import Path

    from django.conf import settings
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for template in Path(folder).rglob("*.*"):
            try:
                get_template(str(template.relative_to(folder)))
            except Exception:  # the page that uses it will fail on its own; the site starts
                server.log.exception("Could not compile template %s", template)
    # Keep the garbage collector off what the workers inherit, so they share
    # those memory pages with the master instead of copying them.
    gc.freeze()

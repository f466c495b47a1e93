"""gunicorn settings for `make serve` and production; each can be set from the environment."""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take a server down.
max_requests = 2000
max_requests_jitter = 200
# Load Django once in the master: a new or recycled worker is a fork, not a
# second start-up. Nothing connects to PostgreSQL or Redis at import time, so
# no connection is shared between workers.
preload_app = True
# No access log: careers.middleware.RequestLogMiddleware writes one line per
# request (static files included), with the request id; gunicorn's would repeat it.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

"""Where an uncached guide render spends its time, in-process (run after `make bench`).

Calls the WSGI application directly, without gunicorn or wrk, on the database
`make bench` left behind, with the readers' page cache off. Prints the mean of
each figure over many calls:

  A          the constant-bytes view, through every middleware
  guide      the guide page rendered from the database
  SQL        of which: time inside psycopg and PostgreSQL (all its queries)
  template   of which: rendering the page's template with its context
  one query  for scale: fetching one category by primary key through the ORM

Whatever is left of "guide" is Django building and compiling the queries,
making model objects, and the rest of the view.

    .venv/bin/python bench/render_breakdown.py
"""

import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get("BENCH_DATABASE", "careers_bench")
os.environ.update(
    DJANGO_SETTINGS_MODULE="careers.settings",
    DEBUG="false",
    SECRET_KEY="render-breakdown-only-" + os.urandom(16).hex(),
    DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
    PAGE_CACHE_SECONDS="0",
    BENCHMARK_VIEWS="true",
    LOG_LEVEL="WARNING",
    SECURE_SSL_REDIRECT="false",
)

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

from django.db import connection  # noqa: E402
from django.template import loader  # noqa: E402

import guides.views  # noqa: E402
from careers.models import Category  # noqa: E402

GUIDE = "/guides/machine-learning-engineer/"


def get(path: str) -> bytes:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    statuses = []
    body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    content = b"".join(body)
    body.close()
    if not statuses[0].startswith("200"):
        raise SystemExit(f"{path} answered {statuses[0]}: run `make bench` first")
    return content


def mean_ms(action, times: int) -> float:
    action()  # warm
    started = time.perf_counter()
    for _ in range(times):
        action()
    return (time.perf_counter() - started) / times * 1000


def main() -> None:
    sql_seconds = 0.0

    def timed_sql(execute, sql, params, many, context):
        nonlocal sql_seconds
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_seconds += time.perf_counter() - started

    constant = mean_ms(lambda: get("/_bench/constant"), 1000)
    get(GUIDE)
    with connection.execute_wrapper(timed_sql):
        guide = mean_ms(lambda: get(GUIDE), 100)
    sql = sql_seconds / 101 * 1000

    seen = {}
    real_render = guides.views.render

    def keep(request, template_name, context):
        seen.update(request=request, template_name=template_name, context=context)
        return real_render(request, template_name, context)

    guides.views.render = keep
    get(GUIDE)
    guides.views.render = real_render
    template = loader.get_template(seen["template_name"])
    rendering = mean_ms(lambda: template.render(seen["context"], seen["request"]), 100)

    category = Category.objects.first().pk
    one_query = mean_ms(lambda: Category.objects.filter(pk=category).first(), 300)

    print(f"A (constant bytes):   {constant:6.2f} ms")
    print(f"guide, uncached:      {guide:6.2f} ms  ({guide / constant:.0f}x A)")
    print(f"  SQL (psycopg + PG): {sql:6.2f} ms")
    print(f"  template:           {rendering:6.2f} ms")
    print(f"  the rest (ORM, view, middleware): {guide - sql - rendering:6.2f} ms")
    print(f"one simple ORM query: {one_query:6.2f} ms  ({one_query / constant:.1f}x A)")


if __name__ == "__main__":
    main()

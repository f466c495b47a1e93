"""`make test-faults`: the production set-up under load, with faults injected on purpose.

Starts the site as `make serve` does (gunicorn, DEBUG off, collectstatic) on a
PostgreSQL database of its own and a Redis it starts itself on a spare loopback
port, drives it with a bounded load over loopback (reader pages, a few dozen
requests a second per connection, at most 30 s in all), and in turn:

1. kills Redis: every page must keep answering, an editor's save must succeed,
   and once Redis is back readers must get the saved change;
2. terminates the app's PostgreSQL connections (its own database only): only
   requests in flight at that moment may fail;
3. sends two editors' saves of one guide at the same moment: exactly one is
   kept, the other editor is told;
4. sends 50 apply clicks at once: the count moves on by exactly 50.

Prints a table (fault, requests, errors, recovery time) and exits non-zero on
any lost change, miscount, or server error outside a fault's window.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
DATABASE = f"careers_faults_{os.getpid()}"
CONNECTIONS = 8
# The load stops by itself after this long, whatever the faults still have to do.
MAX_LOAD_SECONDS = 30
GUIDE = "/guides/machine-learning-engineer/"
READER_PATHS = [
    "/",
    "/guides/",
    GUIDE,
    "/guides/data-scientist/",
    "/careers/machine-learning-engineer/salary/",
    "/flashcards/",
    "/jobs/",
    "/sitemap.xml",
    "/robots.txt",
    "/search/?q=python",
]
EDITORS = ("editor-one", "editor-two")
PASSWORD = secrets.token_urlsafe(16)
STALE = "saved this page after you opened it"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise SystemExit(f"gave up waiting for {what}")


# The parts ------------------------------------------------------------------------------------


class Redis:
    def __init__(self, directory: str):
        self.port = free_port()
        self.directory = directory
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.answers, 10, "redis-server")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qAtc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def prepare(env: dict) -> None:
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    psql(f"CREATE DATABASE {DATABASE}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    users = "; ".join(
        f"User.objects.create_superuser({name!r}, '{name}@example.com', {PASSWORD!r})"
        for name in EDITORS
    )
    manage(env, "shell", "-c", f"from django.contrib.auth.models import User; {users}")


def start_site(env: dict, base: str, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "careers.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            base.removeprefix("http://"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def up() -> bool:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return True
        except OSError:
            return False

    wait_until(up, 60, "the site")
    return server


# The load -------------------------------------------------------------------------------------


@dataclass
class Request:
    started: float
    ended: float
    path: str
    status: int  # 0: no answer (refused, reset, timed out)


@dataclass
class Load:
    """Readers on CONNECTIONS threads, each asking for the next page as soon as it has one."""

    base: str
    deadline: float = 0.0
    requests: list[Request] = field(default_factory=list)
    running: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        self.deadline = time.monotonic() + MAX_LOAD_SECONDS
        self.running.set()
        for number in range(CONNECTIONS):
            thread = threading.Thread(target=self._reader, args=(number,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=15)

    def _reader(self, number: int) -> None:
        turn = number
        while self.running.is_set() and time.monotonic() < self.deadline:
            path = READER_PATHS[turn % len(READER_PATHS)]
            turn += 1
            started = time.monotonic()
            status = fetch(self.base + path)[0]
            self.requests.append(Request(started, time.monotonic(), path, status))

    def between(self, start: float, end: float) -> list[Request]:
        return [r for r in self.requests if start <= r.started < end]


def fetch(url: str, opener=None, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    open_url = opener.open if opener else urllib.request.urlopen
    try:
        with open_url(url, data=body, timeout=15) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def failed(request: Request) -> bool:
    return request.status == 0 or request.status >= 500


# An editor, through the admin as a browser would ----------------------------------------------


class FormFields(HTMLParser):
    """What a browser would submit from the admin's change form, unchanged."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.fields.append((attrs["name"], attrs.get("value") or default))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


class Editor:
    def __init__(self, base: str, name: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        status, page = fetch(base + "/admin/login/", self.opener)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, page = fetch(
            base + "/admin/login/?next=/admin/",
            self.opener,
            {
                "csrfmiddlewaretoken": token,
                "username": name,
                "password": PASSWORD,
                "next": "/admin/",
            },
        )
        if "Log out" not in page and "logout" not in page:
            raise SystemExit(f"{name} could not sign in (status {status})")

    def open_guide(self, guide_id: str) -> tuple[str, dict]:
        url = f"{self.base}/admin/guides/guide/{guide_id}/change/"
        parser = FormFields()
        parser.feed(fetch(url, self.opener)[1])
        data: dict[str, list[str]] = {}
        for name, value in parser.fields:
            data.setdefault(name, []).append(value)
        return url, data

    def save(self, url: str, data: dict, title: str) -> tuple[int, str]:
        return fetch(url, self.opener, {**data, "title": [title]})


def form_errors(page: str) -> str:
    """The admin's error messages on a page, as one line (for the report)."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", part) for part in found)
    return " ".join(text.split())[:300] or "none"


def guide_id() -> str:
    return psql(f"SELECT id FROM guides_guide WHERE slug = '{GUIDE.split('/')[2]}'", DATABASE)


# The faults -----------------------------------------------------------------------------------


@dataclass
class Result:
    fault: str
    requests: int
    errors: int
    recovery: float
    problems: list[str]


def phase(load: Load, name: str, seconds: float, fault, *, in_flight_ok: bool = False) -> Result:
    """Load for `seconds`, with `fault()` run a second in; errors judged afterwards.

    With `in_flight_ok`, a request under way while the fault was being injected may
    fail (a terminated connection takes its query with it); none that began after.
    """
    start = time.monotonic()
    time.sleep(1)
    moment = time.monotonic()
    problems = fault() or []
    injected = time.monotonic()
    time.sleep(max(0.0, seconds - (time.monotonic() - start)))
    requests = load.between(start, time.monotonic())
    errors = [r for r in requests if failed(r)]
    allowed = [r for r in errors if in_flight_ok and r.started <= injected and r.ended >= moment]
    for request in errors:
        if request not in allowed:
            problems.append(
                f"{request.path} answered {request.status or 'nothing'} "
                f"{request.started - moment:+.2f} s after the fault"
            )
    recovery = max((r.ended - moment for r in errors), default=0.0)
    return Result(name, len(requests), len(errors), max(0.0, recovery), problems)


def redis_killed(redis: Redis, base: str, editor: Editor) -> list[str]:
    problems = []
    redis.kill()
    url, data = editor.open_guide(guide_id())
    title = f"How to Become a Machine Learning Engineer, saved during the outage {os.getpid()}"
    status, page = editor.save(url, data, title)
    if status != 200 or "errorlist" in page:
        problems.append(f"the save during the outage failed (errors: {form_errors(page)})")
    time.sleep(1.2)  # every worker reads the content version again within 1 s
    if any(title not in fetch(base + GUIDE)[1] for _ in range(CONNECTIONS)):
        problems.append("during the outage, a reader did not get the saved change")
    redis.start()
    time.sleep(2.2)  # each worker's backend asks Redis again within 2 s
    for _ in range(CONNECTIONS):
        if title not in fetch(base + GUIDE)[1]:
            problems.append("after Redis came back, a reader got the page from before the save")
            break
    return problems


def database_blip() -> list[str]:
    terminated = psql(
        # With a timeout, each call returns once its backend has gone.
        "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
        f"WHERE datname = '{DATABASE}' AND pid <> pg_backend_pid()"
    )
    return [] if int(terminated or 0) > 0 else ["no connection of the app's to terminate"]


def simultaneous_saves(editors: list[Editor]) -> list[str]:
    opened = [editor.open_guide(guide_id()) for editor in editors]
    titles = [f"How to Become a Machine Learning Engineer, by {name}" for name in EDITORS]
    answers: dict[str, tuple[int, str]] = {}
    go = threading.Barrier(2)

    def save(index: int) -> None:
        go.wait()
        answers[titles[index]] = editors[index].save(*opened[index], titles[index])

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    kept = [title for title, (_, page) in answers.items() if STALE not in page]
    told = [title for title, (_, page) in answers.items() if STALE in page]
    stored = psql(f"SELECT title FROM guides_guide WHERE id = {guide_id()}", DATABASE)
    if len(kept) != 1 or len(told) != 1 or stored != kept[0]:
        errors = [form_errors(page) for _, page in answers.values()]
        return [f"two saves: kept {kept}, told {told}, stored {stored!r}, errors {errors}"]
    return []


def apply_clicks(base: str) -> list[str]:
    listing = psql(
        "SELECT id FROM jobs_joblisting WHERE status = 'published' "
        "AND valid_through >= current_date ORDER BY id LIMIT 1",
        DATABASE,
    )
    count = f"SELECT click_count FROM jobs_joblisting WHERE id = {listing}"
    before = int(psql(count, DATABASE))
    go = threading.Barrier(50)
    statuses = []

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)

    def click() -> None:
        go.wait()
        statuses.append(fetch(f"{base}/jobs/{listing}/apply/", opener)[0])

    threads = [threading.Thread(target=click) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = int(psql(count, DATABASE))
    if after - before != 50 or statuses.count(302) != 50:
        return [f"50 clicks: {statuses.count(302)} redirects, count moved by {after - before}"]
    return []


def report(results: list[Result]) -> str:
    lines = [
        "| fault | requests | errors | recovery s | result |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        verdict = "ok" if not r.problems else "FAILED: " + "; ".join(r.problems)
        lines.append(f"| {r.fault} | {r.requests} | {r.errors} | {r.recovery:.2f} | {verdict} |")
    return "\n".join(lines)


def main() -> int:
    for tool in ("redis-server", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed")
    work = tempfile.mkdtemp(prefix="careers-faults-")
    redis = Redis(work)
    redis.start()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SITE_URL": base,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "CACHE_URL": f"redis://127.0.0.1:{redis.port}/0",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "3"),
        "LOG_LEVEL": "WARNING",
    }
    server = None
    try:
        prepare(env)
        server = start_site(env, base, Path(work) / "gunicorn.log")
        for path in READER_PATHS * 3:  # every worker's first renders, before any measuring
            fetch(base + path)
        editors = [Editor(base, name) for name in EDITORS]  # signed in before the load
        load = Load(base)
        load_started = time.monotonic()
        load.start()
        results = [
            phase(load, "none (baseline)", 2, lambda: []),
            phase(
                load,
                "Redis killed, a save, Redis back",
                7,
                lambda: redis_killed(redis, base, editors[0]),
            ),
            phase(load, "PostgreSQL connections terminated", 4, database_blip, in_flight_ok=True),
            phase(load, "two saves of one guide at once", 4, lambda: simultaneous_saves(editors)),
            phase(load, "50 apply clicks at once", 3, lambda: apply_clicks(base)),
        ]
        # No request starts after this, nor after MAX_LOAD_SECONDS.
        seconds = min(time.monotonic() - load_started, MAX_LOAD_SECONDS)
        load.stop()
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
        redis.kill()
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    total = sum(r.requests for r in results)
    print(
        f"Fault suite: {total} requests over {seconds:.0f} s of load, "
        f"{CONNECTIONS} reader connections."
    )
    print(report(results))
    if any(r.problems for r in results):
        print(f"gunicorn's log: {work}/gunicorn.log", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

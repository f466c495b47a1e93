"""Fetching sources from a real HTTP server on loopback, which also plays the faults.

Each fault leaves the source's listings exactly as they were and records the error.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

import jobs.fetching
from jobs.fetching import source_fetch
from jobs.models import JobListing, JobSource
from tests.factories import CareerFactory
from tests.jobs.factories import JobSourceFactory

SAMPLES = Path(__file__).parent / "samples"
GREENHOUSE = (SAMPLES / "greenhouse.json").read_bytes()


class Board(BaseHTTPRequestHandler):
    """Answers each path with the next of its queued responses (the last one repeats)."""

    routes: dict  # path -> list of responses: dict(status, body, headers, delay, chunks)
    seen: list

    def do_GET(self):
        self.seen.append((self.path, dict(self.headers)))
        queue = self.routes.get(self.path) or [{"status": 404, "body": b""}]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        time.sleep(answer.get("delay", 0))
        self.send_response(answer.get("status", 200))
        for name, value in answer.get("headers", {}).items():
            self.send_header(name, value)
        chunks = answer.get("chunks")
        if chunks is None:
            self.send_header("Content-Length", str(len(answer.get("body", b""))))
        self.end_headers()
        try:
            if chunks is None:
                self.wfile.write(answer.get("body", b""))
            else:
                for _ in range(chunks):
                    self.wfile.write(b" " * 2**20)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: that is the point

    def log_message(self, *args):
        pass


@pytest.fixture
def board():
    routes: dict = {}
    seen: list = []
    handler = type("TestBoard", (Board,), {"routes": routes, "seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    server.routes, server.seen = routes, seen
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def waits(monkeypatch):
    """No real waiting between attempts; the waits asked for are kept to check."""
    waits: list = []
    monkeypatch.setattr(jobs.fetching, "_sleep", waits.append)
    monkeypatch.setattr(jobs.fetching, "READ_TIMEOUT", 0.5)
    return waits


def listings_now():
    return list(
        JobListing.objects.order_by("pk").values_list(
            "pk", "title", "status", "description_html", "updated_at", "edit_version"
        )
    )


@pytest.fixture
def source(board, db):
    board.routes["/gh"] = [{"body": GREENHOUSE, "headers": {"ETag": '"v1"'}}]
    return JobSourceFactory(
        name="quillwork",
        kind=JobSource.Kind.GREENHOUSE,
        identifier=f"{board.url}/gh",
        default_career=CareerFactory(slug="data-engineer"),
    )


def fetched(source) -> JobSource:
    source_fetch(source)
    source.refresh_from_db()
    return source


@pytest.mark.django_db
def test_a_fetch_imports_the_board_and_records_it(board, source):
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.OK
    assert source.counts["new"] == 3
    assert source.counts["skipped"] == 1
    assert source.skipped == [{"id": "4010004", "reason": "missing title"}]
    assert source.etag == '"v1"'
    assert source.next_due_at > source.last_fetched_at
    assert JobListing.objects.filter(job_source=source).count() == 3
    _, headers = board.seen[0]
    assert headers["User-Agent"].startswith("Career Compass job fetcher")


FAULTS = {
    "timeout": ([{"delay": 1.0, "body": GREENHOUSE}], "timed out"),
    "truncated JSON": ([{"body": GREENHOUSE[:300]}], "does not parse"),
    "50 MB body": ([{"chunks": 50}], "over 20 MB"),
    "redirect loop": ([{"status": 302, "headers": {"Location": "/gh"}}], "too many redirects"),
    "HTML instead of JSON": ([{"body": b"<!doctype html><p>Down for maintenance"}], "HTML page"),
    "500 every time": ([{"status": 500}], "answered 500"),
    "404": ([{"status": 404}], "answered 404"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_leaves_the_listings_as_they_were_and_records_the_error(board, source, fault):
    fetched(source)
    before = listings_now()
    board.routes["/gh"] = list(FAULTS[fault][0])
    source.etag = ""  # ask in full, so the fault is met
    source.save()
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.FAILED
    assert FAULTS[fault][1] in source.last_error
    assert listings_now() == before
    assert source.counts["new"] == 3  # the last good fetch's record is kept


@pytest.mark.django_db
def test_500_then_success_is_retried_with_back_off(board, source, waits):
    board.routes["/gh"] = [{"status": 500}, {"status": 503}, {"body": GREENHOUSE}]
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.OK
    assert waits == list(jobs.fetching.BACKOFF_SECONDS)
    assert len(board.seen) == 3


@pytest.mark.django_db
def test_429_waits_as_long_as_retry_after_says(board, source, waits):
    board.routes["/gh"] = [{"status": 429, "headers": {"Retry-After": "7"}}, {"body": GREENHOUSE}]
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.OK
    assert waits == [7.0]


@pytest.mark.django_db
def test_a_retry_after_too_long_gives_up_for_now(board, source, waits):
    board.routes["/gh"] = [{"status": 429, "headers": {"Retry-After": "3600"}}]
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.FAILED
    assert "429" in source.last_error
    assert waits == []


@pytest.mark.django_db
def test_an_unchanged_board_costs_one_304(board, source):
    fetched(source)
    before = listings_now()
    board.routes["/gh"] = [{"status": 304}]
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.NOT_MODIFIED
    assert board.seen[-1][1]["If-None-Match"] == '"v1"'
    assert listings_now() == before
    assert source.last_error == ""


@pytest.mark.django_db
def test_gone_from_the_board_expires_and_back_again_reopens(board, source):
    fetched(source)
    data = json.loads(GREENHOUSE)
    first = data["jobs"].pop(0)
    board.routes["/gh"] = [{"body": json.dumps(data).encode()}]
    source.etag = ""
    source.save()
    source = fetched(source)
    assert source.counts["expired"] == 1
    gone = JobListing.objects.get(external_id=str(first["id"]))
    assert gone.status == JobListing.Status.EXPIRED
    data["jobs"].insert(0, first)
    board.routes["/gh"] = [{"body": json.dumps(data).encode()}]
    source = fetched(source)
    assert source.counts["updated"] == 1
    gone.refresh_from_db()
    assert gone.status == JobListing.Status.PUBLISHED


@pytest.mark.django_db
def test_fetch_jobs_command_due_dry_run_and_progress(board, source, capsys):
    JobSourceFactory(name="paused", active=False, identifier=f"{board.url}/paused")
    call_command("fetch_jobs", "--due", "--dry-run", verbosity=2)
    out = capsys.readouterr().out
    assert "quillwork: fetching Greenhouse" in out
    assert "quillwork: would be 3 new" in out
    assert "paused" not in out
    assert not JobListing.objects.exists()
    source.refresh_from_db()
    assert source.outcome == JobSource.Outcome.NEVER
    JobSource.objects.update(next_due_at=None)
    call_command("fetch_jobs", "quillwork")
    assert JobListing.objects.count() == 3
    with pytest.raises(CommandError, match="No such source"):
        call_command("fetch_jobs", "nope")
    with pytest.raises(CommandError, match="--due"):
        call_command("fetch_jobs")


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_fetch_each_due_source_once(board):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections to one database need PostgreSQL")
    career = CareerFactory(slug="data-engineer")
    for n in range(4):
        body = GREENHOUSE.replace(b"/quillwork/", f"/board{n}/".encode())  # four jobs
        board.routes[f"/gh{n}"] = [{"body": body, "delay": 0.2}]
        JobSourceFactory(name=f"board-{n}", identifier=f"{board.url}/gh{n}", default_career=career)
    start = threading.Barrier(2, timeout=10)

    def run():
        try:
            start.wait()
            call_command("fetch_jobs", "--due", verbosity=0)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    paths = sorted(path for path, _ in board.seen)
    assert paths == [f"/gh{n}" for n in range(4)]
    assert set(JobSource.objects.values_list("outcome", "last_error")) == {("ok", "")}
    assert JobListing.objects.count() == 12


@pytest.mark.django_db
def test_fetch_now_is_a_publishers_action(board, source, editorial_groups):
    from django.urls import reverse

    from careers.core.roles import EDITORS, PUBLISHERS
    from tests.staff import staff_client

    url = reverse("admin:jobs_jobsource_changelist")
    form = {"action": "fetch_now", "_selected_action": [source.pk]}
    editor = staff_client("ed", EDITORS)
    assert b"fetch_now" not in editor.get(url).content
    editor.post(url, form)
    assert board.seen == []
    assert not JobListing.objects.exists()
    publisher = staff_client("pub", PUBLISHERS)
    assert b"fetch_now" in publisher.get(url).content
    response = publisher.post(url, form, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert shown[0].startswith("quillwork: 3 new"), shown
    assert JobListing.objects.count() == 3


@pytest.mark.django_db
def test_jobposting_pages_are_read_from_a_sitemap(board):
    page = (SAMPLES / "jobposting.html").read_bytes()
    sitemap = (SAMPLES / "sitemap.xml").read_bytes()
    board.routes["/sitemap.xml"] = [
        {"body": sitemap.replace(b"https://harbourline.example", board.url.encode())}
    ]
    board.routes["/careers/cloud-architect"] = [{"body": page}]
    source = JobSourceFactory(
        name="harbourline",
        kind=JobSource.Kind.JOBPOSTING,
        identifier=f"{board.url}/sitemap.xml",
        default_career=CareerFactory(slug="cloud-architect"),
    )
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.OK, source.last_error
    listing = JobListing.objects.get(job_source=source)
    assert (listing.external_id, listing.title, listing.country) == (
        "HL-2231",
        "Cloud Architect",
        "NL",
    )


@pytest.mark.django_db
def test_our_own_json_feed_by_url_is_all_or_nothing(board):
    career = CareerFactory(slug="data-engineer")
    row = {
        "external_id": "N-1",
        "title": "Data Engineer",
        "company": "Northwind",
        "company_website": "https://northwind.example/",
        "career": career.slug,
        "description": "Pipelines.",
        "apply_url": "https://northwind.example/1",
        "valid_through": "2099-12-31",
        "city": "Chicago",
        "country": "US",
    }
    board.routes["/feed.json"] = [{"body": json.dumps([row]).encode()}]
    source = JobSourceFactory(
        name="northwind", kind=JobSource.Kind.JSON, identifier=f"{board.url}/feed.json"
    )
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.OK, source.last_error
    assert JobListing.objects.get().job_source == source
    board.routes["/feed.json"] = [
        {"body": json.dumps([row, {**row, "external_id": "N-2", "career": "nope"}]).encode()}
    ]
    source.etag = ""
    source = fetched(source)
    assert source.outcome == JobSource.Outcome.FAILED
    assert "Line 1: no career with the slug 'nope'" in source.last_error
    assert JobListing.objects.count() == 1


@pytest.mark.django_db
def test_a_deadline_bounds_every_attempt_of_a_hanging_board(board, source, waits, monkeypatch):
    """Without one a hanging board holds a fetch for three 20 s reads and the waits
    between them; with one, the fetch gives up when it runs out and says so."""
    monkeypatch.setattr(jobs.fetching, "READ_TIMEOUT", 20.0)
    board.routes["/gh"] = [{"delay": 4.0, "body": GREENHOUSE}]
    before = listings_now()
    started = time.monotonic()
    outcome, _, error = source_fetch(source, deadline=jobs.fetching.Deadline(1.0))
    assert time.monotonic() - started < 2.5
    assert outcome == JobSource.Outcome.FAILED
    assert "timed out; gave up when the 1 s allowed ran out" in error
    assert len(board.seen) == 1  # no second attempt, no wait for one
    assert waits == []
    assert listings_now() == before
    source.refresh_from_db()
    assert source.last_error == error


@pytest.mark.django_db
def test_a_deadline_leaves_no_room_for_a_back_off_longer_than_itself(board, source, waits):
    board.routes["/gh"] = [{"status": 500}, {"body": GREENHOUSE}]
    _, _, error = source_fetch(source, deadline=jobs.fetching.Deadline(1.0))
    assert "answered 500; gave up when the 1 s allowed ran out" in error
    assert waits == []  # the 2 s back-off does not fit
    assert not JobListing.objects.exists()


@pytest.mark.django_db
def test_fetch_now_in_the_admin_stops_at_its_time_budget(
    board, source, editorial_groups, monkeypatch
):
    from django.urls import reverse

    import jobs.admin
    from careers.core.roles import PUBLISHERS
    from tests.staff import staff_client

    monkeypatch.setattr(jobs.fetching, "READ_TIMEOUT", 20.0)
    monkeypatch.setattr(jobs.admin, "FETCH_NOW_SECONDS", 2.0)
    board.routes["/gh"] = [{"delay": 5.0, "body": GREENHOUSE}]  # hangs
    board.routes["/fine"] = [{"body": GREENHOUSE}]
    other = JobSourceFactory(name="waiting", identifier=f"{board.url}/fine")
    publisher = staff_client("pub", PUBLISHERS)
    started = time.monotonic()
    response = publisher.post(
        reverse("admin:jobs_jobsource_changelist"),
        {"action": "fetch_now", "_selected_action": [source.pk, other.pk]},
        follow=True,
    )
    assert time.monotonic() - started < 4.5
    shown = [str(message) for message in response.context["messages"]]
    assert shown[0].startswith("quillwork: failed, nothing changed: ")
    assert shown[0].endswith("timed out; gave up when the 2 s allowed ran out")
    assert shown[1] == (
        "waiting: not fetched: the 2 s a fetch from here may take ran out; it is fetched on "
        "its schedule, or fetch it alone."
    )
    assert [path for path, _ in board.seen] == ["/gh"]
    source.refresh_from_db()
    other.refresh_from_db()
    assert source.outcome == JobSource.Outcome.FAILED
    assert other.outcome == JobSource.Outcome.NEVER
    assert not JobListing.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("named", [False, True], ids=["--due", "named sources"])
def test_fetch_jobs_fetches_the_rest_then_exits_non_zero_naming_what_failed(
    board, source, capsys, named
):
    """cron, systemd and Kubernetes alert on the exit status: any failed source sets it,
    once every other source was fetched."""
    board.routes["/down"] = [{"status": 503}]
    board.routes["/fine"] = [{"body": GREENHOUSE.replace(b"/quillwork/", b"/fine/")}]
    JobSourceFactory(name="alpha-down", identifier=f"{board.url}/down")
    JobSourceFactory(name="zulu-fine", identifier=f"{board.url}/fine")
    args = ["alpha-down", "quillwork", "zulu-fine"] if named else ["--due"]
    with pytest.raises(CommandError) as failure:
        call_command("fetch_jobs", *args)
    assert failure.value.returncode == 1  # manage.py exits with it
    assert str(failure.value) == "1 of 3 source(s) failed: alpha-down."
    captured = capsys.readouterr()
    assert "alpha-down: failed, nothing changed: " in captured.err
    assert "/down answered 503 (3 attempts)" in captured.err
    assert "quillwork: 3 new" in captured.out
    assert "zulu-fine: 3 new" in captured.out
    assert JobListing.objects.count() == 6
    outcomes = dict(JobSource.objects.values_list("name", "outcome"))
    assert outcomes == {"alpha-down": "failed", "quillwork": "ok", "zulu-fine": "ok"}


@pytest.mark.django_db
def test_fetch_jobs_exits_zero_when_every_source_was_read(board, source, capsys):
    call_command("fetch_jobs", "--due")
    assert "quillwork: 3 new" in capsys.readouterr().out

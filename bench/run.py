"""`make bench`: the site under load, measured against its own ceilings in one run.

Starts the site as `make serve` does (gunicorn, DEBUG off, hashed static files)
on PostgreSQL with the demo content and Redis as the shared cache, then drives
it with wrk over loopback. Scenarios run interleaved, several rounds, and the
median of each figure is reported, also as a ratio to one of two baselines
measured in the same run:

  A  a Django view returning constant bytes through the same middleware
  B  the guide page's HTML served as a static file by WhiteNoise

The "uncached" pages come from a second copy of the site with the readers'
page cache off (PAGE_CACHE_SECONDS=0), so each is rendered from the database.
Then a 30-second mixed load over every page type with 50 connections, and the
job import of a 5,000-posting feed against bulk_create (bench/import_bench.py).
Writes the table to bench/results/latest.md and prints it.
"""

import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.script_budget import byte_report, script_sources, unhashed  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PORT = int(os.environ.get("BENCH_PORT", "8199"))
BASE = f"http://127.0.0.1:{PORT}"
# The same site with the readers' page cache off (PAGE_CACHE_SECONDS=0): every
# request renders from the database, as a reader's first visit after a change does.
UNCACHED_BASE = f"http://127.0.0.1:{PORT + 1}"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
DATABASE = os.environ.get("BENCH_DATABASE", "careers_bench")
GUIDE = "/guides/machine-learning-engineer/"
SCENARIOS = [
    # name, server, path, baseline
    ("A: constant bytes through Django", BASE, "/_bench/constant", None),
    ("B: guide HTML as a static file", BASE, "/static/bench/guide.html", None),
    ("guide, cache hit", BASE, GUIDE, "B"),
    ("guide, uncached", UNCACHED_BASE, GUIDE, "A"),
    ("50-step guide, uncached", UNCACHED_BASE, "/guides/bench-fifty-steps/", "A"),
    ("jobs list, uncached", UNCACHED_BASE, "/jobs/", "A"),
    ("search, uncached", UNCACHED_BASE, "/search/?q=python", "A"),
]
MIXED_PATHS = [
    "/",
    "/guides/",
    GUIDE,
    "/guides/data-scientist/",
    "/careers/machine-learning-engineer/salary/",
    "/flashcards/",
    "/flashcards/machine-learning-interview-questions/",
    "/jobs/",
    "/jobs/?workplace=remote",
    "/search/?q=kubernetes",
    "/compare/data-scientist-vs-machine-learning-engineer/",
    "/sitemap.xml",
    "/robots.txt",
]


def run(*args, env=None, **kwargs):
    return subprocess.run(args, check=True, cwd=ROOT, env=env, **kwargs)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the site did not answer at {url}")


def redis_url() -> str:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        print("No Redis on 127.0.0.1:6379: each worker gets its own memory cache.")
        return "locmemcache://"
    return "redis://127.0.0.1:6379/3"


def prepare(env: dict) -> None:
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q"]
    run(*psql, "-c", f"DROP DATABASE IF EXISTS {DATABASE}", "-c", f"CREATE DATABASE {DATABASE}")
    run(str(PYTHON), "manage.py", "migrate", "--noinput", "-v0", env=env)
    run(str(PYTHON), "manage.py", "load_demo", env=env, stdout=subprocess.DEVNULL)
    run(str(PYTHON), "manage.py", "shell", "-c", FIFTY_STEP_GUIDE, env=env)
    run(str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0", env=env)


FIFTY_STEP_GUIDE = textwrap.dedent(
    """
    from careers.core.cache import content_changed
    from guides.models import Guide, RoadmapStep
    from guides.services import guide_search_index

    # The ML guide with every part copied, and 50 roadmap steps instead of its own,
    # so the two pages differ only in their number of steps.
    original = Guide.objects.get(slug="machine-learning-engineer")
    steps = list(original.steps.all())
    parts = [
        *original.skills.all(), *original.paths.all(), *original.certifications.all(),
        *original.faqs.all(), *original.related_links.all(),
    ]
    guide = Guide.objects.get(pk=original.pk)
    guide.pk, guide.id, guide.slug = None, None, "bench-fifty-steps"
    guide.edition_year = 1999
    guide.save()
    for part in parts:
        part.pk, part.id, part.guide = None, None, guide
        part.save()
    for position in range(1, 51):
        step = steps[position % len(steps)]
        RoadmapStep.objects.create(
            guide=guide, position=position, title=f"{step.title} ({position})",
            duration_min=step.duration_min, duration_max=step.duration_max,
            duration_unit=step.duration_unit, duration_label=step.duration_label,
            description=step.description,
        )
    guide_search_index(guide=guide)
    content_changed()
    """
)


def start_site(env: dict, base: str = BASE) -> subprocess.Popen:
    name = "gunicorn.log" if base == BASE else "gunicorn-uncached.log"
    log = open(ROOT / "bench" / "results" / name, "w")  # noqa: SIM115 - lives with the server
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
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_for(base + "/healthz")
    return server


def wrk(base: str, path: str, *, seconds: int, connections: int, script: str | None = None):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        args += ["-s", script]
    out = subprocess.run([*args, base + path], check=True, capture_output=True, text=True).stdout
    return parse_wrk(out)


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(out: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\n\s+50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\n\s+99%\s+(\S+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups())
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    return {"rps": rps, "p50": p50, "p99": p99, "errors": errors, "requests": requests}


MIXED_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else cpu
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({cpu}), {system}, Python {platform.python_version()}"


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-" + os.urandom(16).hex(),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "CACHE_URL": redis_url(),
        "BENCHMARK_VIEWS": "true",
        "LOG_LEVEL": "INFO",  # as in production: one log line per request
    }
    if env["CACHE_URL"].startswith("redis"):
        subprocess.run(["redis-cli", "-n", "3", "FLUSHDB"], check=False, capture_output=True)
    prepare(env)
    # B: the guide page exactly as a reader gets it, as a file WhiteNoise serves.
    static_copy = ROOT / "staticfiles" / "bench" / "guide.html"
    static_copy.parent.mkdir(parents=True, exist_ok=True)
    server = start_site(env)
    try:
        with urllib.request.urlopen(BASE + GUIDE) as response:
            static_copy.write_bytes(response.read())
        script_rows = script_bytes(static_copy.read_text())
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    server = start_site(env)  # restarted so WhiteNoise sees the new file
    uncached_server = start_site({**env, "PAGE_CACHE_SECONDS": "0"}, UNCACHED_BASE)
    try:
        for _name, base, path, _ in SCENARIOS:  # warm up every worker
            wrk(base, path, seconds=1, connections=CONNECTIONS)
        samples = {name: [] for name, *_ in SCENARIOS}
        for round_number in range(1, ROUNDS + 1):
            for name, base, path, _ in SCENARIOS:
                samples[name].append(wrk(base, path, seconds=SECONDS, connections=CONNECTIONS))
            print(f"round {round_number}/{ROUNDS} done", file=sys.stderr)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(MIXED_SCRIPT % ", ".join(f'"{p}"' for p in MIXED_PATHS))
        mixed = wrk(BASE, "/", seconds=30, connections=50, script=script.name)
        mixed_status = status_counts(MIXED_PATHS)
    finally:
        for running in (server, uncached_server):
            os.killpg(running.pid, signal.SIGTERM)
            running.wait()
        static_copy.unlink(missing_ok=True)

    # The job import (bench/import_bench.py), on the same database once the load is over.
    imports = subprocess.run(
        [str(PYTHON), str(ROOT / "bench" / "import_bench.py")],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    report = render(samples, mixed, mixed_status, cache=env["CACHE_URL"].split(":")[0])
    report += "\nReader JavaScript on the guide page, as served (budget: 10 KB brotli):\n\n"
    report += "\n".join(byte_report(script_rows)) + "\n"
    report += "\n" + imports
    (ROOT / "bench" / "results" / "latest.md").write_text(report)
    print(report)


def status_counts(paths: list[str]) -> dict:
    counts = {}
    for path in paths:
        try:
            with urllib.request.urlopen(BASE + path) as response:
                counts[path] = response.status
        except urllib.error.HTTPError as error:
            counts[path] = error.code
    return counts


def script_bytes(html: str) -> list[tuple[str, int, int]]:
    """Each script of the page: (name, bytes, bytes as WhiteNoise sends it with brotli)."""
    rows = []
    for source in script_sources(html):
        with urllib.request.urlopen(BASE + source) as plain:
            raw = len(plain.read())
        request = urllib.request.Request(BASE + source, headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(request) as compressed:
            encoded = compressed.headers.get("Content-Encoding") == "br"
            size = len(compressed.read())
        name = unhashed(source.rsplit("/static/", 1)[-1])
        rows.append((name if encoded else f"{name} (not compressed!)", raw, size))
    return rows


def render(samples: dict, mixed: dict, mixed_status: dict, *, cache: str) -> str:
    medians = {
        name: {key: statistics.median(s[key] for s in runs) for key in ("rps", "p50", "p99")}
        | {"errors": sum(s["errors"] for s in runs)}
        for name, runs in samples.items()
    }
    baselines = {"A": medians[SCENARIOS[0][0]]["rps"], "B": medians[SCENARIOS[1][0]]["rps"]}
    lines = [
        f"Benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, on {machine()}.",
        f"wrk, {CONNECTIONS} connections, {SECONDS} s per run, {ROUNDS} interleaved rounds, "
        f"medians; gunicorn as `make serve` runs it, PostgreSQL, {cache} cache.",
        "",
        "| scenario | req/s | ratio | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _base, _path, baseline in SCENARIOS:
        m = medians[name]
        ratio = f"{m['rps'] / baselines[baseline]:.0%} of {baseline}" if baseline else "baseline"
        figures = f"{m['rps']:.0f} | {ratio} | {m['p50']:.1f} | {m['p99']:.1f} | {m['errors']}"
        lines.append(f"| {name} | {figures} |")
    normal = medians["guide, uncached"]["rps"]
    fifty = medians["50-step guide, uncached"]["rps"]
    lines += [
        "",
        f"50-step guide vs the normal guide, both uncached: {fifty / normal:.0%}.",
        "",
        f"Mixed load, 30 s, 50 connections, {len(MIXED_PATHS)} page types in turn: "
        f"{mixed['rps']:.0f} req/s, p50 {mixed['p50']:.1f} ms, p99 {mixed['p99']:.1f} ms, "
        f"{mixed['requests']} requests, {mixed['errors']} errors (non-2xx/3xx or socket).",
        "Status of each page type afterwards: "
        + ", ".join(f"{path} {status}" for path, status in mixed_status.items())
        + ".",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

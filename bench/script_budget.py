"""What the reader's browser downloads as JavaScript on a page, against the budget.

Issue 16: all reader JavaScript on a guide page is at most 10 KB once brotli-compressed,
as WhiteNoise serves it. `make bench` reports the bytes each script takes over the wire
(bench/run.py); tests/test_script_budget.py holds the guide page to the budget in `make test`.
"""

import re
from html.parser import HTMLParser

import brotli

SCRIPT_BUDGET_BYTES = 10 * 1024


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src")
        if tag == "script" and src:
            self.sources.append(src)


def script_sources(html: str) -> list[str]:
    """The address of every external script a page loads, in order."""
    parser = _Scripts()
    parser.feed(html)
    return parser.sources


def brotli_size(data: bytes) -> int:
    """Bytes after brotli at its highest quality, as WhiteNoise compresses static files."""
    return len(brotli.compress(data, quality=11))


def unhashed(path: str) -> str:
    """'js/plan_store.0123456789ab.js' -> 'js/plan_store.js' (ManifestStaticFilesStorage)."""
    return re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", path)


def byte_report(rows: list[tuple[str, int, int]]) -> list[str]:
    """Markdown lines: each script's raw and brotli bytes, the total and the budget."""
    total = sum(compressed for _, _, compressed in rows)
    lines = ["| script | bytes | brotli bytes |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {raw} | {compressed} |" for name, raw, compressed in rows]
    verdict = "within" if total <= SCRIPT_BUDGET_BYTES else "OVER"
    lines.append(f"| total | {sum(raw for _, raw, _ in rows)} | {total} |")
    lines += ["", f"{total} of {SCRIPT_BUDGET_BYTES} brotli bytes: {verdict} the budget."]
    return lines

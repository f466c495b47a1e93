"""The checks the browser suite runs on every page, as plain functions.

Each returns a list of problems (empty when the page passes), so a test can
assert `== []` and show every problem at once, and `test_checker.py` can show
that each check catches the breakage it is there for.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots and other browser-test output (BROWSER_ARTIFACTS moves it).
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", REPO_ROOT / "artifacts" / "browser"))
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE = {"width": 375, "height": 812}
NARROWEST = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


# --- Tools -------------------------------------------------------------------


def missing_tools() -> list[str]:
    """What the browser suite needs and this machine lacks, each with how to get it."""
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if shutil.which("java") is None:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR.relative_to(REPO_ROOT)} (npm ci --ignore-scripts)")
    return missing


def require_tools(missing: list[str], *, ci: bool) -> None:
    """Skip when a tool is absent on a developer's machine; fail in CI, where all must run."""
    if not missing:
        return
    reason = "browser tests need " + "; ".join(missing)
    if ci:
        pytest.fail(f"{reason}. CI must run them: .ci/run installs these.", pytrace=False)
    pytest.skip(reason)


def running_in_ci(environ=os.environ) -> bool:
    return environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


_shared: dict = {"users": 0}


@contextlib.contextmanager
def chromium_browser():
    """Debian's Chromium, headless, shared by everyone inside this block at once.

    Only one sync_playwright() can run in a thread: a second one fails with "Sync
    API inside the asyncio loop". So nested users share one browser, and it stops
    when the last one leaves.

    While it runs, this thread has an asyncio loop running: Django refuses ORM
    calls here (unless DJANGO_ALLOW_ASYNC_UNSAFE is set) and hands out other
    connection objects, which nothing would close once the loop is gone; so any
    connection opened meanwhile is closed before Playwright stops (an open one
    keeps PostgreSQL from dropping the test database).
    """
    require_tools(missing_tools(), ci=running_in_ci())
    if _shared["users"] == 0:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        try:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception:
            playwright.stop()
            raise
        _shared.update(playwright=playwright, browser=browser)
    _shared["users"] += 1
    try:
        yield _shared["browser"]
    finally:
        _shared["users"] -= 1
        if _shared["users"] == 0:
            _close_django_connections()
            _shared.pop("browser").close()
            _shared.pop("playwright").stop()


def _close_django_connections() -> None:
    from django.db import connections

    with orm_beside_playwright():
        connections.close_all()


@contextlib.contextmanager
def orm_beside_playwright():
    """Allow ORM calls in the thread where Playwright may run, for this block alone.

    Playwright's sync API keeps an asyncio loop running in this thread, so Django
    refuses ORM calls here as "async unsafe". The calls made in such a block are
    plain synchronous ones made while no page is loading.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# --- Loading a page and what happened on the way -------------------------------


@dataclass
class Visit:
    """A page loaded in the browser, with everything it logged and fetched."""

    page: object
    url: str
    status: int | None = None
    served_html: str = ""
    dom_html: str = ""
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_foreign(url: str, site_origin: str) -> bool:
    """True for a request that leaves the site (data: and blob: URLs never do)."""
    if url.split(":", 1)[0] in {"data", "blob", "about"}:
        return False
    return origin(url) != site_origin


def block_other_hosts(context, site_origin: str) -> None:
    """Abort every request to another host, so a page that makes one fails fast, offline."""
    context.route(lambda url: is_foreign(url, site_origin), lambda route: route.abort())


def visit(context, url: str, *, wait_until: str = "load") -> Visit:
    """Open `url` in a new page of `context`, recording console errors and requests."""
    page = context.new_page()
    record = Visit(page=page, url=url)
    site_origin = origin(url)

    def on_console(message) -> None:
        if message.type != "error":
            return
        location = message.location.get("url", "")
        # Chromium logs the document's own error status; the status test covers that.
        if location == url and message.text.startswith("Failed to load resource"):
            return
        record.console_errors.append(f"{message.text} ({location or 'inline'})")

    def on_request(request) -> None:
        if is_foreign(request.url, site_origin):
            record.foreign_requests.append(request.url)

    def on_response(response) -> None:
        if response.url != url and response.status >= 400:
            record.failed_responses.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))
    page.on("request", on_request)
    page.on("response", on_response)
    response = page.goto(url, wait_until=wait_until)
    if response is not None:
        record.status = response.status
        record.served_html = response.text()
    record.dom_html = page.content()
    return record


def stylesheet_problems(page) -> list[str]:
    """The page must have its own stylesheet applied (axe's contrast check needs it)."""
    sheets = page.evaluate(
        """() => [...document.styleSheets].map(s => {
            let rules = -1;
            try { rules = s.cssRules.length; } catch (e) {}
            return {href: s.href, rules};
        })"""
    )
    linked = [s for s in sheets if s["href"]]
    if not linked:
        return ["no linked stylesheet"]
    return [f"stylesheet {s['href']} has no rules" for s in linked if s["rules"] <= 0]


# --- Accessibility: axe-core -----------------------------------------------------

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules for what PRODUCT.md promises on every page: one <h1>, landmarks.
STRUCTURE_RULES = {
    "page-has-heading-one",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-unique",
    "region",
}


def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(page, *, rules: list[str] | None = None) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations (plus the structure rules), one line per node.

    With `rules`, only those rules run (e.g. ["color-contrast"] for print).
    """
    if rules:
        options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
    else:
        options = {
            "runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]},
            "resultTypes": ["violations"],
        }
    results = _axe().run(page, options=options).response
    problems = []
    for violation in results["violations"]:
        wcag = set(violation["tags"]) & set(WCAG_TAGS)
        if not rules and not wcag and violation["id"] not in STRUCTURE_RULES:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            detail = node.get("failureSummary", "").replace("\n", " ")
            problems.append(f"{violation['id']} at {target}: {violation['help']}. {detail}")
    return problems


# --- Valid HTML: the Nu HTML Checker ---------------------------------------------


def validate_html(documents: dict[str, str]) -> dict[str, list[str]]:
    """Check many documents in one run of vnu.jar; {name: [error, ...]} for each.

    Starting Java is most of vnu's cost, so the suite batches every page into one call.
    """
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java is not installed")
    names = {}
    with tempfile.TemporaryDirectory(prefix="vnu-") as tmp:
        for index, (name, text) in enumerate(documents.items()):
            path = Path(tmp, f"{index}.html").resolve()
            path.write_text(text, encoding="utf-8")
            names[str(path)] = name
        result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
            [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *names],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in report["messages"]:
        if message["type"] not in {"error", "non-document-error"}:
            continue
        # vnu names a file "file:/tmp/...": any document it cannot place is a failure.
        name = names.get(message.get("url", "").removeprefix("file:"))
        if name is None:
            raise RuntimeError(f"vnu reported on a document it was not given: {message}")
        text = f"line {message.get('lastLine', '?')}: {message['message']}"
        if message.get("extract"):
            text += f" [{message['extract'].strip()}]"
        errors[name].append(text)
    return errors


def html_errors(html: str) -> list[str]:
    return validate_html({"document": html})["document"]


# --- Layout -----------------------------------------------------------------------


def horizontal_overflow(page) -> list[str]:
    """Elements that stick out past the right edge, making the page scroll sideways."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            const describe = el => el.tagName.toLowerCase()
                + (el.id ? '#' + el.id : '')
                + (el.classList.length ? '.' + [...el.classList].join('.') : '');
            const wide = [...document.body.querySelectorAll('*')].filter(el => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.right > width + 1;
            });
            // Report the outermost offenders only.
            const outer = wide.filter(el => !wide.includes(el.parentElement));
            const found = outer.slice(0, 10).map(el =>
                `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`);
            return [`page is ${document.documentElement.scrollWidth}px wide in a ${width}px `
                + 'viewport', ...found];
        }"""
    )


_TEXT_ELEMENTS_JS = """([selector, omit]) => {
    const root = document.querySelector(selector);
    if (!root) return null;
    const all = [...document.querySelectorAll('*')];
    return [...root.querySelectorAll('*')]
        .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
        .filter(el => !el.closest('script, style, template, noscript'))
        .filter(el => !(omit && el.closest(omit)))
        .map(el => {
            const r = el.getBoundingClientRect();
            return {
                index: all.indexOf(el),
                text: el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60),
                tag: el.tagName.toLowerCase(),
                visible: el.checkVisibility({visibilityProperty: true, opacityProperty: true})
                    && r.width > 1 && r.height > 1,
            };
        });
}"""


def text_elements(page, selector: str = "body", *, omit: str = "") -> list[dict]:
    """Every element under `selector` (outside `omit`) that holds text, and if it shows."""
    elements = page.evaluate(_TEXT_ELEMENTS_JS, [selector, omit])
    if elements is None:
        raise AssertionError(f"the page has no {selector}")
    return elements


def newly_hidden(before: list[dict], after: list[dict]) -> list[str]:
    """Text that was visible in `before` and is not in `after` (same page, other media)."""
    visible_after = {e["index"] for e in after if e["visible"]}
    return [
        f"<{e['tag']}> “{e['text']}”"
        for e in before
        if e["visible"] and e["index"] not in visible_after
    ]


def hidden_in_dark_mode(page) -> list[str]:
    """Text shown in light mode that dark mode hides (it leaves the page in light mode)."""
    page.emulate_media(color_scheme="light")
    light = text_elements(page)
    page.emulate_media(color_scheme="dark")
    try:
        return newly_hidden(light, text_elements(page))
    finally:
        page.emulate_media(color_scheme="light")


# Navigation and controls, which paper cannot use: print may leave them out.
# Controls, and interactive parts a template marks `data-screen-only` (practice mode).
PRINT_MAY_OMIT = "nav, [role=navigation], form, button, [role=button], a.button, [data-screen-only]"


def hidden_in_print(page, selector: str = "main", omit: str = PRINT_MAY_OMIT) -> list[str]:
    """Text of the main content that is not printed, including closed <details>.

    The browser fires `beforeprint` before printing; emulating print media does
    not, so this fires it, as a page may open its <details> then.
    """
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    try:
        return [
            f"<{e['tag']}> “{e['text']}”"
            for e in text_elements(page, selector, omit=omit)
            if not e["visible"]
        ]
    finally:
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        page.emulate_media(media="screen")


# --- Keyboard ---------------------------------------------------------------------

_ACTIVE_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim()
            .replace(/\\s+/g, ' ').slice(0, 50),
        href: el.getAttribute('href'),
    };
}"""

_FOCUS_PROPS = [
    "outlineStyle",
    "outlineWidth",
    "outlineColor",
    "boxShadow",
    "backgroundColor",
    "color",
    "borderTopColor",
    "borderBottomColor",
    "borderTopWidth",
    "borderBottomWidth",
    "textDecorationLine",
    "textDecorationThickness",
]

# A focus indicator may be drawn on the element or, through :focus-within, on a
# container (a card whose whole area is the link): both count.
_FOCUS_BASELINE_JS = """(props) => {
    if (document.activeElement) document.activeElement.blur();
    const levels = el => [el, el.parentElement, el.parentElement?.parentElement,
        el.parentElement?.parentElement?.parentElement].filter(Boolean);
    const look = el => levels(el).map(e => {
        const s = getComputedStyle(e);
        return Object.fromEntries(props.map(p => [p, s[p]]));
    });
    window.__focus = {props, look, seen: new Set(), unfocused: new Map()};
    for (const el of document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]'
    )) window.__focus.unfocused.set(el, look(el));
}"""

_FOCUS_STEP_JS = """async () => {
    const el = document.activeElement;
    const {props, look, seen, unfocused} = window.__focus;
    if (!el || el === document.body || seen.has(el)) return null;
    seen.add(el);
    // Let focus transitions finish before reading the styles.
    await Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => null)));
    // Let a smooth scroll that brings the element into view come to rest.
    const inView = () => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    };
    let last = `${scrollX},${scrollY}`;
    for (let frame = 0, still = 0; frame < 120 && still < 3 && !inView(); frame++) {
        await new Promise(requestAnimationFrame);
        const position = `${scrollX},${scrollY}`;
        still = position === last ? still + 1 : 0;
        last = position;
    }
    const now = look(el);
    const before = unfocused.get(el) || [];
    const transparent = c => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
    const outlined = st => st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0
        && !transparent(st.outlineColor);
    const indicator = now.some((style, level) => {
        const old = before[level] || {};
        const outlineAppears = outlined(style) && (!outlined(old)
            || old.outlineColor !== style.outlineColor || old.outlineWidth !== style.outlineWidth);
        const otherChange = props.filter(p => !p.startsWith('outline'))
            .some(p => old[p] !== style[p]);
        return outlineAppears || otherChange;
    });
    const r = el.getBoundingClientRect();
    const shown = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].some(([x, y]) => {
        const hit = document.elementFromPoint(r.left + r.width * x, r.top + r.height * y);
        return hit && (hit === el || el.contains(hit) || hit.contains(el));
    });
    const label = (el.innerText || el.getAttribute('aria-label') || el.value || '')
        .trim().replace(/\\s+/g, ' ').slice(0, 40);
    return {
        name: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${label}”`,
        indicator,
        shown,
    };
}"""


def focus_problems(page, *, limit: int = 400) -> list[str]:
    """Tab through the page: every stop must show a focus indicator and not be hidden."""
    page.evaluate(_FOCUS_BASELINE_JS, _FOCUS_PROPS)
    problems = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(_FOCUS_STEP_JS)
        if stop is None:
            return problems
        if not stop["indicator"]:
            problems.append(f"{stop['name']}: no visible focus indicator")
        if not stop["shown"]:
            problems.append(f"{stop['name']}: hidden behind other content when focused")
    problems.append(f"focus did not leave the page after {limit} Tab presses (a trap?)")
    return problems


def skip_link_problems(page) -> list[str]:
    """The first Tab lands on a visible "skip" link that moves focus to the main content."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.keyboard.press("Tab")
    first = page.evaluate(_ACTIVE_JS)
    if first is None or first["tag"] != "a" or not re.search(r"skip", first["text"], re.I):
        return [f"the first Tab stop is not a skip link: {first}"]
    href = first["href"] or ""
    if not href.startswith("#") or len(href) < 2:
        return [f"the skip link's href is not an in-page fragment: {href!r}"]
    problems = []
    box = page.evaluate(
        """() => {
            const r = document.activeElement.getBoundingClientRect();
            return {w: r.width, h: r.height, top: r.top, left: r.left, right: r.right,
                    viewport: document.documentElement.clientWidth,
                    visible: document.activeElement.checkVisibility(
                        {visibilityProperty: true, opacityProperty: true})};
        }"""
    )
    on_screen = box["top"] >= 0 and box["left"] >= 0 and box["right"] <= box["viewport"]
    if not (box["visible"] and box["w"] > 4 and box["h"] > 4 and on_screen):
        problems.append(f"the focused skip link is not visible on screen: {box}")
    target = page.evaluate(
        """(id) => {
            const t = document.getElementById(id);
            if (!t) return null;
            const main = document.querySelector('main');
            return {inMain: !!main && (main === t || main.contains(t) || t.contains(main))};
        }""",
        href[1:],
    )
    if target is None:
        return [*problems, f"the skip link's target {href} does not exist"]
    if not target["inMain"]:
        problems.append(f"the skip link's target {href} is not the main content")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate(
        """(id) => {
            const t = document.getElementById(id), a = document.activeElement;
            if (!a || a === document.body) return false;
            return t === a || t.contains(a)
                || !!(t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        href[1:],
    )
    if not after:
        problems.append("after following the skip link, Tab does not continue from the content")
    return problems


def details_keyboard_problems(page, selector: str = "details") -> list[str]:
    """Reach the first <details> by Tab, open it with Enter, close it with Space."""
    count = page.locator(selector).count()
    if count == 0:
        return [f"no {selector} on the page"]
    details = page.locator(selector).first
    if details.evaluate("d => d.open"):
        return [f"{selector} is open before anyone opened it"]
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    for _ in range(400):
        page.keyboard.press("Tab")
        on_summary = details.evaluate(
            "d => document.activeElement === d.querySelector(':scope > summary')"
        )
        if on_summary or page.evaluate("() => document.activeElement === document.body"):
            break
    if not on_summary:
        return [f"the first {selector}'s <summary> cannot be reached with Tab"]
    problems = []
    page.keyboard.press("Enter")
    opened = details.evaluate(
        """d => d.open && [...d.children].filter(c => c.tagName !== 'SUMMARY')
            .some(c => c.checkVisibility() && c.getBoundingClientRect().height > 0)"""
    )
    if not opened:
        problems.append(f"Enter on the {selector}'s summary does not show its content")
    page.keyboard.press("Space")
    if details.evaluate("d => d.open"):
        problems.append(f"Space on the {selector}'s summary does not close it")
    return problems


# --- Structured data (JSON-LD) -------------------------------------------------------

# schema.org types this site uses, with the properties each may carry (schema.org's own
# lists, inherited ones included, trimmed to what a page of ours could use). A type or
# property outside these is a typo or a new need: add it here after checking schema.org.
_THING = {"name", "description", "url", "image", "sameAs", "identifier", "alternateName"}
_THING |= {"mainEntityOfPage", "potentialAction", "subjectOf"}
_CREATIVE_WORK = _THING | {
    "about",
    "author",
    "creator",
    "dateCreated",
    "dateModified",
    "datePublished",
    "editor",
    "hasPart",
    "headline",
    "inLanguage",
    "isAccessibleForFree",
    "isPartOf",
    "keywords",
    "license",
    "mainEntity",
    "publisher",
    "text",
    "thumbnailUrl",
    "timeRequired",
    "educationalLevel",
    "copyrightHolder",
    "copyrightYear",
}
_WEB_PAGE = _CREATIVE_WORK | {"breadcrumb", "lastReviewed", "primaryImageOfPage", "relatedLink"}
SCHEMA_TYPES: dict[str, set[str]] = {
    "Article": _CREATIVE_WORK | {"articleBody", "articleSection", "wordCount", "speakable"},
    "WebPage": _WEB_PAGE,
    "FAQPage": _WEB_PAGE,
    "BreadcrumbList": _THING | {"itemListElement", "itemListOrder", "numberOfItems"},
    "ItemList": _THING | {"itemListElement", "itemListOrder", "numberOfItems"},
    "ListItem": _THING | {"item", "position", "nextItem", "previousItem"},
    "Question": _CREATIVE_WORK
    | {"acceptedAnswer", "suggestedAnswer", "answerCount", "eduQuestionType"},
    "Quiz": _CREATIVE_WORK | {"educationalAlignment", "assesses", "educationalUse"},
    "JobPosting": _THING
    | {
        "title",
        "datePosted",
        "validThrough",
        "hiringOrganization",
        "jobLocation",
        "jobLocationType",
        "applicantLocationRequirements",
        "baseSalary",
        "employmentType",
        "directApply",
        "occupationalCategory",
        "industry",
        "skills",
    },
    "DefinedTerm": _THING | {"inDefinedTermSet", "termCode"},
    "PostalAddress": _THING
    | {"streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"},
    "PropertyValue": _THING | {"value", "propertyID"},
    "AdministrativeArea": _THING,
    "Answer": _CREATIVE_WORK | {"upvoteCount", "parentItem"},
    "Organization": _THING | {"logo", "email", "address", "contactPoint", "legalName"},
    "Person": _THING | {"givenName", "familyName", "jobTitle", "worksFor", "affiliation"},
    "Occupation": _THING
    | {
        "estimatedSalary",
        "occupationLocation",
        "occupationalCategory",
        "educationRequirements",
        "experienceRequirements",
        "qualifications",
        "responsibilities",
        "skills",
    },
    "MonetaryAmount": _THING | {"currency", "value", "minValue", "maxValue"},
    "MonetaryAmount" + "Distribution": _THING
    | {"currency", "duration", "median", "percentile10", "percentile25", "percentile75"}
    | {"percentile90"},
    "QuantitativeValue": _THING | {"value", "minValue", "maxValue", "unitCode", "unitText"},
    "WebSite": _CREATIVE_WORK,
    "SearchAction": _THING | {"target", "query-input", "query"},
    "EntryPoint": _THING | {"urlTemplate"},
    "Country": _THING,
    "Place": _THING | {"address"},
}
DATE_PROPERTIES = {
    "dateCreated",
    "dateModified",
    "datePublished",
    "lastReviewed",
    "datePosted",
    "validThrough",
}
URL_PROPERTIES = {"url", "item", "mainEntityOfPage", "sameAs", "thumbnailUrl", "image", "logo"}
# Not facts a reader sees: structure; currency, which the amounts' symbols carry;
# codes standing for words the page shows ("FULL_TIME" for "Full-time", "TELECOMMUTE"
# for "Remote", "YEAR" for "a year", "US" for "United States"); and ids for machines.
UNSEEN_PROPERTIES = {"@context", "@type", "@id", "position", "currency", "inLanguage"}
UNSEEN_PROPERTIES |= {"employmentType", "jobLocationType", "eduQuestionType", "unitText"}
UNSEEN_PROPERTIES |= {"addressCountry", "identifier"}
AMOUNT_PROPERTIES = {"value", "minValue", "maxValue", "median"}


def json_ld(page) -> list:
    """The parsed JSON-LD blocks of the page; a block that does not parse raises ValueError."""
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "scripts => scripts.map(s => s.textContent)"
    )
    parsed = []
    for number, block in enumerate(blocks, start=1):
        try:
            data = json.loads(block)
        except json.JSONDecodeError as error:
            raise ValueError(f"JSON-LD block {number} does not parse: {error}") from error
        parsed.extend(data if isinstance(data, list) else [data])
    return parsed


def _is_iso_date(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        if "T" in value:
            moment = datetime.fromisoformat(value)
            return moment.tzinfo is not None
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_absolute_url(value) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in {"http", "https"}


def _typed(node, expected: set[str], where: str, problems: list[str]) -> bool:
    if not isinstance(node, dict) or node.get("@type") not in expected:
        got = node.get("@type") if isinstance(node, dict) else type(node).__name__
        problems.append(f"{where} must be a {' or '.join(sorted(expected))}, not {got}")
        return False
    return True


def _require(node: dict, names: list[str], where: str, problems: list[str]) -> None:
    for name in names:
        if node.get(name) in (None, "", []):
            problems.append(f"{where} lacks {name}")


def _check_named_party(node, where: str, problems: list[str]) -> None:
    if _typed(node, {"Organization", "Person"}, where, problems):
        _require(node, ["name"], where, problems)


def _check_amount(node, where: str, problems: list[str]) -> None:
    if not _typed(node, {"MonetaryAmount", "MonetaryAmountDistribution"}, where, problems):
        return
    currency = node.get("currency")
    if not (isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency)):
        problems.append(f"{where}.currency must be an ISO 4217 code, not {currency!r}")
    # Google's JobPosting form nests the range: value = QuantitativeValue(minValue, maxValue).
    value = node.get("value")
    if isinstance(value, dict) and _typed(value, {"QuantitativeValue"}, f"{where}.value", problems):
        node = {**{k: v for k, v in node.items() if k != "value"}, **value}
    numbers = {k: node[k] for k in AMOUNT_PROPERTIES | {"minValue", "maxValue"} if k in node}
    if not numbers:
        problems.append(f"{where} has no value, minValue/maxValue or median")
    for key, number in numbers.items():
        if isinstance(number, bool) or not isinstance(number, int | float) or number < 0:
            problems.append(f"{where}.{key} must be a non-negative number, not {number!r}")
    low, high = node.get("minValue"), node.get("maxValue")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        problems.append(f"{where}: minValue {low} is above maxValue {high}")


def _check_article(node: dict, where: str, problems: list[str]) -> None:
    _require(
        node, ["headline", "datePublished", "dateModified", "author", "publisher"], where, problems
    )
    if len(str(node.get("headline", ""))) > 110:
        problems.append(f"{where}.headline is longer than 110 characters")
    for key in ("author", "publisher"):
        for party in _as_list(node.get(key)):
            _check_named_party(party, f"{where}.{key}", problems)
    published, modified = node.get("datePublished"), node.get("dateModified")
    if _is_iso_date(published) and _is_iso_date(modified) and modified < published:
        problems.append(f"{where}: dateModified {modified} is before datePublished {published}")


def _check_breadcrumbs(node: dict, where: str, problems: list[str]) -> None:
    items = node.get("itemListElement")
    if not isinstance(items, list) or not items:
        problems.append(f"{where}.itemListElement must be a non-empty list")
        return
    for number, item in enumerate(items, start=1):
        here = f"{where}.itemListElement[{number}]"
        if not _typed(item, {"ListItem"}, here, problems):
            continue
        _require(item, ["name"], here, problems)
        if item.get("position") != number:
            problems.append(f"{here}.position is {item.get('position')!r}, expected {number}")
        # Google allows the last crumb (the page itself) without an item.
        needs_item = "item" in item or number < len(items)
        if needs_item and not _is_absolute_url(item.get("item")):
            problems.append(f"{here}.item must be an absolute URL, not {item.get('item')!r}")


def _check_faq(node: dict, where: str, problems: list[str]) -> None:
    questions = node.get("mainEntity")
    if not isinstance(questions, list) or not questions:
        problems.append(f"{where}.mainEntity must be a non-empty list of Question")
        return
    for number, question in enumerate(questions, start=1):
        here = f"{where}.mainEntity[{number}]"
        if not _typed(question, {"Question"}, here, problems):
            continue
        _require(question, ["name", "acceptedAnswer"], here, problems)
        answer = question.get("acceptedAnswer")
        if answer is not None and _typed(answer, {"Answer"}, f"{here}.acceptedAnswer", problems):
            _require(answer, ["text"], f"{here}.acceptedAnswer", problems)


def _check_occupation(node: dict, where: str, problems: list[str]) -> None:
    # A page about an occupation states its salary; a mention (a deck's "about") need not.
    _require(node, ["name"] if "." in where else ["name", "estimatedSalary"], where, problems)
    for number, amount in enumerate(_as_list(node.get("estimatedSalary")), start=1):
        _check_amount(amount, f"{where}.estimatedSalary[{number}]", problems)


def _check_job_posting(node: dict, where: str, problems: list[str]) -> None:
    """Google's required properties, and its rule for remote jobs."""
    _require(
        node,
        ["title", "description", "datePosted", "validThrough", "hiringOrganization"],
        where,
        problems,
    )
    _require(node, ["employmentType", "identifier"], where, problems)
    _check_named_party(node.get("hiringOrganization"), f"{where}.hiringOrganization", problems)
    remote = node.get("jobLocationType") == "TELECOMMUTE"
    if remote and not node.get("applicantLocationRequirements"):
        problems.append(f"{where}: a remote job needs applicantLocationRequirements")
    if not remote and not node.get("jobLocation"):
        problems.append(f"{where} needs jobLocation, or jobLocationType TELECOMMUTE")
    if "baseSalary" in node:
        _check_amount(node["baseSalary"], f"{where}.baseSalary", problems)


def _check_quiz(node: dict, where: str, problems: list[str]) -> None:
    _require(node, ["name", "hasPart"], where, problems)
    for number, question in enumerate(_as_list(node.get("hasPart")), start=1):
        here = f"{where}.hasPart[{number}]"
        if _typed(question, {"Question"}, here, problems):
            _require(question, ["text", "acceptedAnswer"], here, problems)


REQUIRED_CHECKS = {
    "Article": _check_article,
    "JobPosting": _check_job_posting,
    "Quiz": _check_quiz,
    "BreadcrumbList": _check_breadcrumbs,
    "FAQPage": _check_faq,
    "Occupation": _check_occupation,
}


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _walk(node, where: str):
    """Yield (where, node) for every typed object in the tree."""
    if isinstance(node, dict):
        if "@type" in node:
            yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node, start=1):
            yield from _walk(value, f"{where}[{number}]")


def schema_problems(items: list) -> list[str]:
    """Types, properties and required properties against schema.org (and Google's rules)."""
    problems = []
    for number, item in enumerate(items, start=1):
        top = f"{item.get('@type', '?') if isinstance(item, dict) else '?'}#{number}"
        if not isinstance(item, dict):
            problems.append(f"{top}: a JSON-LD item must be an object")
            continue
        if str(item.get("@context", "")).rstrip("/") not in {
            "https://schema.org",
            "http://schema.org",
        }:
            problems.append(
                f"{top}: @context must be https://schema.org, not {item.get('@context')!r}"
            )
        for where, node in _walk(item, top):
            kind = node["@type"]
            if kind not in SCHEMA_TYPES:
                problems.append(f"{where}: unknown schema.org type {kind!r}")
                continue
            for key in node:
                if not key.startswith("@") and key not in SCHEMA_TYPES[kind]:
                    problems.append(f"{where}: {kind} has no property {key!r}")
            for key in DATE_PROPERTIES & node.keys():
                if not _is_iso_date(node[key]):
                    problems.append(
                        f"{where}.{key} must be an ISO 8601 date (with a time zone), "
                        f"not {node[key]!r}"
                    )
            for key in URL_PROPERTIES & node.keys():
                for value in _as_list(node[key]):
                    if isinstance(value, str) and not _is_absolute_url(value):
                        problems.append(f"{where}.{key} must be an absolute URL, not {value!r}")
            if kind in REQUIRED_CHECKS:
                REQUIRED_CHECKS[kind](node, where, problems)
    return problems


@dataclass
class ShownFacts:
    """What a reader can see on the page, to hold structured data against."""

    url: str
    text: str
    links: set[str]
    times: set[str]
    # The page's link-preview image (og:image): an Article's `image` may name it.
    preview_image: str = ""

    @classmethod
    def of(cls, page) -> ShownFacts:
        """Read the page with every <details> open: a disclosure's content counts as shown."""
        facts = page.evaluate(
            """() => {
                const closed = [...document.querySelectorAll('details:not([open])')];
                closed.forEach(d => d.open = true);
                const visible = el => el.checkVisibility({visibilityProperty: true});
                const alts = [...document.querySelectorAll('img[alt]')].filter(visible)
                    .map(img => img.alt);
                const result = {
                    text: [document.body.innerText, ...alts].join('\\n'),
                    // An SVG link's href is an SVGAnimatedString: resolve its value.
                    links: [...document.querySelectorAll('a[href]')].filter(visible)
                        .map(a => typeof a.href === 'string' ? a.href
                            : new URL(a.href.baseVal, document.baseURI).href),
                    times: [...document.querySelectorAll('time[datetime]')].filter(visible)
                        .map(t => t.getAttribute('datetime')),
                    preview: document.querySelector('meta[property="og:image"]')
                        ?.getAttribute('content') || '',
                };
                closed.forEach(d => d.open = false);
                return result;
            }"""
        )
        return cls(
            url=page.url.split("#")[0],
            text=normalize_text(facts["text"]),
            links={link.split("#")[0] for link in facts["links"]},
            times=set(facts["times"]),
            preview_image=facts["preview"],
        )


def normalize_text(text: str) -> str:
    """HTML stripped and unescaped, whitespace collapsed: how a sentence reads."""
    if "<" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    text = html_lib.unescape(text).replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹"}


def money_renderings(amount: float, currency: str) -> list[str]:
    """Ways a page may show an amount: "$150K", "$1.5M", "$150,000", "150,000 USD"."""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    plain = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    shapes = [f"{symbol}{plain}", f"{plain} {currency}", f"{currency} {plain}"]
    for size, suffix in ((1_000_000, "M"), (1_000, "K"), (1_000, "k")):
        if amount >= size:
            short = f"{amount / size:.1f}".removesuffix(".0")
            shapes.append(f"{symbol}{short}{suffix}")
            break
    return shapes


def _figure_in(figure: str, text: str) -> bool:
    """True if `figure` stands in `text` as a whole figure: "$1" is not in "$120K"."""
    return re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)", text) is not None


def _date_shown(value: str, facts: ShownFacts) -> bool:
    day = date.fromisoformat(value[:10])
    if any(shown[:10] == value[:10] for shown in facts.times):
        return True
    spelled = {
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        f"{day:%b}. {day.day}, {day.year}",
        f"{day:%b} {day.day}, {day.year}",
        day.isoformat(),
    }
    return any(shape in facts.text for shape in spelled)


def unshown_values(items: list, facts: ShownFacts) -> list[str]:
    """Every value the structured data states that the page does not show."""
    problems: list[str] = []

    def check(node, where: str, key: str, parent: dict) -> None:
        if isinstance(node, dict):
            for child_key, value in node.items():
                if child_key not in UNSEEN_PROPERTIES:
                    check(value, f"{where}.{child_key}", child_key, node)
            return
        if isinstance(node, list):
            for number, value in enumerate(node, start=1):
                check(value, f"{where}[{number}]", key, parent)
            return
        if isinstance(node, bool) or node is None:
            return
        if key == "image" and facts.preview_image and node == facts.preview_image:
            return  # the picture link previews show of this page
        if key in URL_PROPERTIES or _is_absolute_url(node):
            if node.split("#")[0] not in facts.links | {facts.url}:
                problems.append(f"{where}: {node} is neither this page nor a link on it")
            return
        if key in DATE_PROPERTIES:
            if _is_iso_date(node) and not _date_shown(node, facts):
                problems.append(f"{where}: the date {node[:10]} is not shown on the page")
            return
        if isinstance(node, int | float):
            if key in AMOUNT_PROPERTIES and "currency" in parent:
                shapes = money_renderings(node, parent["currency"])
            else:
                shapes = [f"{node:,}", str(node)]
            if not any(_figure_in(shape, facts.text) for shape in shapes):
                problems.append(f"{where}: {node} is not shown (looked for {shapes})")
            return
        text = normalize_text(str(node))
        # Case aside: CSS text-transform changes it in innerText, not for a reader.
        if text and text.casefold() not in facts.text.casefold():
            problems.append(f"{where}: “{text[:80]}” is not in the visible text")

    for number, item in enumerate(items, start=1):
        kind = item.get("@type", "?") if isinstance(item, dict) else "?"
        check(item, f"{kind}#{number}", "", {})
    return problems


def types_of(items: list) -> set[str]:
    return {item.get("@type") for item in items if isinstance(item, dict)}

"""Employers' job boards, each read from its public posting format into our listing fields.

One class per kind of board. `postings(content)` turns a body the board sent
(bytes) into `Posting`s: our import columns (jobs/IMPORT_FORMAT.md) without the
company and career, which the source decides, and with the description as the
board's HTML (sanitised when written: careers.core.markdown.sanitise_posting_html).
A body that cannot be read as the board's format raises `FeedUnreadable`: the
fetch then changes nothing. A posting without an id, a title or an apply URL is
kept out and reported by its id (`Posting.problem`), while the others go on.

Formats, from each provider's public documentation:

- Greenhouse job board API, `GET /v1/boards/{token}/jobs?content=true`:
  `{"jobs": [{"id", "title", "absolute_url", "location": {"name"}, "content"
  (HTML, entity-escaped), "updated_at", "first_published", "metadata"}]}`.
- Lever postings API, `GET /v0/postings/{company}?mode=json`: a list of
  `{"id", "text", "hostedUrl", "applyUrl", "createdAt" (ms), "categories":
  {"commitment", "location", "allLocations"}, "country", "workplaceType",
  "description", "lists": [{"text", "content"}], "additional", "salaryRange":
  {"currency", "interval", "min", "max"}}`.
- Ashby job posting API, `GET /posting-api/job-board/{name}?includeCompensation=true`:
  `{"jobs": [{"id", "title", "location", "isRemote", "workplaceType",
  "employmentType", "publishedAt", "isListed", "jobUrl", "applyUrl",
  "descriptionHtml", "address": {"postalAddress": {…}}, "compensation":
  {"summaryComponents": [{"compensationType", "interval", "currencyCode",
  "minValue", "maxValue"}]}}]}`.
- schema.org `JobPosting` in JSON-LD (`<script type="application/ld+json">`) on
  an employer's own job pages, as Google asks employers to publish it.

**Valid through.** When the board gives no closing date (Greenhouse, Lever and
Ashby never do), a listing is open until 30 days after the day it was last seen
on its board, rounded up to the next Sunday: every fetch that finds it pushes
the date on, but only once a week, so an unchanged board stays "unchanged"; a
board that stops being fetched lets its listings lapse within five weeks.
"""

import datetime
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree

from jobs.countries import country_code

OPEN_DAYS_AFTER_SEEN = 30
MAX_TITLE = 160


class FeedUnreadable(Exception):
    """The body is not the board's format (HTML instead of JSON, cut short, …)."""


@dataclass
class Posting:
    """One posting as our import columns, or the reason it was kept out."""

    external_id: str
    columns: dict = field(default_factory=dict)
    problem: str = ""


def default_valid_through(today: datetime.date) -> datetime.date:
    """30 days after `today`, rounded up to a Sunday (see the module doc)."""
    day = today + datetime.timedelta(days=OPEN_DAYS_AFTER_SEEN)
    return day + datetime.timedelta(days=6 - day.weekday())


def _json(content: bytes):
    try:
        return json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FeedUnreadable("The body is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        start = content[:200].lstrip()[:1]
        if start == b"<":
            raise FeedUnreadable("Expected JSON but got an HTML page.") from None
        message = f"The JSON does not parse: {error.msg} (line {error.lineno})."
        raise FeedUnreadable(message) from None


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _date(value) -> str:
    """An ISO date from an ISO timestamp, a date, or epoch milliseconds; "" if none."""
    if value in (None, ""):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC).date().isoformat()
    text = str(value).strip()
    try:
        return datetime.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return ""


def _country(name: str) -> str:
    """ "United States", "USA", "DE" -> an ISO code, or ""."""
    return country_code(_text(name))


REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
HYBRID = re.compile(r"\bhybrid\b", re.IGNORECASE)


def _place(text: str) -> dict:
    """ "Berlin, Germany", "Austin, TX, United States", "Remote - US" -> location columns."""
    text = _text(text)
    columns = {"city": "", "region": "", "country": "", "workplace_type": "on_site"}
    if REMOTE.search(text):
        columns["workplace_type"] = "remote"
        rest = REMOTE.sub("", text).strip(" -–,()/")
        codes = [code for part in re.split(r"[,/;|]", rest) if (code := _country(part))]
        columns["remote_countries"] = ",".join(dict.fromkeys(codes)) or ""
        return columns
    if HYBRID.search(text):
        columns["workplace_type"] = "hybrid"
        text = HYBRID.sub("", text).strip(" -–,()/")
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if parts:
        columns["city"] = parts[0]
    if len(parts) == 2 and parts[1] in US_STATES:
        # "Boston, MA" is in Massachusetts, not Morocco: after a city, two capitals that
        # name a US state are read as one, as American boards write them.
        columns["region"], columns["country"] = parts[1], "US"
    elif len(parts) >= 2:
        country = _country(parts[-1])
        if country:
            columns["country"] = country
            if len(parts) >= 3:
                columns["region"] = parts[1]
        else:
            columns["region"] = parts[1]
    return columns


US_STATES = frozenset(
    (  # noqa: SIM905 (fifty-one codes read better as one string)
        "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
        "NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
    ).split()
)


EMPLOYMENT = {
    "fulltime": "full_time",
    "full_time": "full_time",
    "parttime": "part_time",
    "part_time": "part_time",
    "contract": "contractor",
    "contractor": "contractor",
    "temporary": "temporary",
    "intern": "intern",
    "internship": "intern",
}


def _employment(value) -> str:
    key = re.sub(r"[\s-]", "", _text(value)).lower().replace("_", "")
    key = {"fulltime": "fulltime", "parttime": "parttime"}.get(key, key)
    return EMPLOYMENT.get(key, "")


PERIODS = {"year": "year", "yearly": "year", "annual": "year", "month": "month", "hour": "hour"}


def _period(value) -> str:
    words = re.findall(r"[a-z]+", _text(value).lower())
    return next((PERIODS[word] for word in words if word in PERIODS), "")


def _salary(low, high, currency, period) -> dict:
    try:
        low = int(float(low)) if low not in (None, "") else None
        high = int(float(high)) if high not in (None, "") else low
    except (TypeError, ValueError):
        return {}
    if low is None or low < 0 or high < low:
        return {}
    columns = {"salary_min": low, "salary_max": high}
    if _text(currency):
        columns["salary_currency"] = _text(currency).upper()
    if _period(period):
        columns["salary_period"] = _period(period)
    return columns


def _posting(external_id, columns: dict, *, today: datetime.date) -> Posting:
    external_id = _text(external_id)[:120]
    missing = [name for name in ("title", "apply_url") if not columns.get(name)]
    if not external_id:
        return Posting("(no id)", problem="no id")
    if missing:
        return Posting(external_id, problem=f"missing {', '.join(missing)}")
    columns = {key: value for key, value in columns.items() if value not in (None, "")}
    columns["external_id"] = external_id
    columns["title"] = columns["title"][:MAX_TITLE]
    columns.setdefault("description", "")
    posted = columns.get("posted_on", "")
    if posted and posted > today.isoformat():
        columns["posted_on"] = today.isoformat()
    if not columns.get("valid_through"):
        columns["valid_through"] = default_valid_through(today).isoformat()
    if columns.get("workplace_type") == "remote" and not columns.get("remote_countries"):
        # A remote posting that names no country: where its office is, else unknown.
        columns["remote_countries"] = columns.get("country", "")
    return Posting(external_id, columns)


class Adapter:
    kind = ""

    def postings(self, content: bytes, *, today: datetime.date) -> list[Posting]:
        raise NotImplementedError


class Greenhouse(Adapter):
    kind = "greenhouse"

    def postings(self, content, *, today):
        data = _json(content)
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise FeedUnreadable('A Greenhouse board answers {"jobs": […]}.')
        return [self.posting(job, today=today) for job in data["jobs"] if isinstance(job, dict)]

    def posting(self, job: dict, *, today) -> Posting:
        location = (job.get("location") or {}).get("name", "")
        employment = next(
            (
                item.get("value")
                for item in job.get("metadata") or []
                if isinstance(item, dict)
                and "employment" in _text(item.get("name")).lower()
                and isinstance(item.get("value"), str)
            ),
            "",
        )
        columns = {
            "title": _text(job.get("title")),
            # Greenhouse escapes the HTML of `content` once more.
            "description": html.unescape(job.get("content") or ""),
            "apply_url": _text(job.get("absolute_url")),
            "posted_on": _date(job.get("first_published") or job.get("updated_at")),
            "employment_type": _employment(employment),
            **_place(location),
        }
        return _posting(job.get("id"), columns, today=today)


class Lever(Adapter):
    kind = "lever"

    def postings(self, content, *, today):
        data = _json(content)
        if not isinstance(data, list):
            raise FeedUnreadable("A Lever board answers a JSON list of postings.")
        return [self.posting(job, today=today) for job in data if isinstance(job, dict)]

    def posting(self, job: dict, *, today) -> Posting:
        categories = job.get("categories") or {}
        sections = "".join(
            f"<h3>{html.escape(_text(item.get('text')))}</h3><ul>{item.get('content', '')}</ul>"
            for item in job.get("lists") or []
            if isinstance(item, dict)
        )
        description = (job.get("description") or "") + sections + (job.get("additional") or "")
        place = _place(categories.get("location", ""))
        workplace = {"remote": "remote", "hybrid": "hybrid", "onsite": "on_site"}.get(
            _text(job.get("workplaceType")).lower()
        )
        if workplace:
            place["workplace_type"] = workplace
        country = _country(job.get("country", ""))
        if country:
            place["country"] = place.get("country") or country
            if workplace == "remote" and not place.get("remote_countries"):
                place["remote_countries"] = country
        salary = job.get("salaryRange") or {}
        columns = {
            "title": _text(job.get("text")),
            "description": description,
            "apply_url": _text(job.get("applyUrl") or job.get("hostedUrl")),
            "posted_on": _date(job.get("createdAt")),
            "employment_type": _employment(categories.get("commitment")),
            **place,
            **_salary(
                salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("interval")
            ),
        }
        return _posting(job.get("id"), columns, today=today)


class Ashby(Adapter):
    kind = "ashby"

    def postings(self, content, *, today):
        data = _json(content)
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise FeedUnreadable('An Ashby board answers {"jobs": […]}.')
        return [
            self.posting(job, today=today)
            for job in data["jobs"]
            if isinstance(job, dict) and job.get("isListed", True)
        ]

    def posting(self, job: dict, *, today) -> Posting:
        address = ((job.get("address") or {}).get("postalAddress")) or {}
        place = _place(job.get("location", ""))
        if address:
            place["city"] = _text(address.get("addressLocality")) or place["city"]
            place["region"] = _text(address.get("addressRegion")) or place["region"]
            place["country"] = _country(address.get("addressCountry", "")) or place["country"]
        workplace = {"remote": "remote", "hybrid": "hybrid", "onsite": "on_site"}.get(
            _text(job.get("workplaceType")).lower()
        ) or ("remote" if job.get("isRemote") else None)
        if workplace:
            place["workplace_type"] = workplace
        salary = next(
            (
                part
                for part in (job.get("compensation") or {}).get("summaryComponents") or []
                if isinstance(part, dict) and part.get("compensationType") == "Salary"
            ),
            {},
        )
        columns = {
            "title": _text(job.get("title")),
            "description": job.get("descriptionHtml") or "",
            "apply_url": _text(job.get("applyUrl") or job.get("jobUrl")),
            "posted_on": _date(job.get("publishedAt")),
            "employment_type": _employment(job.get("employmentType")),
            **place,
            **_salary(
                salary.get("minValue"),
                salary.get("maxValue"),
                salary.get("currencyCode"),
                salary.get("interval"),
            ),
        }
        return _posting(job.get("id"), columns, today=today)


class _JsonLdScripts(HTMLParser):
    """The text of every <script type="application/ld+json"> on a page."""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type", "").lower() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def _job_postings(value) -> list[dict]:
    """Every JobPosting object in a JSON-LD value (a list, an @graph, or the object)."""
    if isinstance(value, list):
        return [found for item in value for found in _job_postings(item)]
    if not isinstance(value, dict):
        return []
    if "@graph" in value:
        return _job_postings(value["@graph"])
    kinds = value.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return [value] if "JobPosting" in kinds else []


class JobPostingPages(Adapter):
    """schema.org JobPosting JSON-LD from an employer's own job pages."""

    kind = "jobposting"

    def postings(self, content, *, today, url: str = ""):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FeedUnreadable("The page is not UTF-8 text.") from None
        parser = _JsonLdScripts()
        parser.feed(text)
        found = []
        for block in parser.blocks:
            try:
                found.extend(_job_postings(json.loads(block)))
            except json.JSONDecodeError:
                continue  # a page's other, broken JSON-LD is not ours to refuse
        return [self.posting(job, today=today, url=url) for job in found]

    def posting(self, job: dict, *, today, url: str = "") -> Posting:
        locations = job.get("jobLocation") or []
        locations = locations if isinstance(locations, list) else [locations]
        address = next(
            (
                place.get("address")
                for place in locations
                if isinstance(place, dict) and isinstance(place.get("address"), dict)
            ),
            {},
        )
        country = address.get("addressCountry", "")
        if isinstance(country, dict):
            country = country.get("name", "")
        place = {
            "city": _text(address.get("addressLocality")),
            "region": _text(address.get("addressRegion")),
            "country": _country(country),
            "workplace_type": "on_site",
        }
        if _text(job.get("jobLocationType")).upper() == "TELECOMMUTE":
            place["workplace_type"] = "remote"
            required = job.get("applicantLocationRequirements") or []
            required = required if isinstance(required, list) else [required]
            codes = [_country(item.get("name", "")) for item in required if isinstance(item, dict)]
            place["remote_countries"] = ",".join(code for code in codes if code)
        salary = job.get("baseSalary") or {}
        value = salary.get("value") or {} if isinstance(salary, dict) else {}
        if not isinstance(value, dict):
            value = {"minValue": value}
        employment = job.get("employmentType")
        if isinstance(employment, list):
            employment = employment[0] if employment else ""
        identifier = job.get("identifier")
        if isinstance(identifier, dict):
            identifier = identifier.get("value")
        apply_url = _text(job.get("url") or url)
        columns = {
            "title": _text(job.get("title")),
            "description": job.get("description") or "",
            "apply_url": apply_url,
            "posted_on": _date(job.get("datePosted")),
            "valid_through": _date(job.get("validThrough")),
            "employment_type": _employment(employment),
            **place,
            **_salary(
                value.get("minValue", value.get("value")),
                value.get("maxValue"),
                salary.get("currency") if isinstance(salary, dict) else "",
                value.get("unitText"),
            ),
        }
        return _posting(identifier or apply_url, columns, today=today)


def sitemap_urls(content: bytes, *, limit: int) -> list[str]:
    """The page addresses (<loc>) a sitemap lists, at most `limit`."""
    try:
        root = ElementTree.fromstring(content)  # noqa: S314 - no entities are expanded
    except ElementTree.ParseError as error:
        raise FeedUnreadable(f"The sitemap is not XML: {error}.") from None
    urls = [
        (element.text or "").strip()
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] == "loc"
    ]
    return [url for url in urls if url.startswith(("http://", "https://"))][:limit]


ADAPTERS: dict[str, Adapter] = {
    adapter.kind: adapter for adapter in (Greenhouse(), Lever(), Ashby(), JobPostingPages())
}

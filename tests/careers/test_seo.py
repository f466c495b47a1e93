"""What search engines and link previews read on every public page."""

import json
from html.parser import HTMLParser

import pytest

from tests.factories import CareerFactory, GuideFactory, RelatedGuideFactory, complete_guide
from tests.flashcards.factories import deck_with_cards
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """The <title>, <meta>, <link rel=canonical> and JSON-LD types of a page."""

    def __init__(self):
        super().__init__()
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.json_ld: list[dict] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("name") or attrs.get("property")
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json"

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json":
            self.json_ld.append(json.loads(data))


def head(client, url) -> HeadParser:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def site():
    """One page of every public type, with its address."""
    first = complete_guide(career=CareerFactory(name="Data Scientist", slug="data-scientist"))
    second = GuideFactory(career=CareerFactory(name="ML Engineer", slug="ml-engineer"))
    RelatedGuideFactory(guide=first, related=second)
    deck = deck_with_cards(career=first.career, cards=2)
    listing = JobListingFactory(career=first.career)
    return {
        "home": "/",
        "guide-index": "/guides/",
        "guide": first.get_absolute_url(),
        "salary": first.career.get_absolute_url(),
        "deck-index": "/flashcards/",
        "deck": deck.get_absolute_url(),
        "jobs": "/jobs/",
        "job": listing.get_absolute_url(),
        "compare": "/compare/data-scientist-vs-ml-engineer/",
    }


REQUIRED_META = (
    "description",
    "og:title",
    "og:description",
    "og:url",
    "og:type",
    "og:site_name",
    "twitter:card",
)


def test_every_public_page_has_its_title_description_canonical_and_preview_tags(client, site):
    titles, descriptions = {}, {}
    for kind, url in site.items():
        page = head(client, url)
        assert page.title.strip(), kind
        for key in REQUIRED_META:
            assert len(page.meta.get(key, [])) == 1, (kind, key)
            assert page.meta[key][0].strip(), (kind, key)
        assert page.canonical == [f"http://testserver{url.split('?')[0]}"], kind
        assert page.meta["og:url"] == page.canonical, kind
        titles.setdefault(page.title, []).append(kind)
        descriptions.setdefault(page.meta["description"][0], []).append(kind)
    assert all(len(kinds) == 1 for kinds in titles.values()), titles
    assert all(len(kinds) == 1 for kinds in descriptions.values()), descriptions


def test_every_public_page_but_home_has_a_breadcrumb_list(client, site):
    for kind, url in site.items():
        types = [item["@type"] for item in head(client, url).json_ld]
        if kind == "home":
            assert "BreadcrumbList" not in types
        else:
            assert types.count("BreadcrumbList") == 1, kind


@pytest.mark.parametrize("kind", ["home", "guide", "salary", "compare", "jobs"])
def test_canonical_ignores_tracking_parameters(client, site, kind):
    url = site[kind]
    plain = head(client, url)
    tracked = head(client, f"{url}?utm_source=x&utm_medium=email&fbclid=abc")
    assert tracked.canonical == plain.canonical
    assert tracked.meta["og:url"] == plain.meta["og:url"]


def test_seo_title_overrides_the_guide_pages_title_and_og_title(client):
    guide = GuideFactory(title="How to Become a Data Engineer")
    page = head(client, guide.get_absolute_url())
    assert page.title.startswith("How to Become a Data Engineer (2026 Guide) · ")
    assert page.meta["og:title"] == ["How to Become a Data Engineer (2026 Guide)"]

    guide.seo_title = "Data Engineer Roadmap 2026: Skills, Salary, Time"
    guide.save()
    page = head(client, guide.get_absolute_url())
    assert page.title.startswith("Data Engineer Roadmap 2026: Skills, Salary, Time · ")
    assert page.meta["og:title"] == ["Data Engineer Roadmap 2026: Skills, Salary, Time"]
    # The page itself keeps its full title as its heading and in its Article data.
    article = next(item for item in page.json_ld if item["@type"] == "Article")
    assert article["headline"] == "How to Become a Data Engineer (2026 Guide)"


def test_guide_page_uses_the_editors_meta_description(client):
    guide = GuideFactory(meta_description="Everything about the role, in one page.")
    page = head(client, guide.get_absolute_url())
    assert page.meta["description"] == ["Everything about the role, in one page."]
    assert page.meta["og:description"] == ["Everything about the role, in one page."]
    assert page.meta["og:type"] == ["article"]


def test_absolute_addresses_come_from_site_url_never_from_the_host_header(client, settings):
    """`Host: localhost:<any port>` is accepted (Django ignores the port), but no page,
    sitemap or robots.txt prints it: every absolute address is on SITE_URL."""
    settings.SITE_URL = "https://careers.example"
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    guide = complete_guide()
    listing = JobListingFactory(career=guide.career)
    deck = deck_with_cards(career=guide.career, cards=1)
    for url in (
        "/",
        guide.get_absolute_url(),
        guide.career.get_absolute_url(),
        listing.get_absolute_url(),
        deck.get_absolute_url(),
        "/jobs/",
    ):
        response = client.get(url, HTTP_HOST="localhost:31337", secure=False)
        assert response.status_code == 200, url
        page = head(client, url)
        assert page.canonical == [f"https://careers.example{url}"], url
        assert b"31337" not in response.content, url
        assert b"localhost" not in response.content, url
    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost:31337").content.decode()
    assert "https://careers.example/guides/" in sitemap
    assert "localhost" not in sitemap
    robots = client.get("/robots.txt", HTTP_HOST="localhost:31337").content.decode()
    assert "Sitemap: https://careers.example/sitemap.xml" in robots

"""/sitemap.xml and /robots.txt.

The document is validated against the sitemaps.org 0.9 schema (sitemap.xsd beside
this file) with lxml, and its rules beyond the schema (absolute URLs, no
duplicates, the W3C datetime profile) are checked with xml.etree.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from lxml import etree as lxml_etree

from careers.core.publishing import Publishable
from jobs.models import JobListing
from tests.factories import GuideFactory, SkillFactory
from tests.flashcards.factories import DeckFactory
from tests.jobs.factories import JobListingFactory, expired_listing

pytestmark = pytest.mark.django_db

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# W3C datetime (https://www.w3.org/TR/NOTE-datetime): a day, or a time with a zone.
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")
SITEMAP_QUERIES = 9
schema = lxml_etree.XMLSchema(lxml_etree.parse(str(Path(__file__).with_name("sitemap.xsd"))))


def sitemap_urls(client) -> dict[str, str | None]:
    """{loc: lastmod}, after checking the document against the 0.9 schema's rules."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    schema.assertValid(lxml_etree.fromstring(response.content))
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{{{NS}}}urlset"
    urls = root.findall(f"{{{NS}}}url")
    assert len(root) == len(urls) <= 50_000
    found = {}
    for url in urls:
        children = [child.tag for child in url]
        assert children.count(f"{{{NS}}}loc") == 1
        # Optional in the schema: an index with nothing live has no update time.
        assert children.count(f"{{{NS}}}lastmod") <= 1
        assert set(children) <= {f"{{{NS}}}{tag}" for tag in ("loc", "lastmod")}
        loc = url.findtext(f"{{{NS}}}loc")
        lastmod = url.findtext(f"{{{NS}}}lastmod")
        assert urlsplit(loc).scheme in ("http", "https")
        assert urlsplit(loc).netloc
        assert len(loc) <= 2048
        assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
        assert loc not in found, f"{loc} listed twice"
        found[loc] = lastmod
    return found


def test_sitemap_lists_exactly_the_live_pages(client):
    now = timezone.now()
    guide = GuideFactory()
    GuideFactory(status=Publishable.Status.DRAFT, slug="a-draft")
    scheduled = GuideFactory(publish_from=now + datetime.timedelta(days=1), slug="scheduled")
    deck = DeckFactory(career=guide.career)
    DeckFactory(status=Publishable.Status.DRAFT, slug="draft-deck")
    listing = JobListingFactory(career=guide.career)
    gone = expired_listing()
    marked = JobListingFactory(status=JobListing.Status.EXPIRED)
    draft_job = JobListingFactory(status=Publishable.Status.DRAFT)
    skill = SkillFactory(name="Python")

    urls = sitemap_urls(client)

    base = "http://testserver"
    assert set(urls) == {
        f"{base}/",
        f"{base}/guides/",
        f"{base}/flashcards/",
        f"{base}/jobs/",
        f"{base}/careers/",
        f"{base}/compare/",
        f"{base}{guide.get_absolute_url()}",
        f"{base}{guide.career.get_absolute_url()}",
        f"{base}{deck.get_absolute_url()}",
        f"{base}{listing.get_absolute_url()}",
        f"{base}/skills/",
        f"{base}{skill.get_absolute_url()}",
    }
    assert all(urls.values()), "every page has a lastmod when every section has content"
    html = "\n".join(urls)
    for hidden in (scheduled, gone, marked, draft_job):
        assert hidden.get_absolute_url() not in html
    assert scheduled.career.get_absolute_url() not in html
    assert "a-draft" not in html
    assert "draft-deck" not in html


def test_lastmod_is_the_real_update_time(client):
    guide = GuideFactory()
    urls = sitemap_urls(client)
    lastmod = datetime.datetime.fromisoformat(urls[f"http://testserver{guide.get_absolute_url()}"])
    assert lastmod == guide.updated_at
    assert datetime.datetime.fromisoformat(urls["http://testserver/guides/"]) == guide.updated_at


def test_the_career_hubs_are_dated_by_their_newest_career_or_live_guide(client):
    assert "http://testserver/careers/" not in sitemap_urls(client)  # nothing to list yet
    guide = GuideFactory()
    guide.career.save()  # the career's figures change after the guide
    guide.career.refresh_from_db()
    urls = sitemap_urls(client)
    for hub in ("/careers/", "/compare/"):
        assert datetime.datetime.fromisoformat(urls[f"http://testserver{hub}"]) == (
            guide.career.updated_at
        )


def test_a_salary_page_is_dated_by_its_career_or_its_live_guide(client):
    guide = GuideFactory()
    guide.career.save()  # the career changes after the guide
    guide.career.refresh_from_db()
    urls = sitemap_urls(client)
    lastmod = urls[f"http://testserver{guide.career.get_absolute_url()}"]
    assert datetime.datetime.fromisoformat(lastmod) == guide.career.updated_at


@pytest.mark.parametrize("count", [1, 5])
def test_sitemap_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        guide = GuideFactory()
        DeckFactory(career=guide.career)
        JobListingFactory(career=guide.career)
        SkillFactory()
    with django_assert_max_num_queries(SITEMAP_QUERIES):
        # Home, three list pages, /skills/ and the two hubs; a guide, salary page, deck,
        # listing and skill for each.
        assert len(sitemap_urls(client)) == 7 + 5 * count


def test_sitemap_junk_page_numbers_are_404(client):
    assert client.get("/sitemap.xml?p=junk").status_code == 404
    assert client.get("/sitemap.xml?p=99").status_code == 404
    assert client.post("/sitemap.xml").status_code == 405


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out(client, settings):
    text = client.get("/robots.txt").content.decode()
    lines = text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert f"Disallow: /{settings.ADMIN_PATH}" in lines
    assert "Disallow: /search/" in lines
    assert "Disallow: /jobs/*/apply/" in lines


def test_the_schema_check_catches_a_broken_sitemap():
    broken = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><lastmod>2026-01-01</lastmod><loc>https://careers.example/</loc></url>
</urlset>"""
    assert not schema.validate(lxml_etree.fromstring(broken))

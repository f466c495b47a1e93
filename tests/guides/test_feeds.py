import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from careers.core.publishing import Publishable
from guides.models import Guide
from tests.factories import GuideFactory, complete_guide

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_QUERIES = 1


def entries(client, url="/guides/feed/"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def test_guide_feed_lists_live_guides_newest_change_first(client):
    older = GuideFactory(title="How to Become an Older One", meta_description="Older.")
    newer = GuideFactory(title="How to Become a Newer One")
    GuideFactory(title="How to Become a Draft", status=Publishable.Status.DRAFT)
    GuideFactory(
        title="How to Become a Scheduled One",
        publish_from=timezone.now() + datetime.timedelta(days=1),
    )
    older.save()  # revised after the newer guide: it comes first

    root, items = entries(client)
    titles = [item.findtext(f"{ATOM}title") for item in items]
    assert titles == [older.full_title, newer.full_title]
    first = items[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver{older.get_absolute_url()}"
    older.refresh_from_db()
    assert datetime.datetime.fromisoformat(first.findtext(f"{ATOM}updated")) == older.updated_at
    assert first.findtext(f"{ATOM}summary") == "Older."
    assert root.findtext(f"{ATOM}updated") == first.findtext(f"{ATOM}updated")
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://testserver/guides/feed/"


def test_a_scheduled_guide_is_news_when_it_goes_live(client):
    now = timezone.now()
    scheduled = GuideFactory(title="How to Become Scheduled")
    edited = GuideFactory(title="How to Become Edited Yesterday")
    yesterday = now - datetime.timedelta(days=1)
    Guide.objects.filter(pk=edited.pk).update(created_at=yesterday, updated_at=yesterday)
    # Last saved before the other guide, but it went live a minute ago.
    Guide.objects.filter(pk=scheduled.pk).update(
        publish_from=now - datetime.timedelta(minutes=1),
        updated_at=now - datetime.timedelta(days=3),
    )
    _, items = entries(client)
    assert items[0].findtext(f"{ATOM}title") == scheduled.full_title


@pytest.mark.parametrize("count", [1, 10])
def test_guide_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        GuideFactory()
    with django_assert_max_num_queries(FEED_QUERIES):
        _, items = entries(client)
    assert len(items) == count


def test_guide_index_and_guide_pages_link_their_feeds(client):
    guide = complete_guide()
    index = client.get("/guides/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/guides/feed/"' in index
    page = client.get(guide.get_absolute_url()).content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/guides/feed/"' in page
    jobs_feed = f"/jobs/feed/{guide.career.slug}/"
    assert f'<link rel="alternate" type="application/atom+xml" href="{jobs_feed}"' in page
    assert client.get(jobs_feed).status_code == 200


def test_summaries_are_text_so_feed_readers_render_no_markup(client):
    """A meta description is plain text: it goes out as Atom text, decoded once by the
    XML parser, and a feed reader shows `"><script>` as those characters."""
    hostile = '"><script>alert(1)</script> & <b>bold</b>'
    GuideFactory(meta_description=hostile)
    _, items = entries(client)
    summary = items[0].find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == hostile
    raw = client.get("/guides/feed/").content.decode()
    assert "<script" not in raw
    assert "&lt;script&gt;" in raw
    assert "&amp;lt;" not in raw  # escaped once, for XML only


def test_feeds_print_the_sites_own_address_whatever_the_host(client, settings):
    settings.SITE_URL = "https://careers.example"
    settings.ALLOWED_HOSTS = ["localhost"]
    guide = complete_guide()
    for url in ("/guides/feed/", f"/jobs/feed/{guide.career.slug}/"):
        response = client.get(url, HTTP_HOST="localhost:4321")
        root = ET.fromstring(response.content)  # noqa: S314 - our own response
        links = [link.get("href") for link in root.iter(f"{ATOM}link")]
        assert links, url
        assert all(link.startswith("https://careers.example/") for link in links), links
        assert b"localhost" not in response.content

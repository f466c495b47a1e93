import re
import xml.etree.ElementTree as ET

import pytest

from careers.core.publishing import Publishable
from guides.og_card import _card_title_lines
from tests.factories import GuideFactory, PathFactory, RoadmapStepFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
CARD_QUERIES = 3


def card_url(client, guide) -> str:
    html = client.get(guide.get_absolute_url()).content.decode()
    match = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert match
    return match.group(1).removeprefix("http://testserver")


def test_guide_page_has_a_large_preview_card(client):
    guide = GuideFactory()
    html = client.get(guide.get_absolute_url()).content.decode()
    url = card_url(client, guide)
    assert url.startswith(f"/guides/{guide.slug}/card.svg?v=")
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert f'<meta property="og:image:alt" content="{guide.full_title}' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_card_shows_the_title_site_name_and_summary_line(client, settings):
    guide = GuideFactory(title="How to Become a Machine Learning Engineer")
    for _ in range(7):
        RoadmapStepFactory(guide=guide)
    PathFactory(guide=guide, duration_min=12, duration_max=18, is_typical=True)
    response = client.get(card_url(client, guide))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("1200", "630")
    texts = ["".join(node.itertext()).strip() for node in root.iter(f"{SVG}text")]
    assert settings.SITE_NAME in texts
    lines = [tspan.text for tspan in root.iter(f"{SVG}tspan")]
    assert " ".join(lines) == "How to Become a Machine Learning Engineer"
    assert len(lines) > 1
    assert "7-step roadmap · 12–18 months · $120K–$175K median" in texts


def test_card_escapes_the_title(client):
    guide = GuideFactory(title='How to Become a <script>"Hacker"</script> & Co')
    response = client.get(card_url(client, guide))
    assert b"<script>" not in response.content
    # Still well-formed XML. Our own response, not untrusted input:
    root = ET.fromstring(response.content)  # noqa: S314
    lines = [tspan.text for tspan in root.iter(f"{SVG}tspan")]
    assert " ".join(lines) == 'How to Become a <script>"Hacker"</script> & Co'


def test_long_titles_wrap_and_shrink_then_end_with_an_ellipsis():
    size, lines = _card_title_lines("How to Become a Data Engineer")
    assert size == 64
    assert [line["text"] for line in lines] == ["How to Become a Data", "Engineer"]
    size, lines = _card_title_lines("word " * 60)
    assert size == 52
    assert len(lines) == 4
    assert lines[-1]["text"].endswith("…")
    _, lines = _card_title_lines("Control\x01characters\x00 go")
    assert lines[0]["text"] == "Controlcharacters go"


def test_the_versioned_card_is_cached_for_a_long_time_and_changes_with_the_guide(client):
    guide = GuideFactory()
    url = card_url(client, guide)
    response = client.get(url)
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert "Last-Modified" in response
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    unversioned = client.get(url.split("?")[0])
    assert unversioned.status_code == 200
    assert "max-age=300" in unversioned["Cache-Control"]
    stale = client.get(url.split("?")[0] + "?v=old")
    assert stale.status_code == 302
    assert stale["Location"] == url
    guide.save()
    assert card_url(client, guide) != url


def test_card_of_a_draft_or_unknown_guide_is_404(client):
    draft = GuideFactory(status=Publishable.Status.DRAFT)
    assert client.get(f"/guides/{draft.slug}/card.svg").status_code == 404
    assert client.get("/guides/nobody/card.svg").status_code == 404
    assert client.post(f"/guides/{draft.slug}/card.svg").status_code == 405


def test_card_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    guide = GuideFactory()
    for _ in range(5):
        RoadmapStepFactory(guide=guide)
    with django_assert_max_num_queries(CARD_QUERIES):
        assert client.get(f"/guides/{guide.slug}/card.svg").status_code == 200

import io
import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from careers.core.models import PendingChange
from careers.core.moderation import pending_change_approve
from careers.core.publishing import Publishable
from careers.core.roles import EDITORS, PUBLISHERS
from guides import og_card, services
from guides.admin import GuideAdmin
from guides.figures import annotated_figures, with_figures
from guides.models import Guide, GuideCard
from tests.admin_forms import change_form_data
from tests.factories import CareerFactory, GuideFactory, PathFactory, RoadmapStepFactory

pytestmark = pytest.mark.django_db

CARD_QUERIES = 3


def card_url(client, guide) -> str:
    html = client.get(guide.get_absolute_url()).content.decode()
    match = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert match
    return match.group(1).removeprefix("http://testserver")


def png_of(response) -> Image.Image:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


def test_guide_page_uses_the_png_card_for_every_link_preview(client):
    guide = GuideFactory()
    html = client.get(guide.get_absolute_url()).content.decode()
    url = card_url(client, guide)
    assert url.startswith(f"/guides/{guide.slug}/card.png?v=")
    absolute = f"http://testserver{url}"
    assert '<meta property="og:image:type" content="image/png">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert f'<meta property="og:image:alt" content="{guide.full_title}' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{absolute}">' in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    [article] = [data for data in map(json.loads, blocks) if data["@type"] == "Article"]
    assert article["image"] == absolute


def test_the_card_is_a_1200_by_630_png(client):
    guide = GuideFactory(title="How to Become a Machine Learning Engineer")
    for _ in range(7):
        RoadmapStepFactory(guide=guide)
    PathFactory(guide=guide, duration_min=12, duration_max=18, is_typical=True)
    image = png_of(client.get(card_url(client, guide)))
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    # Drawn, not blank: the brand blue with white and gold text on it.
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=100_000)}
    assert (10, 88, 168) in colours
    assert (255, 255, 255) in colours
    assert (255, 212, 121) in colours


def test_the_card_shows_the_title_edition_site_name_and_the_figures_line(settings):
    guide = GuideFactory(title="How to Become a Data Engineer", edition_year=2026)
    for _ in range(7):
        RoadmapStepFactory(guide=guide)
    PathFactory(guide=guide, duration_min=12, duration_max=18, is_typical=True)
    figures = annotated_figures(with_figures(Guide.objects.filter(pk=guide.pk)).get())
    assert og_card.card_content(guide, figures) == {
        "site_name": settings.SITE_NAME,
        "title": "How to Become a Data Engineer",
        "edition": "2026 Guide",
        "summary": "7-step roadmap · typically 12–18 months · $120K–$175K a year",
    }


def test_characters_the_bundled_font_lacks_are_drawn_as_their_nearest():
    assert og_card.drawable("12–18 months — Aurélien’s café") == "12-18 months - Aurelien’s cafe"
    assert og_card.drawable("日本") == "??"


def test_long_titles_wrap_and_shrink_then_end_with_an_ellipsis():
    size, _, lines = og_card.card_title_lines("How to Become a Data Engineer")
    assert size == 68
    assert lines == ["How to Become a Data Engineer"]
    size, _, lines = og_card.card_title_lines("word " * 60)
    assert size == 56
    assert len(lines) == 4
    assert lines[-1].endswith("…")
    _, _, lines = og_card.card_title_lines("Control\x01characters\x00 go")
    assert lines == ["Controlcharacters go"]


def test_the_versioned_card_is_cached_for_a_year_and_changes_with_what_it_shows(client):
    guide = GuideFactory()
    url = card_url(client, guide)
    response = client.get(url)
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert "Last-Modified" in response
    assert response["Content-Security-Policy"] == "default-src 'none'"
    unversioned = client.get(url.split("?")[0])
    assert unversioned.status_code == 200
    assert "max-age=300" in unversioned["Cache-Control"]
    stale = client.get(url.split("?")[0] + "?v=old")
    assert stale.status_code == 302
    assert stale["Location"] == url
    # The career's pay is on the card: a new figure is a new address and a new drawing.
    guide.career.salary_high = 190_000
    guide.career.save()
    new_url = card_url(client, guide)
    assert new_url != url
    assert client.get(new_url).content != response.content
    assert client.get(url)["Location"] == new_url


def staff_client(client, role):
    user = User.objects.create_user(username=role.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


def retitle(client, guide, title):
    change_url = reverse("admin:guides_guide_change", args=[guide.pk])
    data = change_form_data(client.get(change_url))
    data["title"] = title
    assert client.post(change_url, data).status_code == 302


def test_the_card_is_drawn_when_the_guide_is_saved_not_on_each_request(client, editorial_groups):
    staff_client(client, PUBLISHERS)
    guide = GuideFactory(title="How to Become a Tester")
    RoadmapStepFactory(guide=guide)
    retitle(client, guide, "How to Become a Test Engineer")
    card = GuideCard.objects.get(guide=guide)
    drawn_at = card.drawn_at
    client.logout()
    url = card_url(client, guide)
    assert url.endswith(f"?v={card.digest}")
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert GuideCard.objects.get(guide=guide).drawn_at == drawn_at


def test_an_editors_change_reaches_the_card_when_a_publisher_approves_it(client, editorial_groups):
    publisher = staff_client(Client(), PUBLISHERS)
    guide = GuideFactory(title="How to Become a Tester")
    RoadmapStepFactory(guide=guide)
    services.guides_card_draw(guides=Guide.objects.filter(pk=guide.pk))
    live_digest = GuideCard.objects.get(guide=guide).digest

    staff_client(client, EDITORS)
    retitle(client, guide, "How to Become a Test Engineer")
    # Pending: the card, like the page, still shows what readers see.
    assert GuideCard.objects.get(guide=guide).digest == live_digest

    change = PendingChange.objects.get()
    applied = GuideAdmin(Guide, None).moderation_applied
    pending_change_approve(change=change, user=publisher, applied=applied)
    card = GuideCard.objects.get(guide=guide)
    assert card.digest != live_digest
    guide = with_figures(Guide.objects.filter(pk=guide.pk)).get()
    assert guide.title == "How to Become a Test Engineer"
    assert card.digest == og_card.card_digest(og_card.card_content(guide, annotated_figures(guide)))


def test_load_demo_draws_every_demo_guides_card():
    call_command("load_demo", stdout=io.StringIO())
    assert GuideCard.objects.count() == Guide.objects.count() == 7
    for card in GuideCard.objects.all():
        assert Image.open(io.BytesIO(bytes(card.png))).size == (1200, 630)


def test_card_of_a_draft_or_unknown_guide_is_404(client):
    draft = GuideFactory(status=Publishable.Status.DRAFT)
    assert client.get(f"/guides/{draft.slug}/card.png").status_code == 404
    assert client.get("/guides/nobody/card.png").status_code == 404
    assert client.post(f"/guides/{draft.slug}/card.png").status_code == 405


def test_the_old_svg_address_moves_to_the_png(client):
    guide = GuideFactory()
    response = client.get(f"/guides/{guide.slug}/card.svg?v=123")
    assert response.status_code == 301
    assert response["Location"] == f"/guides/{guide.slug}/card.png"


def test_card_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    guide = GuideFactory(career=CareerFactory())
    for _ in range(5):
        RoadmapStepFactory(guide=guide)
    client.get(f"/guides/{guide.slug}/card.png")  # drawn once
    with django_assert_max_num_queries(CARD_QUERIES):
        assert client.get(f"/guides/{guide.slug}/card.png").status_code == 200

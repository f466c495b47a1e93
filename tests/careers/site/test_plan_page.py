"""/plan/: one page for every reader, which the reader's browser fills from its own storage."""

import pytest
from django.urls import reverse

from tests.factories import complete_guide

pytestmark = pytest.mark.django_db


def test_the_plan_page_explains_itself_and_loads_the_plan_scripts(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        response = client.get(reverse("careers:plan"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>My plan</h1>" in html
    assert "kept in your own browser" in html
    assert "needs JavaScript" in html
    assert html.index("js/plan_store") < html.index("js/plan_page")
    # The same empty page for everyone: nothing for search engines to index.
    assert '<meta name="robots" content="noindex">' in html
    assert not response.cookies


def test_the_plan_page_is_not_in_the_sitemap(client):
    complete_guide()
    assert "/plan/" not in client.get("/sitemap.xml").content.decode()


def test_every_page_links_to_the_plan_from_header_and_footer(client):
    guide = complete_guide()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert html.count('href="/plan/"') == 2  # header and footer
    assert 'data-plan-url="/plan/"' in html  # the roadmap's "See your whole plan"
    plan = client.get("/plan/").content.decode()
    assert '<a href="/plan/" aria-current="page">My plan</a>' in plan

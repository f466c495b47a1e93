"""Each page's JSON-LD parses, uses schema.org correctly and states only what the page shows."""

import pytest

from tests.browser import checks
from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

ALL = pytest.mark.parametrize("name", list(PAGES))


@pytest.fixture(scope="package")
def structured(loaded_pages):
    """{page name: (JSON-LD items, what the page shows)}; a block that does not parse fails."""
    return {
        name: (checks.json_ld(visit.page), checks.ShownFacts.of(visit.page))
        for name, visit in loaded_pages.items()
    }


@ALL
def test_json_ld_has_the_page_types_schema_org_types(structured, name):
    items, _ = structured[name]
    assert checks.types_of(items) == PAGES[name].json_ld


@ALL
def test_json_ld_follows_schema_org(structured, name):
    items, _ = structured[name]
    assert checks.schema_problems(items) == []


@ALL
def test_json_ld_states_only_what_the_page_shows(structured, name):
    items, facts = structured[name]
    assert checks.unshown_values(items, facts) == []


def _one(items, kind):
    [item] = [item for item in items if item.get("@type") == kind]
    return item


def test_guide_article_headline_is_the_pages_heading(structured, loaded_pages):
    items, _ = structured["guide"]
    heading = loaded_pages["guide"].page.locator("h1").inner_text()
    assert _one(items, "Article")["headline"] == checks.normalize_text(heading)


def test_guide_faq_page_has_every_question_the_page_shows(structured, loaded_pages):
    items, _ = structured["guide"]
    questions = [q["name"] for q in _one(items, "FAQPage")["mainEntity"]]
    faq = PAGES["guide"].disclosure
    shown = loaded_pages["guide"].page.locator(f"{faq} > summary").all_inner_texts()
    assert questions == [checks.normalize_text(text) for text in shown]


@pytest.mark.parametrize("name", [n for n, p in PAGES.items() if "BreadcrumbList" in p.json_ld])
def test_breadcrumbs_match_the_visible_trail(structured, loaded_pages, name):
    items, _ = structured[name]
    trail = loaded_pages[name].page.locator('nav[aria-label="Breadcrumb"] a')
    shown = [
        (checks.normalize_text(text), href)
        for text, href in zip(
            trail.all_inner_texts(),
            trail.evaluate_all("links => links.map(a => a.href)"),
            strict=True,
        )
    ]
    stated = [
        (crumb["name"], crumb.get("item"))
        for crumb in _one(items, "BreadcrumbList")["itemListElement"]
    ]
    assert stated == shown

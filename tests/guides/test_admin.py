"""Editors write, publishers publish; nothing an editor does loses work or breaks links."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from careers.core.publishing import Publishable
from careers.core.roles import EDITORS, PUBLISHERS
from guides.models import Guide
from tests.admin_forms import change_form_data
from tests.factories import (
    CareerFactory,
    GuideFactory,
    RoadmapStepFactory,
    SkillFactory,
    complete_guide,
)

pytestmark = pytest.mark.django_db


def staff(role: str) -> User:
    user = User.objects.create_user(username=role.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


@pytest.fixture
def editor_client(client):
    client.force_login(staff(EDITORS))
    return client


@pytest.fixture
def publisher_client(client):
    client.force_login(staff(PUBLISHERS))
    return client


def change_url(guide):
    return reverse("admin:guides_guide_change", args=[guide.pk])


def save(client, guide, **changes):
    data = change_form_data(client.get(change_url(guide)))
    data.update(changes)
    return client.post(change_url(guide), data)


def run_action(client, action, *guides):
    return client.post(
        reverse("admin:guides_guide_changelist"),
        {"action": action, "_selected_action": [g.pk for g in guides]},
        follow=True,
    )


def test_groups_hold_exactly_their_permissions():
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name=PUBLISHERS).permissions.values_list("codename", flat=True)
    )
    assert {"add_guide", "change_guide", "delete_roadmapstep"} <= editors
    assert not {"publish_guide", "delete_guide", "delete_career"} & editors
    assert {"publish_guide", "delete_guide", "delete_career"} <= publishers
    assert editors < publishers


def test_editor_cannot_change_status_or_publish(editor_client):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    page = editor_client.get(change_url(guide))
    assert "status" not in page.context["adminform"].form.fields
    response = save(editor_client, guide, status=Publishable.Status.PUBLISHED, title="Renamed")
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.title == "Renamed"
    assert guide.status == Publishable.Status.DRAFT

    response = run_action(editor_client, "publish", guide)
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.DRAFT
    assert editor_client.get(guide.get_absolute_url()).status_code == 200  # preview for staff


def test_editor_submits_for_review_and_the_action_is_logged(editor_client):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    run_action(editor_client, "submit_for_review", guide)
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.IN_REVIEW
    history = editor_client.get(reverse("admin:guides_guide_history", args=[guide.pk]))
    assert b"Submitted for review" in history.content


def test_editor_cannot_delete_a_guide(editor_client):
    guide = complete_guide()
    response = editor_client.get(reverse("admin:guides_guide_delete", args=[guide.pk]))
    assert response.status_code == 403


def test_publisher_publishes_and_the_guide_appears(publisher_client, client):
    guide = complete_guide(status=Publishable.Status.IN_REVIEW)
    response = run_action(publisher_client, "publish", guide)
    assert b"Published 1 guide" in response.content
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.PUBLISHED
    publisher_client.logout()
    assert client.get(guide.get_absolute_url()).status_code == 200
    assert guide.title.encode() in client.get("/guides/").content


def test_a_guide_without_steps_or_description_is_not_published(publisher_client):
    empty = GuideFactory(status=Publishable.Status.DRAFT, meta_description="")
    response = run_action(publisher_client, "publish", empty)
    empty.refresh_from_db()
    assert empty.status == Publishable.Status.DRAFT
    assert b"add at least one roadmap step" in response.content
    assert b"write a meta description" in response.content


def test_publishing_in_the_form_needs_a_step_and_a_description(publisher_client):
    guide = GuideFactory(status=Publishable.Status.DRAFT, meta_description="")
    response = save(publisher_client, guide, status=Publishable.Status.PUBLISHED)
    assert response.status_code == 200
    assert "meta description" in str(response.context["adminform"].form.errors)
    assert b"at least one roadmap step" in response.content
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.DRAFT


def test_reordering_steps_is_a_revision_that_can_be_reverted(publisher_client):
    guide = GuideFactory()
    first = RoadmapStepFactory(guide=guide, position=1, title="First")
    second = RoadmapStepFactory(guide=guide, position=2, title="Second")
    save(publisher_client, guide)  # the revision before the reorder
    prefix = "steps"
    data = change_form_data(publisher_client.get(change_url(guide)))
    forms = {data[f"{prefix}-{i}-id"]: i for i in range(2)}
    data[f"{prefix}-{forms[str(first.pk)]}-position"] = "2"
    data[f"{prefix}-{forms[str(second.pk)]}-position"] = "1"
    assert publisher_client.post(change_url(guide), data).status_code == 302
    assert list(guide.steps.values_list("title", flat=True)) == ["Second", "First"]

    versions = Version.objects.get_for_object(guide)
    assert versions.count() == 2
    earlier = versions.last()
    revert_url = reverse("admin:guides_guide_revision", args=[guide.pk, earlier.pk])
    data = change_form_data(publisher_client.get(revert_url))
    assert publisher_client.post(revert_url, data).status_code == 302
    assert list(guide.steps.values_list("title", flat=True)) == ["First", "Second"]


def test_a_deleted_guide_can_be_recovered(publisher_client):
    guide = complete_guide(parts=2)
    save(publisher_client, guide)
    publisher_client.post(reverse("admin:guides_guide_delete", args=[guide.pk]), {"post": "yes"})
    assert not Guide.objects.filter(pk=guide.pk).exists()
    version = Version.objects.get_deleted(Guide).get()
    recover_url = reverse("admin:guides_guide_recover", args=[version.pk])
    data = change_form_data(publisher_client.get(recover_url))
    assert publisher_client.post(recover_url, data).status_code == 302
    restored = Guide.objects.get(pk=guide.pk)
    assert restored.steps.count() == 2


def test_two_editors_cannot_overwrite_each_other(editor_client, publisher_client):
    guide = complete_guide()
    stale = change_form_data(editor_client.get(change_url(guide)))
    save(publisher_client, guide, title="Publisher's title")
    stale["title"] = "Editor's title"
    response = editor_client.post(change_url(guide), stale)
    assert response.status_code == 200
    assert "saved this page after you opened it" in str(response.context["adminform"].form.errors)
    guide.refresh_from_db()
    assert guide.title == "Publisher's title"


def test_changing_a_published_slug_keeps_the_old_address_working(publisher_client, client):
    guide = complete_guide(slug="old-address")
    save(publisher_client, guide, slug="new-address")
    response = client.get("/guides/old-address/")
    assert response.status_code == 301
    assert response["Location"] == "/guides/new-address/"
    save(publisher_client, Guide.objects.get(pk=guide.pk), slug="old-address")
    assert client.get("/guides/old-address/").status_code == 200
    assert client.get("/guides/new-address/").status_code == 301


def test_staff_preview_a_draft_with_a_banner_and_no_caching(editor_client):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    assert Client().get(guide.get_absolute_url()).status_code == 404
    response = editor_client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert b"Draft \xe2\x80\x94 not public" in response.content
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert b'name="robots" content="noindex' in response.content


def test_view_on_site_leads_to_the_preview(editor_client):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    page = editor_client.get(change_url(guide))
    assert b"View on site" in page.content
    response = editor_client.get(page.context["original"].get_absolute_url())
    assert response.status_code == 200


def test_content_health_lists_what_needs_attention(publisher_client):
    live = complete_guide(meta_description="")
    hidden = GuideFactory(status=Publishable.Status.DRAFT, title="How to Become Hidden")
    live.related_links.create(related=hidden, position=9)
    response = publisher_client.get(reverse("admin_content_health"))
    html = response.content.decode()
    assert "no meta description" in html
    assert "How to Become Hidden" in html


def test_repeated_failed_logins_lock_the_account(client, settings):
    User.objects.create_user(username="ed", password="right-password-123", is_staff=True)
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "ed", "password": "wrong"})
    response = client.post(login, {"username": "ed", "password": "right-password-123"})
    assert response.status_code == 429
    assert b"Sign-in paused" in response.content
    assert "_auth_user_id" not in client.session


def test_history_shows_what_each_revision_changed(editor_client):
    guide = GuideFactory(title="How to Become a Data Engineer")
    RoadmapStepFactory(guide=guide, position=1, title="Learn SQL")
    save(editor_client, guide)
    save(editor_client, Guide.objects.get(pk=guide.pk), title="How to Become a Data Wrangler")
    history = editor_client.get(reverse("admin:guides_guide_history", args=[guide.pk]))
    assert b"What changed" in history.content
    compare_url = history.context["compare_urls"]
    url = next(iter(compare_url.values()))
    page = editor_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "How to Become a Data Engineer" in html
    assert "How to Become a Data Wrangler" in html
    assert "Learn SQL" not in html  # unchanged parts are not listed


def test_comparing_junk_revisions_is_a_404(editor_client):
    guide = complete_guide()
    url = reverse("admin:guides_guide_compare", args=[guide.pk])
    assert editor_client.get(url, {"older": "x", "newer": "1"}).status_code == 404
    assert editor_client.get(url).status_code == 404


def test_a_new_guide_takes_its_careers_slug_not_one_made_from_its_title(publisher_client):
    career = CareerFactory(name="MLOps Engineer", slug="mlops-engineer")
    add_url = reverse("admin:guides_guide_add")
    page = publisher_client.get(add_url)
    assert page.context["adminform"].prepopulated_fields == []  # not from the title

    def add(year: int):
        data = change_form_data(publisher_client.get(add_url))
        data.update(
            career=career.pk,
            edition_year=year,
            title="How to Become an MLOps Engineer",
            slug="",
            intro="MLOps engineers keep models running.",
            status=Publishable.Status.DRAFT,
        )
        response = publisher_client.post(add_url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        return Guide.objects.get(career=career, edition_year=year)

    assert add(2026).slug == "mlops-engineer"
    assert add(2027).slug == "mlops-engineer-2027"  # the 2026 edition has the plain one


def inline_formsets(page) -> dict:
    return {f.opts.verbose_name_plural: f for f in page.context["inline_admin_formsets"]}


def test_technical_and_soft_skills_are_separate_sections(publisher_client):
    guide = complete_guide(parts=2)
    page = publisher_client.get(change_url(guide))
    sections = inline_formsets(page)
    technical, soft = sections["Technical skills (2)"], sections["Soft skills (2)"]
    assert {f.instance.kind for f in technical.formset.initial_forms} == {"technical"}
    assert {f.instance.kind for f in soft.formset.initial_forms} == {"soft"}

    # A new soft skill is soft, whatever kind the browser claims for it.
    data = change_form_data(page)
    prefix = soft.formset.prefix
    data[f"{prefix}-TOTAL_FORMS"] = "3"
    patience = SkillFactory(name="Patience")
    data.update({f"{prefix}-2-skill": str(patience.pk), f"{prefix}-2-kind": "technical"})
    assert publisher_client.post(change_url(guide), data).status_code == 302
    assert guide.skills.get(skill=patience).kind == "soft"


def test_long_sections_open_folded_with_their_count_and_one_with_errors_stays_open(
    publisher_client,
):
    guide = complete_guide(parts=4)
    page = publisher_client.get(change_url(guide))
    html = page.content.decode()
    steps = inline_formsets(page)["Roadmap steps (4)"]
    assert "collapse" in steps.classes
    assert steps.is_collapsible
    assert "Roadmap steps (4)" in html.split('id="steps-group"')[1].split("</summary>")[0]
    short = inline_formsets(publisher_client.get(change_url(complete_guide(parts=3))))
    assert not short["Roadmap steps (3)"].is_collapsible  # short sections stay open

    data = change_form_data(page)
    data["steps-0-title"] = ""  # an error in a folded section
    response = publisher_client.post(change_url(guide), data)
    assert response.status_code == 200
    assert not inline_formsets(response)["Roadmap steps (4)"].is_collapsible


def test_inline_rows_have_no_view_on_site_link(publisher_client):
    guide = complete_guide(status=Publishable.Status.DRAFT)
    html = publisher_client.get(change_url(guide)).content.decode()
    assert html.count("View on site") == 1  # the guide's own link only

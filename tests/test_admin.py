"""Smoke test: every admin changelist, add and change page opens, for each role."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from careers.core.roles import EDITORS, PUBLISHERS
from tests.factories import complete_guide
from tests.flashcards.factories import deck_with_cards
from tests.jobs.factories import JobListingFactory, JobSourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    guide = complete_guide(parts=2)
    deck_with_cards(career=guide.career, cards=2)
    JobListingFactory(career=guide.career)
    JobSourceFactory()
    return guide


def pages_open(client, user, rf, model_admin) -> int:
    """Open the admin's changelist, add and change pages as `user`; how many opened."""
    request = rf.get("/")
    request.user = user
    if not model_admin.has_view_or_change_permission(request):
        return 0
    opts = model_admin.model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    opened = 0
    for url, allowed in (
        (reverse(f"{base}_changelist"), True),
        (reverse(f"{base}_add"), model_admin.has_add_permission(request)),
    ):
        if allowed:
            assert client.get(url).status_code == 200, url
            opened += 1
    obj = model_admin.model.objects.first()
    if obj is not None:
        url = reverse(f"{base}_change", args=[obj.pk])
        assert client.get(url).status_code == 200, url
        opened += 1
    return opened


@pytest.mark.parametrize("role", [EDITORS, PUBLISHERS])
def test_every_admin_page_a_role_may_see_opens(editorial_groups, rf, guide, role):
    user = User.objects.create_user(username=role, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    opened = sum(
        pages_open(client, user, rf, model_admin) for model_admin in admin.site._registry.values()
    )
    # Categories, careers, guides, certifications, decks, cards, companies and job
    # listings, and skills: list, add and change page each; and the review queue's list.
    # Job sources: publishers add them, editors only see the list and each source.
    assert opened == (31 if role == PUBLISHERS else 30)


@pytest.mark.parametrize(
    "model_admin", admin.site._registry.values(), ids=lambda a: a.model._meta.label
)
def test_every_admin_page_opens(admin_client, admin_user, rf, guide, model_admin):
    request = rf.get("/")
    request.user = admin_user
    opts = model_admin.model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    assert admin_client.get(reverse(f"{base}_changelist")).status_code == 200
    if model_admin.search_fields:
        assert admin_client.get(reverse(f"{base}_changelist"), {"q": "a"}).status_code == 200
    if model_admin.has_add_permission(request):
        assert admin_client.get(reverse(f"{base}_add")).status_code == 200
    obj = model_admin.model.objects.first()
    if obj is not None:
        assert admin_client.get(reverse(f"{base}_change", args=[obj.pk])).status_code == 200


def test_content_health_page_opens(admin_client):
    response = admin_client.get(reverse("admin_content_health"))
    assert response.status_code == 200
    assert b"Figures due for review" in response.content

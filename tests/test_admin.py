"""Smoke test: every admin changelist, add and change page opens."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import complete_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return complete_guide(parts=2)


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

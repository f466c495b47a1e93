"""Smoke test: every admin changelist, add and change page opens for a superuser."""

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
def test_every_admin_page_opens(admin_client, guide, model_admin):
    opts = model_admin.model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    assert admin_client.get(reverse(f"{base}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"{base}_changelist"), {"q": "a"}).status_code == 200
    assert admin_client.get(reverse(f"{base}_add")).status_code == 200
    obj = model_admin.model.objects.first()
    if obj is not None:
        assert admin_client.get(reverse(f"{base}_change", args=[obj.pk])).status_code == 200

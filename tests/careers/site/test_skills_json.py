"""/skills.json: the skills file the browser's résumé matcher reads, the same for everyone."""

import pytest
from django.urls import reverse

from careers.core.changes import flush_pending
from careers.models import SkillAlias
from tests.careers.core.test_cache import hit, miss, page_cache  # noqa: F401 (a fixture)
from tests.factories import SkillFactory

pytestmark = pytest.mark.django_db


def test_every_skill_with_its_terms_and_flags(client, django_assert_max_num_queries):
    go = SkillFactory(name="Go", name_case_sensitive=True)
    SkillAlias.objects.create(skill=go, text="Golang")
    torch = SkillFactory(name="PyTorch")
    SkillAlias.objects.create(skill=torch, text="torch", whole_word=False)
    with django_assert_max_num_queries(2):
        response = client.get(reverse("careers:skills_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "Set-Cookie" not in response
    assert response.json() == {
        "skills": [
            {
                "slug": "go",
                "name": "Go",
                "url": "/skills/go/",
                "name_case_sensitive": True,
                "aliases": [{"text": "Golang", "case_sensitive": False, "whole_word": True}],
            },
            {
                "slug": "pytorch",
                "name": "PyTorch",
                "url": "/skills/pytorch/",
                "name_case_sensitive": False,
                "aliases": [{"text": "torch", "case_sensitive": False, "whole_word": False}],
            },
        ]
    }
    assert client.post(reverse("careers:skills_json")).status_code == 405


def test_the_file_is_cached_with_an_etag_until_a_skill_changes(page_cache, client):  # noqa: F811
    skill = SkillFactory(name="Python")
    first = miss(client.get("/skills.json"))
    etag = first["ETag"]
    assert hit(client.get("/skills.json", HTTP_IF_NONE_MATCH=etag)).status_code == 304
    skill.name = "Python 3"
    skill.save()
    flush_pending()  # as at the end of the editor's request
    again = miss(client.get("/skills.json"))
    assert again["ETag"] != etag
    assert again.json()["skills"][0]["name"] == "Python 3"

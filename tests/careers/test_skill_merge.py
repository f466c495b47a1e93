"""Merging one skill into another: every reference moves, the merged name becomes an
alias, one revision records it; only publishers may do it."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from reversion.models import Version

from careers.models import Skill, SkillAlias
from jobs.models import ListingSkill
from tests.factories import (
    CertificationFactory,
    GuideSkillFactory,
    RoadmapStepFactory,
    SkillFactory,
)
from tests.flashcards.factories import CardFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    keep = SkillFactory(name="Kubernetes")
    merged = SkillFactory(name="K8S platform")
    SkillAlias.objects.create(skill=merged, text="kube")
    link = GuideSkillFactory(skill=merged, note="expert")
    GuideSkillFactory(guide=link.guide, skill=keep, kind="soft")
    step = RoadmapStepFactory()
    step.skills.add(merged, keep)  # already has keep: not doubled
    CertificationFactory().skills.add(merged)
    card = CardFactory(tags="K8S platform")
    listing = JobListingFactory()
    ListingSkill.objects.create(listing=listing, skill=merged, detected=True)
    return keep, merged, step, card, listing


CHANGELIST = reverse("admin:careers_skill_changelist")


def ask_merge(client, *skills):
    """The changelist's action: the confirmation page, nothing merged yet."""
    return client.post(
        CHANGELIST, {"action": "merge_into", "_selected_action": [s.pk for s in skills]}
    )


def post_merge(client, keep, *skills):
    """The confirmation page sent back with `keep` (a pk, or any text) as the choice."""
    return client.post(
        CHANGELIST,
        {
            "action": "merge_into",
            "post": "yes",
            "keep": getattr(keep, "pk", keep),
            "_selected_action": [s.pk for s in skills],
        },
        follow=True,
    )


def staff(client, role):
    user = User.objects.create_user(username=role, password="x", is_staff=True)
    if role != "superuser":
        user.groups.add(Group.objects.get(name=role))
    else:
        user.is_superuser = True
        user.save()
    client.force_login(user)
    return user


def test_the_action_asks_first_with_each_skills_uses(client, editorial_groups, two):
    keep, merged, *_ = two
    staff(client, "Publishers")
    response = ask_merge(client, keep, merged)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Merge skills" in page
    assert "csrfmiddlewaretoken" in page
    assert page.count('type="radio" name="keep"') == 2
    assert f'value="{keep.pk}" id="keep-{keep.pk}"' in page
    table = page.split('id="content-main"')[1]
    rows = [" ".join(row.split()) for row in table.split("<tr>")[2:]]
    assert rows[0].startswith(f'<td><input type="radio" name="keep" value="{merged.pk}"')
    assert "K8S platform</label></th> <td>1</td><td>1</td><td>1</td><td>1</td>" in rows[0]
    assert "Kubernetes</label></th> <td>1</td><td>1</td><td>0</td><td>0</td>" in rows[1]
    assert "become aliases of the kept skill" in page
    assert "one revision" in page
    assert Skill.objects.filter(pk=merged.pk).exists()  # nothing merged yet
    assert Version.objects.get_for_object(keep).count() == 0


@pytest.mark.parametrize("role", ["Publishers", "superuser"])
def test_who_may_merge_moves_every_reference(client, editorial_groups, two, role):
    keep, merged, step, card, listing = two
    staff(client, role)
    response = post_merge(client, keep, keep, merged)
    assert "Merged K8S platform into Kubernetes" in response.content.decode()
    assert not Skill.objects.filter(pk=merged.pk).exists()
    assert keep.guide_links.count() == 2
    assert list(step.skills.all()) == [keep]
    assert keep.certifications.count() == 1
    assert list(card.skills.all()) == [keep]
    assert list(listing.skill_links.values_list("skill", "detected")) == [(keep.pk, True)]
    assert sorted(keep.aliases.values_list("text", flat=True)) == ["K8S platform", "kube"]
    versions = Version.objects.get_for_object(keep)
    assert versions.count() == 1
    assert "Merged “K8S platform”" in versions.get().revision.comment


def test_three_skills_merge_in_one_revision(client, editorial_groups, two):
    keep, merged, *_ = two
    third = SkillFactory(name="Kube")
    RoadmapStepFactory().skills.add(third)
    staff(client, "Publishers")
    post_merge(client, keep, merged, keep, third)
    assert list(Skill.objects.filter(pk__in=[keep.pk, merged.pk, third.pk])) == [keep]
    assert keep.roadmap_steps.count() == 2
    assert sorted(keep.aliases.values_list("text", flat=True)) == ["K8S platform", "kube"]
    comment = Version.objects.get_for_object(keep).get().revision.comment
    assert "“K8S platform”" in comment
    assert "“Kube”" in comment


def test_an_editor_cannot_merge(client, editorial_groups, two):
    keep, merged, *_ = two
    staff(client, "Editors")
    page = client.get(CHANGELIST).content.decode()
    assert "merge_into" not in page
    assert "Merge skills" not in ask_merge(client, keep, merged).content.decode()
    post_merge(client, keep, keep, merged)
    assert Skill.objects.filter(pk=merged.pk).exists()
    assert keep.guide_links.count() == 1


def test_staff_without_a_role_cannot_reach_it(client, editorial_groups, two):
    keep, merged, *_ = two
    user = User.objects.create_user(username="nobody", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 403
    assert post_merge(client, keep, keep, merged).status_code == 403
    assert Skill.objects.filter(pk=merged.pk).exists()


def test_the_merge_needs_the_csrf_token(editorial_groups, two):
    from django.test import Client

    keep, merged, *_ = two
    client = Client(enforce_csrf_checks=True)
    staff(client, "Publishers")
    assert post_merge(client, keep, keep, merged).status_code == 403
    assert Skill.objects.filter(pk=merged.pk).exists()


@pytest.mark.parametrize(
    ("pick", "message"),
    [
        ("", "Pick the skill to keep: nothing was merged."),
        ("other", "must be one of the selected skills: nothing was merged."),
        ("nonsense", "must be one of the selected skills: nothing was merged."),
    ],
)
def test_a_bad_pick_changes_nothing(client, editorial_groups, two, pick, message):
    keep, merged, *_ = two
    other = SkillFactory(name="Docker")
    staff(client, "Publishers")
    keep_value = {"other": other.pk, "nonsense": "1; DROP", "": ""}[pick]
    response = post_merge(client, keep_value, keep, merged)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert page.count('type="radio" name="keep"') == 2  # asked again
    assert Skill.objects.filter(pk__in=[keep.pk, merged.pk, other.pk]).count() == 3
    assert keep.guide_links.count() == 1
    assert Version.objects.count() == 0


def test_one_skill_alone_is_not_merged(client, editorial_groups, two):
    keep, *_ = two
    staff(client, "Publishers")
    response = client.post(
        CHANGELIST, {"action": "merge_into", "_selected_action": [keep.pk]}, follow=True
    )
    assert "Select at least two skills" in response.content.decode()

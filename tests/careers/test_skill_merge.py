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


def post_merge(client, keep_name, *skills):
    return client.post(
        reverse("admin:careers_skill_changelist"),
        {"action": "merge_into", "keep": keep_name, "_selected_action": [s.pk for s in skills]},
        follow=True,
    )


def staff(client, role):
    user = User.objects.create_user(username=role, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


def test_a_publisher_merges_and_every_reference_moves(client, editorial_groups, two):
    keep, merged, step, card, listing = two
    staff(client, "Publishers")
    response = post_merge(client, "kubernetes", merged)
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


def test_an_editor_cannot_merge(client, editorial_groups, two):
    keep, merged, *_ = two
    staff(client, "Editors")
    page = client.get(reverse("admin:careers_skill_changelist")).content.decode()
    assert "merge_into" not in page
    post_merge(client, "Kubernetes", merged)
    assert Skill.objects.filter(pk=merged.pk).exists()
    assert keep.guide_links.count() == 1


def test_an_unknown_skill_to_keep_changes_nothing(client, editorial_groups, two):
    _, merged, *_ = two
    staff(client, "Publishers")
    response = post_merge(client, "Nothing like it", merged)
    assert "No skill is named “Nothing like it”" in response.content.decode()
    assert Skill.objects.filter(pk=merged.pk).exists()

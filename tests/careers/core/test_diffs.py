"""The diff a publisher reads: fields, rows added, removed, moved and changed, words marked."""

import pytest

from careers.core.diffs import item_diff, word_diff
from careers.core.revisions import item_versions, object_key
from guides.models import RoadmapStep
from tests.factories import (
    CertificationFactory,
    GuideCertificationFactory,
    GuideFactory,
    RoadmapStepFactory,
)

pytestmark = pytest.mark.django_db


def diff_after(guide, edit):
    before = item_versions(guide)
    edit()
    return item_diff(before=before, after=item_versions(guide), item_key=object_key(guide))


def rows(diff) -> dict:
    return {row.label: row for part in diff.parts for row in part.rows}


def test_words_that_changed_are_marked_and_everything_is_escaped():
    before, after = word_diff(
        "Learn <b>SQL</b> and Python first", "Learn <script>x</script> and Python well"
    )
    assert before == "Learn <del>&lt;b&gt;SQL&lt;/b&gt;</del> and Python <del>first</del>"
    assert after == ("Learn <ins>&lt;script&gt;x&lt;/script&gt;</ins> and Python <ins>well</ins>")


def test_item_fields_show_before_and_after_with_their_labels():
    guide = GuideFactory(
        title="How to Become a Data Engineer",
        edition_year=2026,
        intro="Data engineers build pipelines that analysts use.",
    )

    def edit():
        guide.title = "How to Become a Great Data Engineer"
        guide.edition_year = 2027
        guide.intro = "Data engineers build reliable pipelines that analysts trust."
        guide.save()

    diff = diff_after(guide, edit)
    fields = {field.label: field for field in diff.fields}
    assert set(fields) == {"Title", "Edition year", "Intro"}
    assert (fields["Edition year"].before, fields["Edition year"].after) == ("2026", "2027")
    # Short text reads whole; in long text the words that changed are marked.
    assert fields["Title"].after == "How to Become a Great Data Engineer"
    assert fields["Intro"].before == "Data engineers build pipelines that analysts <del>use.</del>"
    assert fields["Intro"].after == (
        "Data engineers build <ins>reliable</ins> pipelines that analysts <ins>trust.</ins>"
    )
    assert "Prerequisite note" not in fields  # unchanged
    assert "Updated at" not in fields  # what the site keeps is not an editor's change


def test_one_step_dragged_to_the_top_is_one_move_not_a_shift_of_all():
    guide = GuideFactory()
    steps = [RoadmapStepFactory(guide=guide, position=n, title=f"Step {n}") for n in (1, 2, 3, 4)]

    def edit():
        for position, step in enumerate([steps[3], *steps[:3]], start=1):
            RoadmapStep.objects.filter(pk=step.pk).update(position=position)

    changed = rows(diff_after(guide, edit))
    assert list(changed) == ["Step 4"]
    assert (changed["Step 4"].status, changed["Step 4"].position) == ("moved", "4 → 1")


def test_rows_added_removed_and_changed_each_say_so():
    guide = GuideFactory()
    kept = RoadmapStepFactory(guide=guide, position=1, title="Kept", duration_min=2)
    gone = RoadmapStepFactory(guide=guide, position=2, title="Gone")
    old_link = GuideCertificationFactory(guide=guide, certification__name="Old cert")
    new_cert = CertificationFactory(name="New cert")

    def edit():
        kept.duration_min = 1
        kept.save()
        gone.delete()
        RoadmapStepFactory(guide=guide, position=3, title="Added")
        old_link.certification = new_cert
        old_link.save()

    diff = diff_after(guide, edit)
    changed = rows(diff)
    assert changed["Kept"].status == "changed"
    assert [(f.label, f.before, f.after) for f in changed["Kept"].fields] == [
        ("Duration min", "2", "1")
    ]
    assert changed["Gone"].status == "removed"
    assert changed["Added"].status == "added"
    certification = changed["New cert"].fields[0]
    assert (certification.before, certification.after) == ("Old cert", "New cert")
    assert [part.kind for part in diff.parts] == ["Roadmap steps", "Recommended certifications"]


def test_nothing_changed_is_an_empty_diff():
    guide = GuideFactory()
    RoadmapStepFactory(guide=guide)
    assert not diff_after(guide, lambda: None)

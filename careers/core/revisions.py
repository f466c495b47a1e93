"""What changed between two revisions of an item, its parts included."""

from dataclasses import dataclass, field

from reversion.models import Version

# Derived or bookkeeping fields: never what an editor changed.
IGNORED_SUFFIXES = ("_html",)
IGNORED_FIELDS = {"id", "created_at", "updated_at", "search_text", "search_vector"}


@dataclass
class ObjectChange:
    kind: str  # the model's verbose name, e.g. "roadmap step"
    label: str  # the object as it reads, e.g. "Learn SQL"
    status: str  # "added", "removed" or "changed"
    fields: list[tuple[str, object, object]] = field(default_factory=list)  # (name, old, new)


def _snapshot(version: Version) -> dict:
    """{(content type id, object id): version} for every object saved in the revision."""
    return {
        (v.content_type_id, v.object_id): v
        for v in version.revision.version_set.select_related("content_type")
    }


def _fields(version: Version) -> dict:
    return {
        name: value
        for name, value in version.field_dict.items()
        if name not in IGNORED_FIELDS and not name.endswith(IGNORED_SUFFIXES)
    }


def _kind(version: Version) -> str:
    model = version.content_type.model_class()
    return model._meta.verbose_name if model else version.content_type.model


def revision_changes(*, older: Version, newer: Version) -> list[ObjectChange]:
    """Every object added, removed or changed from `older` to `newer`, item first."""
    before, after = _snapshot(older), _snapshot(newer)
    changes = []
    for key in [newer_key for newer_key in after if newer_key not in before]:
        changes.append(ObjectChange(_kind(after[key]), after[key].object_repr, "added"))
    for key in [older_key for older_key in before if older_key not in after]:
        changes.append(ObjectChange(_kind(before[key]), before[key].object_repr, "removed"))
    for key in [k for k in after if k in before]:
        old, new = _fields(before[key]), _fields(after[key])
        differences = [
            (name, old.get(name), new.get(name))
            for name in sorted(old.keys() | new.keys())
            if old.get(name) != new.get(name)
        ]
        if differences:
            changes.append(
                ObjectChange(_kind(after[key]), after[key].object_repr, "changed", differences)
            )
    item_key = (newer.content_type_id, newer.object_id)
    changes.sort(key=lambda change: (change.label != after[item_key].object_repr, change.kind))
    return changes

"""What differs between two states of an item with its parts, as an editor reads it.

Both sides are lists of django-reversion Versions (a revision, or the live rows
serialized the same way). The item is compared field by field; its parts row by
row: added, removed, moved (their order among the rows on both sides changed)
and changed, field by field. Long text shows the words that changed, removed
ones in <del> on the left and added ones in <ins> on the right. Every value is
escaped; the only markup is ours.
"""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from reversion.models import Version

from careers.core.revisions import PUBLISHING_FIELDS, Key, part_models, version_key

ORDER_FIELD = "position"  # how every part of an item is ordered
LONG_TEXT = 80  # characters: text this long (or any TextField) shows the words that changed
EMPTY = "—"


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str  # long text: a SafeString, the removed words in <del>
    after: str  # ... and the added words in <ins>


@dataclass
class RowChange:
    label: str
    status: str  # "added", "removed", "moved", "changed" or "moved and changed"
    fields: list[FieldChange] = field(default_factory=list)
    position: str = ""  # "3 → 1" for a moved row


@dataclass
class PartsChange:
    kind: str  # "Roadmap steps"
    rows: list[RowChange]


@dataclass
class ItemDiff:
    fields: list[FieldChange]
    parts: list[PartsChange]

    def __bool__(self) -> bool:
        return bool(self.fields or self.parts)


@dataclass(frozen=True)
class _State:
    model: type[models.Model]
    label: str
    values: dict

    @property
    def position(self):
        return self.values.get(ORDER_FIELD)


def _states(versions: Iterable[Version]) -> dict[Key, _State]:
    states = {}
    for version in versions:
        model = version._model
        if model is not None:
            states[version_key(version)] = _State(model, version.object_repr, version.field_dict)
    return states


def _shown_fields(model: type[models.Model], parent: type[models.Model] | None) -> list:
    """What an editor writes in the model: not ids, the link to the item, the order
    (shown as a move), the publishing state or anything the site derives."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable
        and not f.primary_key
        and f.name not in (ORDER_FIELD, *PUBLISHING_FIELDS)
        and not (parent is not None and f.is_relation and f.related_model is parent)
    ]


class _Labels(dict):
    """What a reference reads as ("AWS Certified ML Engineer"), looked up once per diff."""

    def __missing__(self, key):
        model, pk = key
        obj = model._base_manager.filter(pk=pk).first()
        self[key] = str(obj) if obj is not None else f"#{pk} (deleted)"
        return self[key]


def _display(f: models.Field, value, labels: _Labels) -> str:
    if value in (None, ""):
        return EMPTY
    if f.is_relation:
        return labels[f.related_model, value]
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(f, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(f, models.DateField):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


_TOKENS = re.compile(r"(\s+)")


_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


def _marked(tag: str, text: str) -> str:
    """`text` escaped, in <tag> but for the spaces around it."""
    lead, core, trail = _EDGES.match(text).groups()
    if not core:
        return escape(text)
    return f"{escape(lead)}<{tag}>{escape(core)}</{tag}>{escape(trail)}"


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString]:
    """Both texts, escaped: words only `before` has in <del>, those only `after` has in <ins>."""
    old, new = _TOKENS.split(before), _TOKENS.split(after)
    marked_old, marked_new = [], []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if tag == "equal":
            marked_old.append(escape(removed))
            marked_new.append(escape(added))
            continue
        marked_old.append(_marked("del", removed))
        marked_new.append(_marked("ins", added))
    # Every piece of text is escaped above; the only markup is ours.
    return mark_safe("".join(marked_old)), mark_safe("".join(marked_new))  # noqa: S308


def _is_long_text(f: models.Field, old, new) -> bool:
    if f.choices or not isinstance(f, models.CharField | models.TextField) or not (old and new):
        return False
    return isinstance(f, models.TextField) or max(len(old), len(new)) > LONG_TEXT


def _field_changes(fields: list, before: dict, after: dict, labels: _Labels) -> list[FieldChange]:
    changes = []
    for f in fields:
        old, new = before.get(f.attname), after.get(f.attname)
        if old == new:
            continue
        shown_old, shown_new = _display(f, old, labels), _display(f, new, labels)
        if _is_long_text(f, old, new):
            shown_old, shown_new = word_diff(old, new)
        changes.append(FieldChange(capfirst(f.verbose_name), shown_old, shown_new))
    return changes


def _moved(before: list[Key], after: list[Key]) -> set[Key]:
    """Rows on both sides whose order among those rows changed (outside the longest run
    kept in order), so one row dragged to the top is one move, not a shift of all."""
    common = set(before) & set(after)
    old = [key for key in before if key in common]
    new = [key for key in after if key in common]
    kept = set()
    for block in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        kept.update(old[block.a : block.a + block.size])
    return common - kept


def _ordered(states: dict[Key, _State], model) -> list[Key]:
    keys = [key for key, state in states.items() if state.model is model]
    return sorted(
        keys, key=lambda key: (states[key].position or 0, int(key[1]) if key[1].isdigit() else 0)
    )


def _parts_change(model, parent, before: dict, after: dict, labels: _Labels) -> PartsChange | None:
    fields = _shown_fields(model, parent)
    old_order, new_order = _ordered(before, model), _ordered(after, model)
    moved = _moved(old_order, new_order)
    place = {key: index for index, key in enumerate(old_order, start=1)}
    rows = []
    for index, key in enumerate(new_order, start=1):
        state = after[key]
        if key not in before:
            rows.append(
                RowChange(state.label, "added", _field_changes(fields, {}, state.values, labels))
            )
            continue
        changes = _field_changes(fields, before[key].values, state.values, labels)
        status = " and ".join(
            word for word, flag in (("moved", key in moved), ("changed", changes)) if flag
        )
        if status:
            position = f"{place[key]} → {index}" if key in moved else ""
            rows.append(RowChange(state.label, status, changes, position))
    rows += [RowChange(before[key].label, "removed") for key in old_order if key not in after]
    if not rows:
        return None
    return PartsChange(capfirst(model._meta.verbose_name_plural), rows)


def item_diff(*, before: Iterable[Version], after: Iterable[Version], item_key: Key) -> ItemDiff:
    """What differs from `before` to `after` (either may lack the item: nothing, or gone)."""
    old, new = _states(before), _states(after)
    item_state = new.get(item_key) or old.get(item_key)
    if item_state is None:
        return ItemDiff([], [])
    parent, labels = item_state.model, _Labels()
    fields = _field_changes(
        _shown_fields(parent, None),
        old[item_key].values if item_key in old else {},
        new[item_key].values if item_key in new else {},
        labels,
    )
    present = {state.model for key, state in (*old.items(), *new.items()) if key != item_key}
    parts = [
        _parts_change(model, parent, old, new, labels)
        for model in part_models(parent)
        if model in present
    ]
    return ItemDiff(fields, [change for change in parts if change is not None])

"""Revisions of an item with all its parts, kept beside the live rows or restored over them.

django-reversion saves an item and every part its registration follows (a
guide's steps, a deck's cards) as one Revision. A pending change is such a
revision that is not live: `item_versions` serializes an item the way reversion
would, and `revision_apply` restores a revision over the live rows.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import IntegrityError, connection, router, transaction
from django.db.models import Model
from django.db.models.deletion import Collector
from django.utils import timezone
from reversion.models import Version

# The two steps django-reversion itself takes to save and restore a revision: which
# objects an item's revision holds (its registration's `follow`) and how each is
# serialized. Using them keeps a pending revision exactly like any other.
from reversion.revisions import _follow_relations_recursive, _get_options

PUBLISHING_FIELDS = ("status", "publish_from", "publish_until")
Key = tuple[int, str]  # (content type id, object id), as a Version names an object


class RevisionNotApplied(Exception):
    """A revision could not be restored; the transaction must be rolled back. Says why."""


def object_key(obj: Model) -> Key:
    return ContentType.objects.get_for_model(obj).pk, str(obj.pk)


def version_key(version: Version) -> Key:
    return version.content_type_id, version.object_id


def followed(item: Model) -> dict[Key, Model]:
    """The item and every part its revisions hold, as they are in the database now."""
    return {object_key(obj): obj for obj in _follow_relations_recursive(item)}


def part_models(model: type[Model]) -> list[type[Model]]:
    """The models of an item's parts, in the order its registration follows them (the
    admin's inlines: a guide's steps, skills, paths, ...)."""
    return [model._meta.get_field(name).related_model for name in _get_options(model).follow]


def item_versions(item: Model) -> list[Version]:
    """The item with all its parts as unsaved Versions, item first, exactly as
    django-reversion would save them in a revision."""
    versions = []
    for obj in sorted(followed(item).values(), key=lambda o: (o is not item, object_key(o))):
        options = _get_options(type(obj))
        versions.append(
            Version(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=str(obj.pk),
                db=router.db_for_write(type(obj)),
                format=options.format,
                serialized_data=serializers.serialize(
                    options.format,
                    (obj,),
                    fields=options.fields,
                    use_natural_foreign_keys=options.use_natural_foreign_keys,
                ),
                object_repr=str(obj),
            )
        )
    return versions


def kept_live(model: type[Model]) -> list[str]:
    """Fields a restored revision never sets: the publishing state (a publisher sets it)
    and what the site keeps by itself (a listing's clicks, the search index), but not
    the HTML rendered from the text the revision holds."""
    return [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key
        and f.name != "updated_at"
        and (f.name in PUBLISHING_FIELDS or not f.editable)
        and not f.name.endswith("_html")
    ]


def field_values(obj: Model) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def _save_all(objects: list, *, item_key: Key) -> None:
    """Save deserialized objects, retrying those that clash with a row saved later in the
    list. Parts that swap a unique value (two skills trading names) clash whatever the
    order: their rows are deleted and written afresh, with the same ids."""
    waiting, freed = objects, False
    while waiting:
        failed = []
        for deserialized in waiting:
            try:
                with transaction.atomic():
                    deserialized.save()
            except IntegrityError:
                failed.append(deserialized)
        if len(failed) == len(waiting):
            parts = [d.object for d in failed if object_key(d.object) != item_key]
            if freed or not parts:
                raise RevisionNotApplied(
                    f"“{failed[0].object}” clashes with another part or item (the same name "
                    "or address is taken)."
                )
            for part in parts:
                type(part)._base_manager.filter(pk=part.pk).delete()
            freed = True
        waiting = failed


def _delete(objects: list[Model]) -> None:
    by_model = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    collector = Collector(using=router.db_for_write(type(objects[0])))
    for group in by_model.values():
        collector.collect(group)
    collector.delete()


def revision_apply(item: Model, versions: Iterable[Version], *, touch: bool) -> Model:
    """Make the item and its parts what `versions` hold, in the caller's transaction;
    returns the item as saved.

    Parts the revision lacks are deleted; parts it adds keep their ids unless another
    row took the id meanwhile (SQLite reuses ids a rolled-back savepoint handed out).
    The live publishing state and site-kept fields stay; `touch` dates the item now
    (an approval), otherwise it keeps the date the revision holds (a working copy, so
    the form's no-lost-work check sees the change it was opened on).
    """
    model = type(item)
    live_item = model._base_manager.select_for_update().get(pk=item.pk)
    live = followed(live_item)
    item_key = object_key(live_item)
    wanted = {version_key(version): version for version in versions}
    if item_key not in wanted:
        raise RevisionNotApplied(f"The revision does not hold “{live_item}”.")
    gone = [obj for key, obj in live.items() if key not in wanted]
    if gone:
        _delete(gone)
    objects = []
    for key, version in wanted.items():
        deserialized = next(
            serializers.deserialize(version.format, version.serialized_data, ignorenonexistent=True)
        )
        obj = deserialized.object
        if key == item_key:
            for name in kept_live(model):
                setattr(obj, name, getattr(live_item, name))
            if touch and hasattr(obj, "updated_at"):
                obj.updated_at = timezone.now()
            objects.insert(0, deserialized)
            continue
        if key not in live and type(obj)._base_manager.filter(pk=obj.pk).exists():
            obj.pk = None
        objects.append(deserialized)
    _save_all(objects, item_key=item_key)
    return model._base_manager.get(pk=item.pk)


def constraints_checked() -> None:
    """Deferred constraints (positions, references) must hold now rather than at commit."""
    try:
        with transaction.atomic():
            connection.check_constraints()
    except IntegrityError:
        raise RevisionNotApplied(
            "It refers to something that no longer exists, or gives two parts one position."
        ) from None

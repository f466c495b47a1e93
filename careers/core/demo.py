"""What every app's demo loader shares: reading its data files, and creating only
what is missing.

Demo content lives as YAML files beside each app (`guides/demo/*.yaml`, ...),
so editors and developers can read and fix it without reading Python. Each
app's loader matches every object by its natural key and leaves what exists
exactly as an editor left it, parts included; only what is missing is created,
and every new object passes `full_clean()` first, so the demo data also proves
the validation rules.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from django.db.models import Model

M = TypeVar("M", bound=Model)


@dataclass
class DemoLoadResult:
    """How many objects of each model one app's loader created, and how many it found.

    Keys are model names ("guide", "roadmapstep", ...). `model` is the one the
    summary line counts first; parts of an object that already exists are
    neither created nor counted.
    """

    label: str  # "guides"
    model: str  # "guide"
    created: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def create(self, obj: M) -> M:
        """Validate and save a new object, and count it."""
        obj.full_clean()
        obj.save()
        self.created[obj._meta.model_name] += 1
        return obj

    def create_ordered(self, model: type[M], specs: list[dict], **shared) -> list[M]:
        """Create one object a spec, numbered by `position` from 1 in the specs' order."""
        return [
            self.create(model(position=position, **shared, **spec))
            for position, spec in enumerate(specs, start=1)
        ]

    def found(self, obj: M) -> M:
        """Count an object that was already there, and use it as it is."""
        self.skipped[obj._meta.model_name] += 1
        return obj

    def summary(self) -> str:
        """ "Demo guides: created 7, skipped 0 that already exist; also created 42 steps." """
        skipped = self.skipped[self.model]
        line = (
            f"Demo {self.label}: created {self.created[self.model]}, skipped {skipped} that "
            f"already {'exists' if skipped == 1 else 'exist'}"
        )
        extras = [
            f"{count} {_plural(name, count)}"
            for name, count in self.created.items()
            if name != self.model and count
        ]
        if extras:
            line += "; also created " + ", ".join(extras)
        return line + "."


_PLURALS = {
    "category": "categories",
    "salaryfigure": "salary figures",
    "company": "companies",
    "skillalias": "skill aliases",
}


def _plural(model_name: str, count: int) -> str:
    if count == 1:
        return model_name
    return _PLURALS.get(model_name, model_name + "s")


def demo_data(path: Path) -> Any:
    """One demo file's content (YAML: plain data, dates as dates)."""
    with path.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def demo_files(folder: Path, *, exclude: list[str] = ()) -> list[Any]:
    """Every demo file in `folder` (but those named in `exclude`), by file name."""
    return [demo_data(path) for path in sorted(folder.glob("*.yaml")) if path.name not in exclude]

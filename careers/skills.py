"""Finding skills in text (a listing's title and description, a pasted résumé).

Each skill is found under its name and its aliases, each a *term* with two flags:
case-sensitive ("Go" but not the verb "go") and whole-word ("SQL" but not inside
"NoSQL"). The rules stay few and plain so that the browser can apply the same ones
(`term_pattern` returns a regular expression that JavaScript reads alike):

- A whole-word term may not touch a letter, digit or underscore on either side, nor
  `+`, `#` or `&` after it and `&` before it: "C" is not found in "C++", "C#" or
  "R&D"'s "R". A letter right after a dot before it does not start a word
  ("js" is not in "Next.js"). A term that ends in a symbol may be followed by digits
  ("C++17").
- Spaces and hyphens inside a term match any run of spaces or hyphens
  ("machine learning" finds "machine-learning").
- A term of three characters or more that ends in a letter also finds its plural
  ("LLMs", "data pipelines").
- A case-sensitive term written with a capital and then small letters ("Go") is not
  found where a sentence starts, since every word is capitalised there.

`tests/careers/skill_matching_cases.json` is the table of tricky sentences both sides
are tested against.
"""

import functools
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

WORD = "A-Za-z0-9_"
# Characters a regular expression gives a meaning to, in Python and in JavaScript alike.
_SPECIAL = set("\\^$.|?*+()[]{}/")
_SEPARATOR = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class SkillTerm:
    """One way text names a skill: its name or one alias."""

    skill: Hashable  # what a match reports: a skill's id, or a key in a test table
    text: str
    case_sensitive: bool = False
    whole_word: bool = True


def _parts(term: SkillTerm) -> tuple[list[str], str, str, str]:
    """A term as (its characters and separators as pattern pieces, what may precede it,
    its plural ending, what may follow it)."""
    text = term.text.strip()
    pieces: list[str] = []
    for number, part in enumerate(part for part in _SEPARATOR.split(text) if part):
        if number:
            pieces.append(r"[\s-]+")
        pieces += [f"\\{char}" if char in _SPECIAL else char for char in part]
    plural = "(?:e?s)?" if len(text) >= 3 and text[-1].isalpha() else ""
    if not term.whole_word:
        return pieces, "", plural, ""
    before = f"(?<![{WORD}&])(?<![{WORD}]\\.)"
    if term.case_sensitive and text[:1].isupper() and any(c.islower() for c in text[1:]):
        before += r"(?<!^)(?<!\n)(?<![.!?]\s)"
    ends_in_word = text[-1:].isalnum() or text.endswith("_")
    after = f"(?![{WORD}+#&])" if ends_in_word else "(?![A-Za-z_])"
    return pieces, before, plural, after


def term_pattern(term: SkillTerm) -> str:
    """The regular expression (Python and JavaScript syntax alike) that finds one term."""
    pieces, before, plural, after = _parts(term)
    return before + "".join(pieces) + plural + after


def _trie_pattern(entries: list[tuple[list[str], str, int]]) -> str:
    """One expression for many terms that share what may precede them, as a trie of their
    characters (a plain alternation of hundreds of terms is tried term by term at every
    position of the text; the trie is tried character by character). Each term ends in
    an empty group named after its index, which tells which one matched. Longer terms
    are tried before the shorter ones they start with ("C++" before "C")."""
    trie: dict = {}
    for pieces, ending, index in entries:
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node.setdefault(None, []).append(f"{ending}(?P<t{index}>)")

    def render(node: dict) -> str:
        branches = [piece + render(child) for piece, child in node.items() if piece is not None]
        branches += node.get(None, [])
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(trie)


class SkillMatcher:
    """Finds the skills of many terms in a text; build it once per set of terms."""

    def __init__(self, terms: Iterable[SkillTerm]):
        self.terms = sorted({term for term in terms if term.text.strip()}, key=lambda t: t.text)
        groups: dict[tuple[bool, str], list] = {}
        for index, term in enumerate(self.terms):
            pieces, before, plural, after = _parts(term)
            if not term.case_sensitive:
                pieces = [piece.lower() for piece in pieces]
            groups.setdefault((term.case_sensitive, before), []).append(
                (pieces, plural + after, index)
            )
        self._expressions = [
            re.compile(before + _trie_pattern(entries), 0 if case_sensitive else re.IGNORECASE)
            for (case_sensitive, before), entries in groups.items()
        ]

    def matches(self, text: str) -> list[tuple[int, int, Hashable]]:
        """(start, end, skill) of every term found, left to right, none overlapping: where
        two overlap, the one that starts first, then the longer, wins."""
        found = []
        for expression in self._expressions:
            for match in expression.finditer(text):
                term = self.terms[int(match.lastgroup[1:])]
                found.append((match.start(), match.end(), term.skill))
        found.sort(key=lambda item: (item[0], item[0] - item[1]))
        kept, reached = [], 0
        for start, end, skill in found:
            if start >= reached:
                kept.append((start, end, skill))
                reached = end
        return kept

    def find(self, text: str) -> list[Hashable]:
        """The skills named in the text, each once, in the order they first appear."""
        return list(dict.fromkeys(skill for _, _, skill in self.matches(text)))


def skill_terms_of(skill: Hashable, name: str, name_case_sensitive: bool, aliases) -> list:
    """A skill's terms: its name, then each alias as (text, case_sensitive, whole_word)."""
    return [SkillTerm(skill, name, name_case_sensitive, True)] + [
        SkillTerm(skill, text, case_sensitive, whole_word)
        for text, case_sensitive, whole_word in aliases
    ]


def skill_terms() -> tuple[SkillTerm, ...]:
    """Every skill's terms, keyed by skill id (two queries)."""
    from careers.models import Skill, SkillAlias

    aliases: dict[int, list] = {}
    for row in SkillAlias.objects.order_by("pk").values_list(
        "skill_id", "text", "case_sensitive", "whole_word"
    ):
        aliases.setdefault(row[0], []).append(row[1:])
    terms = []
    for pk, name, name_case_sensitive in Skill.objects.order_by("pk").values_list(
        "pk", "name", "name_case_sensitive"
    ):
        terms += skill_terms_of(pk, name, name_case_sensitive, aliases.get(pk, []))
    return tuple(terms)


@functools.lru_cache(maxsize=4)
def _matcher(terms: tuple[SkillTerm, ...]) -> SkillMatcher:
    return SkillMatcher(terms)


def skill_matcher() -> SkillMatcher:
    """The matcher of every skill as the database has them now (two queries). Compiled
    once for each set of names and aliases, so once per change to them, not per call."""
    return _matcher(skill_terms())


def skill_slug(name: str) -> str:
    """An address for a skill's page that keeps "C", "C++" and "C#" apart."""
    from django.utils.text import slugify

    spelled = name.strip().replace("+", " plus ").replace("#", " sharp ")
    if spelled.startswith("."):
        spelled = "dot " + spelled[1:]
    return slugify(spelled)[:80].strip("-") or "skill"


_NOTE = re.compile(r"^(?P<name>.*?)\s*\((?P<note>[^()]*)\)$")


class SkillsFromText:
    """Turns free text typed before skills existed (a guide's "Python (expert)", a card's
    tag "python") into skills, for a data migration: names that differ only in case merge
    into one skill, a closing "(…)" becomes the link's note, and `report()` says what
    merged. `skill_model` is the model as the migration sees it; with `alias_model`, a
    text that is a skill's alias finds that skill too."""

    def __init__(self, skill_model, alias_model=None):
        self.model = skill_model
        self.by_name = {}
        if alias_model is not None:
            for alias in alias_model.objects.select_related("skill"):
                self.by_name.setdefault(alias.text.casefold(), alias.skill)
        self.by_name.update({skill.name.casefold(): skill for skill in skill_model.objects.all()})
        self.existing = {skill.pk for skill in self.by_name.values()}
        self.slugs = set(skill_model.objects.values_list("slug", flat=True))
        self.sources: dict[str, list[str]] = {}

    def skill(self, text: str, *, where: str, with_note: bool = True):
        """(skill, note) for one piece of free text, creating the skill the first time.
        Without a note to keep it in, "(…)" stays part of the name."""
        text = " ".join(text.split())
        found = _NOTE.match(text) if with_note else None
        name, note = (
            (found["name"], found["note"].strip()) if found and found["name"] else (text, "")
        )
        name = name[:80]
        skill = self.by_name.get(name.casefold())
        if skill is None:
            slug, number = skill_slug(name), 2
            while slug in self.slugs:
                slug, number = f"{skill_slug(name)[:76]}-{number}", number + 1
            skill = self.model.objects.create(name=name, slug=slug)
            self.by_name[name.casefold()] = skill
            self.slugs.add(slug)
        if skill.pk in self.existing and skill.name not in self.sources:
            self.sources[skill.name] = [f"the skill “{skill.name}” already there"]
        self.sources.setdefault(skill.name, []).append(f"“{text}” ({where})")
        return skill, note

    def report(self) -> list[str]:
        """One line for each skill that more than one piece of text turned into."""
        return [
            f"{name}: merged {', '.join(sources)}"
            for name, sources in sorted(self.sources.items())
            if len(sources) > 1
        ]


def skill_merge(*, keep, merged, user=None) -> int:
    """Merge one skill into `keep` (see `skills_merge`). Returns how many references moved."""
    return skills_merge(keep=keep, merged=[merged], user=user)


def skills_merge(*, keep, merged, user=None) -> int:
    """Merge each skill of `merged` into `keep`: every reference to it (guides, steps,
    certifications, cards, listings, aliases: whatever points at a skill) moves to `keep`,
    its name becomes one of `keep`'s aliases, and it is deleted; one revision of `keep`
    records them all. A reference `keep` already has is dropped rather than doubled.
    All or nothing. Returns how many references moved."""
    import reversion
    from django.db import IntegrityError, transaction

    from careers.models import Skill, SkillAlias

    merged = list(merged)
    if not merged:
        raise ValueError("Name the skills to merge.")
    if any(skill.pk == keep.pk for skill in merged):
        raise ValueError("A skill cannot be merged into itself.")
    moved = 0
    names = []
    with transaction.atomic():
        for skill in merged:
            for relation in Skill._meta.related_objects:
                if relation.many_to_many:
                    through = relation.through
                    field = next(
                        f for f in through._meta.fields if f.related_model is Skill
                    ).attname
                    rows = through.objects.filter(**{field: skill.pk})
                else:
                    field = relation.field.attname
                    rows = relation.related_model._base_manager.filter(**{field: skill.pk})
                for row in rows:
                    try:
                        with transaction.atomic():
                            type(row)._base_manager.filter(pk=row.pk).update(**{field: keep.pk})
                        moved += 1
                    except IntegrityError:  # keep already has it
                        row.delete()
            known = {keep.name.casefold()} | {
                text.casefold() for text in keep.aliases.values_list("text", flat=True)
            }
            if skill.name.casefold() not in known:
                SkillAlias.objects.create(
                    skill=keep, text=skill.name, case_sensitive=skill.name_case_sensitive
                )
            names.append(f"“{skill.name}”")
            skill.delete()
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(
                f"Merged {', '.join(names)} into this skill ({moved} references moved)."
            )
            keep.save()
    return moved

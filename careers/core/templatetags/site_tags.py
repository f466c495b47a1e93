"""Small helpers the templates need, so that the templates themselves stay dumb."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from careers.core.web import site_url

register = template.Library()

# The same escapes as django.utils.html.json_script: nothing inside the JSON can
# close the <script> element or open an HTML comment.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def jsonld(value):
    """One schema.org dict as a `<script type="application/ld+json">` block."""
    data = json.dumps(value, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308 - escaped above


@register.simple_tag
def absolute_url(path):
    """`path` as a full URL on the site's own address (settings.SITE_URL)."""
    return site_url(path)


@register.simple_tag
def salary_summary(career):
    """The salary page's meta description: the typical pay range with its source and date."""
    return (
        f"{career.name} pay: typically {career.salary_display} "
        f"{career.get_salary_period_display()} "
        f"({career.salary_source_name}, {career.salary_as_of:%B %Y}), with the range by level "
        f"and the job outlook."
    )


# Letters whose spoken name starts with a vowel sound, for acronyms: "an SRE", "a QA lead".
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")
# Words that start with a vowel letter but a consonant sound ("a unit", "a user", "a
# European", "a one-off"), and words whose "h" is silent ("an hour").
_CONSONANT_SOUND_PREFIXES = ("uni", "use", "usa", "usu", "uti", "ura", "uro", "eu", "one", "once")
_SILENT_H_PREFIXES = ("hour", "honest", "honor", "honour", "heir")


def _reads_as_letters(word: str) -> bool:
    """ "SRE", "MLOps", "iOS", "QA": read out letter by letter, not as a word."""
    capitals = sum(1 for ch in word[:2] if ch.isupper())
    lower_then_capital = len(word) > 1 and word[0].islower() and word[1].isupper()
    return capitals == 2 or word.isupper() or lower_then_capital


def article_for(noun: str) -> str:
    """ "a" or "an" for a noun phrase, by the sound it starts with (see the tests' table)."""
    first_word = noun.split(maxsplit=1)[0] if noun.strip() else ""
    first_word = first_word.lstrip("\"'“‘(")
    if not first_word:
        return "a"
    if first_word[0].isdigit():
        # "an 8-week course", "an 11-step plan", "an 18-month path"; else "a".
        digits = first_word[: len(first_word) - len(first_word.lstrip("0123456789"))]
        return "an" if digits.startswith("8") or digits in {"11", "18"} else "a"
    if _reads_as_letters(first_word):
        return "an" if first_word[0].upper() in _VOWEL_SOUND_LETTERS else "a"
    lower = first_word.lower()
    if lower.startswith(_SILENT_H_PREFIXES):
        return "an"
    vowel_sound = lower[0] in "aeiou" and not lower.startswith(_CONSONANT_SOUND_PREFIXES)
    return "an" if vowel_sound else "a"


@register.filter
def with_article(value):
    """ "Machine Learning Engineer" -> "a Machine Learning Engineer"; "MLOps Engineer" ->
    "an MLOps Engineer". Given a career, its editor's choice (`article`) wins."""
    noun = str(getattr(value, "name", value))
    if not noun.strip():
        return noun
    article = getattr(value, "article", "") or article_for(noun)
    return f"{article} {noun}"


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or None: for dicts a view prepared (templates cannot index them)."""
    return mapping.get(key) if hasattr(mapping, "get") else None

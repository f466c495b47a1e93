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
    """The salary page's meta description: the headline range with its source and date."""
    return (
        f"{career.name} pay: {career.salary_display} median {career.get_salary_period_display()} "
        f"({career.salary_source_name}, {career.salary_as_of:%B %Y}), with the range by level "
        f"and the job outlook."
    )


# Letters whose spoken name starts with a vowel sound, for acronyms: "an SRE", "a QA lead".
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")
# Words that start with a vowel letter but a consonant sound: "a UX designer" aside.
_CONSONANT_SOUND_PREFIXES = ("uni", "use", "usa", "uti", "eu", "one", "once")


@register.filter
def with_article(noun):
    """ "Machine Learning Engineer" -> "a Machine Learning Engineer"; "AI Engineer" -> "an AI …"."""
    noun = str(noun)
    first_word = noun.split(maxsplit=1)[0] if noun.strip() else ""
    if not first_word:
        return noun
    if len(first_word) > 1 and first_word.isupper():
        vowel_sound = first_word[0] in _VOWEL_SOUND_LETTERS
    else:
        lower = first_word.lower()
        vowel_sound = lower[0] in "aeiou" and not lower.startswith(_CONSONANT_SOUND_PREFIXES)
    return f"{'an' if vowel_sound else 'a'} {noun}"


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or None: for dicts a view prepared (templates cannot index them)."""
    return mapping.get(key) if hasattr(mapping, "get") else None

"""The guide's link-preview image (og:image): an SVG card drawn from the guide's own data.

The view asks `card_context()` for what the SVG template draws; the layout
(title size and wrapping, summary length) is worked out here.
"""

import datetime
import textwrap

from django.urls import reverse

from guides.models import Guide
from guides.selectors import GuideSummary

CARD_WIDTH, CARD_HEIGHT = 1200, 630
# (font size, characters per line, line height, most lines) from largest to smallest.
_CARD_TITLE_SIZES = ((64, 28, 76, 3), (52, 34, 62, 4))
_CARD_TITLE_TOP = 236
_CARD_SUMMARY_CHARS = 64
_CONTROL_CHARACTERS = dict.fromkeys(range(32))  # not allowed in XML text
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _card_title_lines(title: str) -> tuple[int, list[dict]]:
    """The title wrapped onto lines (the largest size it fits), the last cut with "…"."""
    title = " ".join(title.translate(_CONTROL_CHARACTERS).split())
    size = next(
        (size for size in _CARD_TITLE_SIZES if len(textwrap.wrap(title, size[1])) <= size[3]),
        _CARD_TITLE_SIZES[-1],
    )
    font_size, width, line_height, most = size
    lines = textwrap.wrap(title, width=width)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return font_size, [
        {"text": text, "y": _CARD_TITLE_TOP + index * line_height}
        for index, text in enumerate(lines)
    ]


def guide_card_version(guide: Guide) -> str:
    """Changes whenever the guide is saved, so the card's address can be cached for good."""
    return str((guide.updated_at - _EPOCH) // datetime.timedelta(microseconds=1))


def guide_card_url(guide: Guide) -> str:
    return reverse("guides:card", kwargs={"slug": guide.slug}) + f"?v={guide_card_version(guide)}"


def card_context(guide: Guide, summary: GuideSummary) -> dict:
    """What templates/includes/guide_og_card.svg draws for the guide."""
    font_size, lines = _card_title_lines(guide.title)
    summary_line = summary.line
    if len(summary_line) > _CARD_SUMMARY_CHARS:
        summary_line = summary_line[: _CARD_SUMMARY_CHARS - 1].rstrip() + "…"
    return {
        "full_title": guide.full_title,
        "font_size": font_size,
        "title_lines": lines,
        "edition": f"{guide.edition_year} Guide",
        "edition_y": lines[-1]["y"] + 64 if lines else _CARD_TITLE_TOP,
        "summary_line": summary_line,
    }

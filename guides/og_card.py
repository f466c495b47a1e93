"""The guide's link-preview image (og:image): a 1200×630 PNG card drawn from its own data.

Social sites show PNG and JPEG previews, not SVG, so the card is a PNG, drawn
with Pillow: its wheels bundle FreeType and a TrueType font
(`ImageFont.load_default(size=…)`), so a fresh machine needs no system fonts,
no Cairo and no browser. (An SVG renderer such as resvg or CairoSVG would draw
the text with whatever fonts the machine has, and differently on each.)

The card is drawn when the guide is saved (the admin, a revert, `load_demo`) and
kept in the database (`GuideCard`), so every app server behind a load balancer
serves the same bytes with nothing on its own disk. Its address carries a digest
of what it shows, so it can be cached for a year; a card whose inputs changed
some other way (the career's pay, the site's name) is drawn once, by the first
request for the new digest.
"""

import functools
import hashlib
import io
import unicodedata

from django.conf import settings
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from guides.figures import CareerFigures, annotated_figures, with_figures
from guides.models import Guide

CARD_WIDTH, CARD_HEIGHT = 1200, 630
# Part of every digest: change it when the drawing changes, so cards are drawn anew.
DRAWING_VERSION = "1"
_MARGIN = 80
_TEXT_WIDTH = CARD_WIDTH - 2 * _MARGIN
# (font size, line height, most lines) from largest to smallest.
_TITLE_SIZES = ((68, 80, 3), (56, 66, 4))
_TITLE_TOP = 190
_BLUE, _DARK_BLUE, _WHITE, _PALE, _GOLD = "#0a58a8", "#07427f", "#ffffff", "#e8f1fb", "#ffd479"
_CONTROL_CHARACTERS = dict.fromkeys(range(32))


@functools.lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


# What to draw for characters the bundled font lacks (it covers Latin letters without
# accents and common punctuation): the nearest it has.
_STAND_INS = {"–": "-", "—": "-", "−": "-", "→": "->", "×": "x", "\u00a0": " "}


@functools.lru_cache(maxsize=1024)
def _drawable_character(character: str) -> str:
    font = _font(32)
    missing = bytes(font.getmask("\uffff"))

    def has(text: str) -> bool:
        return all(ch.isspace() or bytes(font.getmask(ch)) != missing for ch in text)

    if has(character):
        return character
    if character in _STAND_INS:
        return _STAND_INS[character]
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", character) if ch.isascii())
    return plain if plain and has(plain) else "?"


def drawable(text: str) -> str:
    """`text` with each character the font cannot draw replaced by the nearest it can
    ("–" by "-", "é" by "e"), rather than drawn as an empty box."""
    return "".join(_drawable_character(ch) for ch in text)


def _fit(text: str, font, width: int) -> str:
    """`text` cut at a word with "…" so that it fits `width` pixels."""
    if font.getlength(text) <= width:
        return text
    words = text.split()
    while words and font.getlength(" ".join(words) + "…") > width:
        words.pop()
    return (" ".join(words) or text[:10]) + "…"


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(_fit(word, font, width))
    return lines


def card_title_lines(title: str) -> tuple[int, int, list[str]]:
    """(font size, line height, lines): the title at the largest size it fits, the
    last line cut with "…" when even the smallest size needs more lines."""
    title = " ".join(drawable(title.translate(_CONTROL_CHARACTERS)).split())
    for size, line_height, most in _TITLE_SIZES:
        lines = _wrap(title, _font(size), _TEXT_WIDTH)
        if len(lines) <= most:
            return size, line_height, lines
    lines = lines[:most]
    lines[-1] = _fit(lines[-1] + " …", _font(size), _TEXT_WIDTH)
    return size, line_height, lines


def card_content(guide: Guide, figures: CareerFigures) -> dict:
    """Everything the card shows: what its digest is made of."""
    return {
        "site_name": settings.SITE_NAME,
        "title": guide.title,
        "edition": f"{guide.edition_year} Guide",
        "summary": figures.line,
    }


def card_digest(content: dict) -> str:
    text = "\n".join([DRAWING_VERSION, *(f"{key}={value}" for key, value in content.items())])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def guide_card_url(guide: Guide, figures: CareerFigures | None = None) -> str:
    """The card's address, changing whenever what it shows changes. Without `figures`
    (which a guide page has already worked out) they are read (one query)."""
    if figures is None:
        figures = annotated_figures(with_figures(Guide.objects.filter(pk=guide.pk)).get())
    digest = card_digest(card_content(guide, figures))
    return reverse("guides:card", kwargs={"slug": guide.slug}) + f"?v={digest}"


def _draw_mark(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    """The site's compass mark (static/img/favicon.svg) at 56×56."""
    draw.rounded_rectangle((x, y, x + 56, y + 56), radius=14, fill=_WHITE)
    draw.ellipse((x + 10, y + 10, x + 46, y + 46), outline="#8cb4dc", width=3)
    draw.polygon([(x + 38, y + 15), (x + 33, y + 33), (x + 18, y + 41), (x + 23, y + 23)], _BLUE)
    draw.polygon([(x + 38, y + 15), (x + 23, y + 23), (x + 30, y + 30)], _GOLD)


def card_png(content: dict) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), _BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, CARD_HEIGHT - 40, CARD_WIDTH, CARD_HEIGHT), fill=_DARK_BLUE)
    _draw_mark(draw, _MARGIN, 72)
    site_name = _fit(drawable(content["site_name"]), _font(32), _TEXT_WIDTH - 80)
    draw.text((_MARGIN + 80, 100), site_name, font=_font(32), fill=_WHITE, anchor="lm")
    size, line_height, lines = card_title_lines(content["title"])
    y = _TITLE_TOP
    for line in lines:
        # A thin outline in the same colour: the bundled font has one weight.
        draw.text(
            (_MARGIN, y), line, font=_font(size), fill=_WHITE, stroke_width=1, stroke_fill=_WHITE
        )
        y += line_height
    draw.text((_MARGIN, y + 8), drawable(content["edition"]), font=_font(32), fill=_PALE)
    summary = _fit(drawable(content["summary"]), _font(32), _TEXT_WIDTH)
    draw.text(
        (_MARGIN, 520), summary, font=_font(32), fill=_GOLD, stroke_width=1, stroke_fill=_GOLD
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

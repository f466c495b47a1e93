"""Server-drawn charts: where each bar starts and ends on a shared scale.

Templates draw them as SVG shapes placed by presentation attributes (x, width),
coloured by CSS classes, so the strict CSP (no inline styles) holds, dark mode
and print restyle them, and no script runs. The figures themselves always stay
in text beside the bars: a bar is a picture of a number, never the only copy.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

# The drawing's width in SVG units; bars are stretched to the space they get.
WIDTH = 1000


@dataclass(frozen=True)
class Scale:
    """Zero to a round `top`, with gridlines at `ticks` (values), for bars to share."""

    top: float
    ticks: tuple[float, ...]

    def x(self, value: float) -> float:
        return round(WIDTH * min(max(value, 0), self.top) / self.top, 1) if self.top else 0.0

    @property
    def gridlines(self) -> list[float]:
        return [self.x(tick) for tick in self.ticks[1:-1]]


@dataclass(frozen=True)
class Bar:
    x: float
    width: float


def nice_step(largest: float, *, most_ticks: int = 6) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving at most `most_ticks` steps."""
    if largest <= 0:
        return 1
    rough = largest / most_ticks
    power = 10 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)


def scale_for(
    values: Sequence[float], *, most_ticks: int = 6, steps: Sequence[float] = ()
) -> Scale:
    """A scale from zero that fits every value, its top on a round step (the first of
    `steps` that needs at most `most_ticks` gridlines, else a power-of-ten step).

    From zero, so that a bar twice as long is twice as much.
    """
    largest = max(values, default=0)
    step = next(
        (step for step in steps if largest / step <= most_ticks),
        nice_step(largest, most_ticks=most_ticks),
    )
    top = step * max(1, math.ceil(largest / step))
    count = round(top / step)
    return Scale(top=top, ticks=tuple(step * i for i in range(count + 1)))


def range_bar(scale: Scale, low: float, high: float) -> Bar:
    """The bar from `low` to `high`; at least a sliver wide, so a single figure shows."""
    start, end = scale.x(low), scale.x(high)
    width = max(end - start, 6)
    return Bar(x=min(start, WIDTH - width), width=width)


def segments(lengths: Sequence[float], *, gap: float = 4) -> list[Bar]:
    """Lengths laid end to end across the width, each in proportion to the total."""
    total = sum(lengths)
    if not lengths or total <= 0:
        return []
    usable = WIDTH - gap * (len(lengths) - 1)
    bars, x = [], 0.0
    for length in lengths:
        width = round(usable * length / total, 1)
        bars.append(Bar(x=round(x, 1), width=width))
        x += width + gap
    return bars

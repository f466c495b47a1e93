"""How long it takes and what it pays: one definition per career, for every page.

- **How long** is the duration of the guide's *typical path* (the row of "How
  long does it take?" an editor marks as the usual way in), e.g. "12–18 months".
  It is not the roadmap's steps added up: steps overlap and some are done on the
  job, and a reader asks how long people usually take. A guide without a typical
  path states no time.
- **What it pays** is the career's *typical pay* range (its salary snapshot),
  e.g. "$150K–$230K a year": a range, not a median; the salary page breaks it
  down by level.

Guide cards, related guides, the careers hub, the compare page, search results,
link-preview cards and structured data all read a `CareerFigures`, built here
from the same fields, so no two pages can disagree.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from careers.core.charts import Bar, Scale, range_bar, scale_for, segments
from careers.core.formatting import format_money, format_money_range, format_range
from careers.models import Career, Period
from guides.models import DurationUnit, Guide, Path, RoadmapStep

_MONTHS_PER_UNIT = {DurationUnit.WEEKS: 12 / 52, DurationUnit.MONTHS: 1, DurationUnit.YEARS: 12}
_PERIOD_WORDS = {Period.YEAR: "a year", Period.MONTH: "a month", Period.HOUR: "an hour"}


def in_months(low: int, high: int | None, unit: str) -> tuple[float, float]:
    """A duration range in months, to compare durations given in different units."""
    per = _MONTHS_PER_UNIT[DurationUnit(unit)]
    return low * per, (low if high is None else high) * per


@dataclass(frozen=True)
class CareerFigures:
    """A career's headline figures as every page states them."""

    step_count: int
    time_min: int | None
    time_max: int | None
    time_unit: str
    time_path: str  # the typical path's name, "" when the guide has none
    pay_low: int
    pay_high: int
    pay_currency: str
    pay_period: str

    @property
    def time(self) -> str:
        """ "12–18 months", or "" when the guide has no typical path."""
        unit = DurationUnit(self.time_unit)
        return format_range(self.time_min, self.time_max, unit.label[:-1], unit.label)

    @property
    def time_months(self) -> tuple[float, float] | None:
        """(shortest, longest) in months, for sorting and bars; None without a time."""
        if self.time_min is None:
            return None
        return in_months(self.time_min, self.time_max, self.time_unit)

    @property
    def pay(self) -> str:
        """ "$150K–$230K" """
        return format_money_range(self.pay_low, self.pay_high, self.pay_currency)

    @property
    def pay_period_words(self) -> str:
        """ "a year" """
        return _PERIOD_WORDS.get(self.pay_period, Period(self.pay_period).label)

    @property
    def line(self) -> str:
        """ "7-step roadmap · typically 12–18 months · $150K–$230K a year" """
        parts = [f"{self.step_count}-step roadmap"]
        if self.time:
            parts.append(f"typically {self.time}")
        if self.pay:
            parts.append(f"{self.pay} {self.pay_period_words}")
        return " · ".join(parts)


def career_figures(*, career: Career, step_count: int, typical_path: Path | None) -> CareerFigures:
    """The one place the figures are worked out (every other function feeds it)."""
    return CareerFigures(
        step_count=step_count,
        time_min=typical_path.duration_min if typical_path else None,
        time_max=typical_path.duration_max if typical_path else None,
        time_unit=typical_path.duration_unit if typical_path else DurationUnit.MONTHS,
        time_path=typical_path.name if typical_path else "",
        pay_low=career.salary_low,
        pay_high=career.salary_high,
        pay_currency=career.salary_currency,
        pay_period=career.salary_period,
    )


def guide_page_figures(guide: Guide, steps: list[RoadmapStep], paths: list[Path]) -> CareerFigures:
    """The figures of a guide whose steps and paths the page has already fetched."""
    typical = next((path for path in paths if path.is_typical), None)
    return career_figures(career=guide.career, step_count=len(steps), typical_path=typical)


_TYPICAL_FIELDS = ("duration_min", "duration_max", "duration_unit", "name")


def with_figures(guides: QuerySet[Guide]) -> QuerySet[Guide]:
    """`guides` with what `annotated_figures()` reads, in the same query (subqueries)."""
    typical = Path.objects.filter(guide=OuterRef("pk"), is_typical=True)
    step_count = (
        RoadmapStep.objects.filter(guide=OuterRef("pk"))
        .order_by()
        .values("guide")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return guides.select_related("career").annotate(
        figures_step_count=Coalesce(Subquery(step_count, output_field=IntegerField()), Value(0)),
        **{
            f"figures_typical_{name}": Subquery(typical.values(name)[:1])
            for name in _TYPICAL_FIELDS
        },
    )


def annotated_figures(guide: Guide) -> CareerFigures:
    """The figures of a guide fetched through `with_figures()`."""
    typical = None
    if guide.figures_typical_duration_min is not None:
        typical = Path(
            **{name: getattr(guide, f"figures_typical_{name}") for name in _TYPICAL_FIELDS}
        )
    return career_figures(
        career=guide.career, step_count=guide.figures_step_count, typical_path=typical
    )


# Pictures of the figures ----------------------------------------------------------------


@dataclass(frozen=True)
class ChartRow:
    """One row of a chart: the thing it pictures and its bar (None: not on this scale)."""

    item: Any
    bar: Bar | None


@dataclass(frozen=True)
class Chart:
    """Bars on one scale from zero, with the scale's end labels ("$0", "$350K")."""

    scale: Scale
    rows: list[ChartRow]
    start_label: str
    end_label: str
    step_label: str  # what one gridline is worth: "$50K"


def _sourced_range(item) -> tuple[int, int, str, str]:
    return item.low, item.high, item.currency, item.period


def summary_pay(summary) -> tuple[int, int, str, str]:
    """A GuideSummary's typical pay, as `pay_chart` reads a range."""
    f = summary.figures
    return f.pay_low, f.pay_high, f.pay_currency, f.pay_period


def _chart(items: Sequence, spans: list, scale: Scale, label) -> Chart:
    step = scale.ticks[1] if len(scale.ticks) > 1 else scale.top
    return Chart(
        scale=scale,
        rows=[
            ChartRow(item, range_bar(scale, *span) if span else None)
            for item, span in zip(items, spans, strict=True)
        ],
        start_label=label(0),
        end_label=label(scale.top),
        step_label=label(step),
    )


def pay_chart(items: Sequence, *, pay=_sourced_range) -> Chart:
    """Pay ranges (salary figures by default) as bars on one scale. Only ranges in the
    first one's currency and period share it: the others keep their figures, no bar."""
    ranges = [pay(item) for item in items]
    key = ranges[0][2:] if ranges else ("USD", Period.YEAR)
    spans = [(low, high) if (cur, per) == key else None for low, high, cur, per in ranges]
    scale = scale_for([span[1] for span in spans if span])
    return _chart(items, spans, scale, lambda value: format_money(value, key[0]))


def time_chart(items: Sequence) -> Chart:
    """GuideSummaries' typical times as bars on one scale of months (an item without a
    time has no bar)."""
    spans = [item.figures.time_months for item in items]
    scale = scale_for([span[1] for span in spans if span], steps=(3, 6, 12, 24, 60))
    return _chart(
        items, spans, scale, lambda value: format_range(round(value), None, "month", "months")
    )


@dataclass(frozen=True)
class TimelineSegment:
    """One roadmap step on the timeline: its place, number and what a link to it says."""

    number: int
    bar: Bar
    label: str  # "Step 2: Study classical ML theory, 2–3 months"
    timed: bool

    @property
    def middle(self) -> float:
        return round(self.bar.x + self.bar.width / 2, 1)

    @property
    def shows_number(self) -> bool:
        return self.bar.width >= 28


@dataclass(frozen=True)
class Timeline:
    segments: list[TimelineSegment]

    @property
    def has_untimed(self) -> bool:
        return any(not segment.timed for segment in self.segments)

    def __bool__(self) -> bool:
        return bool(self.segments)


def roadmap_timeline(steps: Sequence[RoadmapStep]) -> Timeline:
    """The steps end to end, each as long as its time (the middle of its range, in
    months). A step with a label instead of a time ("Prereq") gets a short stub, as
    it is not part of the time. No timeline when no step is timed."""
    spans = []
    for step in steps:
        if step.duration_min is None:
            spans.append(None)
            continue
        low, high = in_months(step.duration_min, step.duration_max, step.duration_unit)
        spans.append((low + high) / 2)
    timed = [span for span in spans if span is not None]
    if not timed:
        return Timeline([])
    stub = min(timed) / 2
    bars = segments([stub if span is None else span for span in spans])
    return Timeline(
        [
            TimelineSegment(
                number=number,
                bar=bar,
                label=f"Step {number}: {step.title}" + (f", {step.badge}" if step.badge else ""),
                timed=span is not None,
            )
            for number, (step, span, bar) in enumerate(zip(steps, spans, bars, strict=True), 1)
        ]
    )

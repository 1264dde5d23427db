"""Geometry of the server-rendered SVG charts (pure: no Django, no markup).

A chart is computed here, or in a capability's module built on these pieces, as dataclasses and
named tuples of numbers and labels; Django templates draw it (``core/templates/charts/`` and
each capability's chart templates). Nothing in Python builds SVG or HTML, so every label is
escaped by the template like any other text. Every chart has a table or a sentence with the same
figures beside it.

* :func:`proportion_chart`: horizontal bars of proportions (0–1) with their 95% intervals, one
  row per label (the audit findings by agency and overall), drawn by
  ``charts/_proportion_chart.html``.
* :func:`change_chart`: a dot per row at a mean change with its 95% interval as a line, on a
  signed scale with the line of no change at 0 (training's change in the same practitioners),
  the figures printed right of each row; drawn by ``charts/_change_chart.html``.
* :class:`Plot` and :class:`Axes`: the plotting area and the axes of the line charts (the XmR
  chart, the benchmark chart, sparklines); the axes are drawn by ``charts/_axes.html``.

A findings page draws a few hundred rows, so the proportion chart comes with its numbers already
formatted as strings ("192.0") and its bars and interval lines as one path each: the template
prints one value per number, without a filter or a loop per shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from math import ceil, floor, log10
from typing import NamedTuple

from assurance.core.stats import percent

# --- the plotting area and axes of line charts --------------------------------------------------


class Tick(NamedTuple):
    """A label on an axis: ``at`` is its position along the axis (px, formatted)."""

    at: str
    label: str
    anchor: str = "middle"  # SVG text-anchor: "start", "middle" or "end"


@dataclass(frozen=True)
class Axes:
    """A line chart's axes: the value axis on the left with its ticks, the period labels below
    the baseline."""

    left: int  # x of the value axis
    bottom: int  # y of the baseline
    tick_x: int  # right edge of the value labels
    label_y: int  # baseline of the period labels
    y_ticks: tuple[Tick, ...]
    x_labels: tuple[Tick, ...]
    unit: str = ""  # what the values are, written above the value axis ("%", "days")


def value_range(
    values: Iterable[float], *, pad: float = 0.0, keep_positive: bool = False
) -> tuple[float, float]:
    """The low and high values of a chart's y-axis: the values' range (one unit either side when
    they are all equal), widened by ``pad`` of itself at each end; with ``keep_positive`` the low
    end of values that are all positive stops at zero."""
    values = list(values)
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    margin = (high - low) * pad
    if keep_positive and low >= 0:
        return max(0.0, low - margin), high + margin
    return low - margin, high + margin


UNIT_TOP = 26  # the top margin of a plot with its unit written above the value axis

NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0)


def nice_step(low: float, high: float, intervals: int = 5) -> float:
    """The smallest round step (1, 2, 2.5 or 5 times a power of ten) that covers ``low`` to
    ``high`` from one multiple of itself to another in at most ``intervals`` steps: 0–100 by
    20, 7.9–15.1 by 2 (6 to 16). The same answer for the widened range (``nice_bounds``), so an
    axis drawn on it ticks at its ends."""
    if high <= low:
        return 1.0
    power = 10 ** floor(log10((high - low) / intervals))
    for multiple in NICE_STEPS:
        step = multiple * power
        if ceil(high / step - 1e-9) - floor(low / step + 1e-9) <= intervals:
            return step
    return 100 * power  # pragma: no cover - 100 × power always fits


def nice_bounds(low: float, high: float, intervals: int = 5) -> tuple[float, float]:
    """``low`` and ``high`` widened to the nearest round ticks outside them, so that the axis
    starts and ends on a labelled round number."""
    step = nice_step(low, high, intervals)
    return (
        round(floor(low / step + 1e-9) * step, 10),
        round(ceil(high / step - 1e-9) * step, 10),
    )


def tick_label(value: float, step: float) -> str:
    """A tick's label with as many decimal places as its step needs: 25 → "25", 2.5 → "2.5",
    0.25 → "0.25"; thousands separated."""
    places = next((d for d in range(6) if abs(round(step, d) - step) < 1e-9 * max(step, 1)), 6)
    return f"{value:,.{places}f}"


@dataclass(frozen=True)
class Plot:
    """The plotting area of a line chart: ``count`` positions along x (one per period, evenly
    spaced; one alone sits in the middle) and values from ``low`` to ``high`` along y, inside the
    margins that leave room for the axes' labels. Positions are rounded to 0.1 px."""

    width: int
    height: int
    count: int
    low: float
    high: float
    left: int = 56
    right: int = 16
    top: int = 12
    bottom: int = 32

    def x(self, index: int) -> float:
        span = self.width - self.left - self.right
        n = self.count
        return round(self.left + span * (index / (n - 1) if n > 1 else 0.5), 1)

    def y(self, value: float) -> float:
        span = self.height - self.top - self.bottom
        return round(self.top + span * (self.high - value) / (self.high - self.low), 1)

    @property
    def baseline(self) -> int:
        return self.height - self.bottom

    def y_ticks(self, intervals: int = 5) -> tuple[Tick, ...]:
        """Ticks at round numbers (``nice_step``) from low to high, at most ``intervals`` + 1."""
        low, high = self.low, self.high
        step = nice_step(low, high, intervals)
        first = ceil(low / step - 1e-9)
        last = floor(high / step + 1e-9)
        values = [round(k * step, 10) for k in range(first, last + 1)]
        return tuple(Tick(str(self.y(v)), tick_label(v, step), "end") for v in values)

    def axes(self, x_labels: Iterable[Tick], *, unit: str = "") -> Axes:
        return Axes(
            left=self.left,
            bottom=self.baseline,
            tick_x=self.left - 6,
            label_y=self.baseline + 16,
            y_ticks=self.y_ticks(),
            x_labels=tuple(x_labels),
            unit=unit,
        )


# --- horizontal proportion bars with intervals --------------------------------------------------

BAR_WIDTH = 400  # px for 100%
ROW_HEIGHT = 28
BAR_HEIGHT = 18
TOP = 4  # above the first bar
TEXT_BASELINE = 15  # below the top of a bar: the baseline of its label and value
LABEL_WIDTH = 200  # the labels' column, left of the bars
LABEL_GAP = 8  # between a label and the bars
LABEL_CHARS = 28  # longer labels are shortened with an ellipsis (the table has them whole)
VALUE_GAP = 6  # between the 100% line and the value
RIGHT_MARGIN = 60  # room for the value
AXIS_GAP = 20  # from the last row to the baseline of the axis' labels
BOTTOM = 24  # below the last row
AXIS_TICKS = (0, 25, 50, 75, 100)  # percent
NONE_ASSESSED = "None assessed"


class Share(NamedTuple):
    """One row of a proportion chart: a proportion (0–1) with its 95% interval, or None when
    nothing was assessed. ``total`` marks the row of everything (drawn darker)."""

    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    total: bool = False


class ProportionRow(NamedTuple):
    """One row as laid out (px from the chart's top left). A row with nothing assessed has no
    bar and no interval: its ``value`` says "None assessed" and starts where the bar would."""

    label: str  # shortened to fit the labels' column, right-aligned at the chart's label_x
    value: str  # the proportion as a percentage, "67%", or "None assessed"
    top: int  # of the bar
    width: float | None  # of the bar, from LABEL_WIDTH
    low_x: float | None  # the interval's ends
    high_x: float | None
    value_x: int  # left edge of the value
    baseline: int  # of the label and the value
    total: bool


class RowText(NamedTuple):
    """A row's label and value ready to draw: positions formatted as strings."""

    y: str
    label: str
    value_x: str
    value: str


@dataclass(frozen=True)
class ProportionChart:
    """Horizontal bars of proportions with their intervals, one row per share, and an axis of
    percentages below them; ``description`` is the chart's accessible name.

    ``rows`` is the layout in numbers; the other fields are the same layout ready to draw, so
    that a template draws a chart with one value per number (a findings page has a few hundred
    rows): the bars, the total rows' bars and the interval lines are each an SVG path, and the
    texts' positions are formatted strings."""

    description: str
    width: int
    height: int
    rows: tuple[ProportionRow, ...]
    bars: str  # path of the bars
    total_bars: str  # path of the total rows' bars (darker)
    intervals: str  # path of the interval lines
    label_x: str  # right edge of the labels
    texts: tuple[RowText, ...]
    axis_y: str  # baseline of the axis' labels
    ticks: tuple[Tick, ...]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


@lru_cache(maxsize=1024)
def short_label(label: str, limit: int = LABEL_CHARS) -> str:
    """A label that fits beside the bars: at most ``limit`` characters, an ellipsis last."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _x(proportion: float) -> float:
    return round(LABEL_WIDTH + proportion * BAR_WIDTH, 1)


VALUE_X = LABEL_WIDTH + BAR_WIDTH + VALUE_GAP
AXIS = tuple(Tick(f"{_x(tick / 100):.1f}", f"{tick}%") for tick in AXIS_TICKS)  # centred
_FORMATTED_X = {x: f"{x:.1f}" for x in (LABEL_WIDTH, VALUE_X)}


def _row(index: int, share: Share) -> ProportionRow:
    top = TOP + index * ROW_HEIGHT
    label, value = short_label(share.label), share.value
    if value is None:
        return ProportionRow(
            label,
            NONE_ASSESSED,
            top,
            None,
            None,
            None,
            LABEL_WIDTH,
            top + TEXT_BASELINE,
            share.total,
        )
    low = value if share.low is None else share.low
    high = value if share.high is None else share.high
    return ProportionRow(
        label,
        percent(value),
        top,
        round(value * BAR_WIDTH, 1),
        _x(low),
        _x(high),
        VALUE_X,
        top + TEXT_BASELINE,
        share.total,
    )


def _bar(row: ProportionRow) -> str:
    return f"M{LABEL_WIDTH} {row.top}h{row.width}v{BAR_HEIGHT}H{LABEL_WIDTH}z"


def _interval(row: ProportionRow) -> str:
    return f"M{row.low_x} {row.top + BAR_HEIGHT // 2}H{row.high_x}"


def _text(row: ProportionRow) -> RowText:
    return RowText(f"{row.baseline:.1f}", row.label, _FORMATTED_X[row.value_x], row.value)


def proportion_chart(shares: Sequence[Share], *, description: str) -> ProportionChart:
    """The geometry of a horizontal bar per share, in order, from 0% at the labels' edge, with
    its 95% interval as a line across the bar, the percentage right of 100%, and an axis at 0,
    25, 50, 75 and 100%."""
    rows = tuple([_row(index, share) for index, share in enumerate(shares)])
    drawn = [row for row in rows if row.width is not None]
    return ProportionChart(
        description=description,
        width=LABEL_WIDTH + BAR_WIDTH + RIGHT_MARGIN,
        height=len(rows) * ROW_HEIGHT + BOTTOM,
        rows=rows,
        bars=" ".join([_bar(row) for row in drawn if not row.total]),
        total_bars=" ".join([_bar(row) for row in drawn if row.total]),
        intervals=" ".join([_interval(row) for row in drawn]),
        label_x=f"{LABEL_WIDTH - LABEL_GAP:.1f}",
        texts=tuple([_text(row) for row in rows]),
        axis_y=f"{len(rows) * ROW_HEIGHT + AXIS_GAP:.1f}",
        ticks=AXIS,
    )


# --- changes with their intervals, either side of no change ---------------------------------------

CHANGE_PLOT_WIDTH = 300  # px from the lowest to the highest tick
CHANGE_TEXT_WIDTH = 220  # right of the plot: "+2.2 (+0.8 to +3.6), 12 pairs"
CHANGE_DOT_RADIUS = 5
CHANGE_TICKS = 4  # intervals of the axis at most
NO_PAIRS = "No pairs"


class Change(NamedTuple):
    """One row of a change chart: a mean change with its 95% interval (None when there is
    none), and the figures to print beside it ("+2.2 (+0.8 to +3.6)")."""

    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    text: str = ""


class ChangeChartRow(NamedTuple):
    """One row as laid out, positions formatted: ``x`` the dot's centre (None: no change, and
    ``text`` says so), ``low_x``/``high_x`` the interval's ends (None: no interval)."""

    label: str
    text: str
    y: str  # of the dot and the interval line
    baseline: str  # of the label and the text
    x: str | None
    low_x: str | None
    high_x: str | None


@dataclass(frozen=True)
class ChangeChart:
    """Changes either side of no change: per row a dot at the mean change and a line across its
    95% interval; a vertical line at 0; the axis' ticks below, signed. ``limit`` bounds the
    scale (a rating from 1 to 10 changes by 9 at most), so an interval wider than it is cut at
    the chart's edge."""

    description: str
    width: int
    height: int
    rows: tuple[ChangeChartRow, ...]
    intervals: str  # path of the interval lines
    zero_x: str
    plot_top: str
    plot_bottom: str
    label_x: str
    text_x: str
    axis_y: str
    ticks: tuple[Tick, ...]
    low: float
    high: float

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def signed_label(value: float, step: float) -> str:
    """A tick of a change: "+2", "0", "−2" (a true minus sign)."""
    text = tick_label(abs(value), step)
    if abs(value) < 1e-9:
        return "0"
    return ("+" if value > 0 else "\u2212") + text


def change_chart(changes: Sequence[Change], *, description: str, limit: float = 9.0) -> ChangeChart:
    """The geometry of a change chart: the scale runs from round ticks either side of every
    change, interval and 0, at most ``limit`` either side."""
    ends = [0.0]
    for change in changes:
        ends.extend(v for v in (change.value, change.low, change.high) if v is not None)
    low, high = max(min(ends), -limit), min(max(ends), limit)
    if high - low < 1:
        low, high = low - 0.5, high + 0.5
    low, high = nice_bounds(low, high, CHANGE_TICKS)
    step = nice_step(low, high, CHANGE_TICKS)

    def x(value: float) -> float:
        value = min(max(value, low), high)
        return round(LABEL_WIDTH + CHANGE_PLOT_WIDTH * (value - low) / (high - low), 1)

    rows = []
    intervals = []
    for index, change in enumerate(changes):
        top = TOP + index * ROW_HEIGHT
        middle = top + BAR_HEIGHT // 2
        if change.value is None:
            dot = low_x = high_x = None
            text = change.text or NO_PAIRS
        else:
            dot = f"{x(change.value):.1f}"
            text = change.text
            if change.low is not None and change.high is not None:
                low_x, high_x = f"{x(change.low):.1f}", f"{x(change.high):.1f}"
                intervals.append(f"M{low_x} {middle}H{high_x}")
            else:
                low_x = high_x = None
        rows.append(
            ChangeChartRow(
                short_label(change.label),
                text,
                f"{middle}",
                f"{top + TEXT_BASELINE}",
                dot,
                low_x,
                high_x,
            )
        )
    bottom = TOP + len(rows) * ROW_HEIGHT
    first = ceil(low / step - 1e-9)
    last = floor(high / step + 1e-9)
    ticks = tuple(
        Tick(f"{x(k * step):.1f}", signed_label(round(k * step, 10), step))
        for k in range(first, last + 1)
    )
    return ChangeChart(
        description=description,
        width=LABEL_WIDTH + CHANGE_PLOT_WIDTH + VALUE_GAP + CHANGE_TEXT_WIDTH,
        height=bottom + BOTTOM,
        rows=tuple(rows),
        intervals=" ".join(intervals),
        zero_x=f"{x(0.0):.1f}",
        plot_top="0",
        plot_bottom=f"{bottom}",
        label_x=f"{LABEL_WIDTH - LABEL_GAP:.1f}",
        text_x=f"{LABEL_WIDTH + CHANGE_PLOT_WIDTH + VALUE_GAP:.1f}",
        axis_y=f"{bottom + AXIS_GAP - 4:.1f}",
        ticks=ticks,
        low=low,
        high=high,
    )

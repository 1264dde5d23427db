"""Geometry of server-rendered SVG line charts (pure: no Django): the benchmark chart (the LA
beside its statistical neighbours' average, its region and England over time) and sparklines.
Templates draw them; every chart sits beside a table or a sentence with the same figures.

Lines are told apart by colour *and* by dash pattern and marker shape, so the chart does not
rely on colour alone (WCAG 1.4.1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assurance.core.charts import UNIT_TOP, Axes, Plot, Tick, nice_bounds, value_range

Number = Decimal | float | int | None


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    colour: str
    dash: str  # SVG stroke-dasharray ("" solid)
    marker: str  # "circle", "square", "diamond", "triangle"
    path: str
    points: list[tuple[float, float, str, float]]  # x, y, period label, value


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    lines: list[Line]
    axes: Axes


STYLES = {
    "la": ("#1d70b8", "", "circle"),
    "neighbours": ("#f47738", "6 3", "square"),
    "region": ("#4c2c92", "2 3", "diamond"),
    "england": ("#0b0c0c", "10 4", "triangle"),
}


def _path(
    points: list[tuple[float, float, str, float]], xs: list[float], present: list[bool]
) -> str:
    """Moves to a point after a gap, so a missing value is a visible break in the line."""
    parts: list[str] = []
    it = iter(points)
    previous_present = False
    for _x, ok in zip(xs, present, strict=True):
        if not ok:
            previous_present = False
            continue
        px, py, _, _ = next(it)
        parts.append(f"{'L' if previous_present else 'M'}{px},{py}")
        previous_present = True
    return " ".join(parts)


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[Number]]],
    *,
    unit: str = "",
    width: int = 640,
    height: int = 280,
) -> LineChart | None:
    """``series``: (key, label, values aligned with ``labels``); None values are gaps. The value
    axis runs between round numbers, with ``unit`` written above it."""
    values = [float(v) for _, _, vs in series for v in vs if v is not None]
    if not values or not labels:
        return None
    low, high = nice_bounds(*value_range(values, keep_positive=True))
    n = len(labels)
    plot = Plot(
        width=width, height=height, count=n, low=low, high=high, top=UNIT_TOP if unit else Plot.top
    )
    xs = [plot.x(i) for i in range(n)]
    lines = []
    for key, label, vs in series:
        colour, dash, marker = STYLES.get(key, ("#505a5f", "", "circle"))
        present = [v is not None for v in vs]
        points = [
            (xs[i], plot.y(float(v)), labels[i], float(v))
            for i, v in enumerate(vs)
            if v is not None
        ]
        if points:
            lines.append(Line(key, label, colour, dash, marker, _path(points, xs, present), points))
    step = max(1, (n + 9) // 10)  # at most about ten period labels
    return LineChart(
        width=width,
        height=height,
        lines=lines,
        axes=plot.axes((Tick(str(xs[i]), labels[i]) for i in range(0, n, step)), unit=unit),
    )


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    path: str
    last: tuple[float, float] | None


def sparkline(values: Sequence[Number], *, width: int = 120, height: int = 28) -> Sparkline | None:
    """A small line of the last values; None when fewer than two are present."""
    present = [float(v) for v in values if v is not None]
    if len(present) < 2:
        return None
    low, high = value_range(present)
    n, pad = len(values), 3
    plot = Plot(
        width=width,
        height=height,
        count=n,
        low=low,
        high=high,
        left=pad,
        right=pad,
        top=pad,
        bottom=pad,
    )
    points = [
        (plot.x(i), plot.y(float(v)), "", float(v)) for i, v in enumerate(values) if v is not None
    ]
    xs = [plot.x(i) for i in range(n)]
    path = _path(points, xs, [v is not None for v in values])
    return Sparkline(width, height, path, (points[-1][0], points[-1][1]))

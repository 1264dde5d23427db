"""Geometry of a server-rendered SVG XmR chart (pure: no Django). The template
(``dataset/_xmr.html``) draws it and the page always shows the same figures as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assurance.core.charts import UNIT_TOP, Axes, Plot, Tick, nice_bounds, value_range
from assurance.dataset.charts.spc import SpcResult, Variation


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    label: str
    value: float
    kind: str  # "common", "improving", "concerning", "neither"
    revised: bool = False  # changed after publication: drawn with a ring and noted in the table


@dataclass(frozen=True)
class ChartLine:
    x1: float
    x2: float
    y: float
    kind: str  # "mean", "limit" or "target"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[ChartPoint]
    lines: list[ChartLine]
    path: str
    axes: Axes
    target: float | None = None  # drawn as a line across the whole chart


KIND = {
    Variation.COMMON_CAUSE: "common",
    Variation.IMPROVING: "improving",
    Variation.CONCERNING: "concerning",
    Variation.NEITHER_HIGH: "neither",
    Variation.NEITHER_LOW: "neither",
}


def _x_labels(points: Sequence[ChartPoint], every: int) -> list[Tick]:
    """Every point's label, or (``every`` > 1, for long series of quarters) the first, the last
    and every ``every``-th, the last one ending at its point so that it stays inside the chart."""
    if every <= 1:
        return [Tick(str(p.x), p.label) for p in points]
    last = len(points) - 1
    return [
        Tick(str(p.x), p.label, "end" if i == last else "middle")
        for i, p in enumerate(points)
        if i == 0 or i == last or i % every == 0
    ]


def xmr_chart(
    result: SpcResult,
    labels: Sequence[str],
    *,
    revised: Sequence[bool] = (),
    label_every: int = 1,
    unit: str = "",
    width: int = 640,
    height: int = 260,
) -> Chart | None:
    """``revised`` (by input position, optional) marks points changed after publication;
    ``label_every`` thins the period labels of a long series; ``unit`` is written above the
    value axis. The result's target, if any, is drawn as a line and kept inside the chart; the
    value axis starts and ends at round numbers."""
    if not result.points:
        return None
    ys = [p.value for p in result.points]
    for g in result.groups:
        ys += [g.lower_limit, g.upper_limit]
    if result.target is not None:
        ys.append(result.target)
    low, high = nice_bounds(*value_range(ys))
    plot = Plot(
        width=width,
        height=height,
        count=len(labels),
        low=low,
        high=high,
        top=UNIT_TOP if unit else Plot.top,
    )
    points = [
        ChartPoint(
            plot.x(p.index),
            plot.y(p.value),
            labels[p.index],
            p.value,
            KIND[p.variation],
            revised=p.index < len(revised) and revised[p.index],
        )
        for p in result.points
    ]
    lines = []
    for g in result.groups:
        idx = [p.index for p in result.points if p.group == g.number]
        x1, x2 = plot.x(idx[0]), plot.x(idx[-1])
        lines.append(ChartLine(x1, x2, plot.y(g.mean), "mean"))
        lines += [
            ChartLine(x1, x2, plot.y(g.lower_limit), "limit"),
            ChartLine(x1, x2, plot.y(g.upper_limit), "limit"),
        ]
    if result.target is not None:
        lines.append(ChartLine(plot.x(0), plot.x(len(labels) - 1), plot.y(result.target), "target"))
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
    return Chart(
        width=width,
        height=height,
        points=points,
        lines=lines,
        path=path,
        axes=plot.axes(_x_labels(points, label_every), unit=unit),
        target=result.target,
    )

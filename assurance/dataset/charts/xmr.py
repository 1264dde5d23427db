"""Geometry of a server-rendered SVG XmR chart (pure: no Django). The template draws it and the
page always shows the same figures as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    kind: str  # "mean" or "limit"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[ChartPoint]
    lines: list[ChartLine]
    path: str
    y_ticks: list[tuple[float, str]]
    left: int
    bottom: int


KIND = {
    Variation.COMMON_CAUSE: "common",
    Variation.IMPROVING: "improving",
    Variation.CONCERNING: "concerning",
    Variation.NEITHER_HIGH: "neither",
    Variation.NEITHER_LOW: "neither",
}


def xmr_chart(
    result: SpcResult,
    labels: Sequence[str],
    *,
    revised: Sequence[bool] = (),
    width: int = 640,
    height: int = 260,
) -> Chart | None:
    """``revised`` (by input position, optional) marks points changed after publication."""
    if not result.points:
        return None
    left, right, top, bottom = 56, 16, 12, 32
    n = len(labels)
    ys = [p.value for p in result.points]
    for g in result.groups:
        ys += [g.lower_limit, g.upper_limit]
    lo, hi = min(ys), max(ys)
    if hi == lo:
        hi, lo = hi + 1, lo - 1
    pad = (hi - lo) * 0.05
    lo, hi = lo - pad, hi + pad

    def sx(i: int) -> float:
        return round(left + (width - left - right) * (i / (n - 1) if n > 1 else 0.5), 1)

    def sy(v: float) -> float:
        return round(top + (height - top - bottom) * (hi - v) / (hi - lo), 1)

    points = [
        ChartPoint(
            sx(p.index),
            sy(p.value),
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
        x1, x2 = sx(idx[0]), sx(idx[-1])
        lines.append(ChartLine(x1, x2, sy(g.mean), "mean"))
        lines += [
            ChartLine(x1, x2, sy(g.lower_limit), "limit"),
            ChartLine(x1, x2, sy(g.upper_limit), "limit"),
        ]
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
    ticks = [lo + (hi - lo) * k / 4 for k in range(5)]
    return Chart(
        width=width,
        height=height,
        points=points,
        lines=lines,
        path=path,
        y_ticks=[(sy(t), f"{t:,.1f}") for t in ticks],
        left=left,
        bottom=height - bottom,
    )

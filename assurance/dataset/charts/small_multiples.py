"""Geometry of small multiples (pure: no Django): one small line chart per locality, every one
on the same value scale and the same periods, so a locality's level can be compared with the
others' at a glance. Templates draw them, beside the table with the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

Number = Decimal | float | int | None

WIDTH, HEIGHT = 220, 110
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 10, 22


@dataclass(frozen=True)
class Panel:
    label: str
    path: str  # "M x,y L x,y …"; a missing value breaks the line
    points: list[tuple[float, float]]
    last: tuple[float, float] | None
    summary: str  # the text alternative: first and latest value


@dataclass(frozen=True)
class SmallMultiples:
    width: int
    height: int
    panels: list[Panel]
    top: float  # the shared scale: its top value and where it is drawn
    top_y: float
    zero_y: float
    first_label: str
    last_label: str
    left: int = LEFT
    right_x: float = WIDTH - RIGHT


def _scale_top(values: list[float]) -> float:
    """A round top for the shared scale: 1, 2, 2.5 or 5 × a power of ten, at or above the
    largest value (1 when every value is 0)."""
    largest = max(values, default=0.0)
    if largest <= 0:
        return 1.0
    power = 1.0
    while power * 10 <= largest:
        power *= 10
    while power > largest:
        power /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= largest:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def small_multiples(
    periods: Sequence[str], series: Sequence[tuple[str, Sequence[Number]]], *, places: int = 0
) -> SmallMultiples | None:
    """One panel per (label, values by period); None when there are fewer than two periods or
    no value at all. Values are 0 or more (counts, percentages, rates), so the scale starts at
    0."""
    values = [float(v) for _, vs in series for v in vs if v is not None]
    if len(periods) < 2 or not values:
        return None
    top = _scale_top(values)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / (len(periods) - 1)

    def y(value: float) -> float:
        return round(TOP + inner_h * (1 - value / top), 1)

    panels = []
    for label, vs in series:
        points: list[tuple[float, float]] = []
        path: list[str] = []
        joined = False
        for i, v in enumerate(vs):
            if v is None:
                joined = False
                continue
            point = (round(LEFT + i * step, 1), y(float(v)))
            points.append(point)
            path.append(f"{'L' if joined else 'M'}{point[0]},{point[1]}")
            joined = True
        known = [(p, v) for p, v in zip(periods, vs, strict=True) if v is not None]
        if known:
            (first_p, first_v), (last_p, last_v) = known[0], known[-1]
            summary = (
                f"{label}: {float(first_v):,.{places}f} in {first_p}, "
                f"{float(last_v):,.{places}f} in {last_p}"
            )
        else:
            summary = f"{label}: no figures"
        panels.append(
            Panel(
                label=label,
                path=" ".join(path),
                points=points,
                last=points[-1] if points else None,
                summary=summary,
            )
        )
    return SmallMultiples(
        width=WIDTH,
        height=HEIGHT,
        panels=panels,
        top=top,
        top_y=float(TOP),
        zero_y=float(TOP + inner_h),
        first_label=periods[0],
        last_label=periods[-1],
    )

"""The run's figures: each page's latency centiles, errors, throughput and the ratio of each
page's 95th centile to the floor's (pure, no Django)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

FLOOR = "floor"
# Signing in hashes the password with Argon2, slow on purpose (every guess costs an attacker
# as much): it is measured and shown, but it is not held to the target of a page.
NOT_IN_TARGET = {"sign in": "Argon2 password hashing, slow by design"}


@dataclass(frozen=True)
class Sample:
    label: str  # the page, as the report names it
    seconds: float
    ok: bool


@dataclass(frozen=True)
class PageFigures:
    label: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    ratio_to_floor: float | None  # p95 over the floor's p95

    @property
    def in_target(self) -> bool:
        return self.label not in NOT_IN_TARGET


def centile(values: list[float], fraction: float) -> float:
    """The nearest-rank centile: the smallest value with at least ``fraction`` of the values at
    or below it (so the 95th of 20 values is the 19th, never an interpolation)."""
    if not values:
        raise ValueError("No values to take a centile of.")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def page_figures(samples: Iterable[Sample]) -> list[PageFigures]:
    """One row per page, the floor first, then the slowest (by 95th centile) first."""
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for s in samples:
        times[s.label].append(s.seconds)
        errors[s.label] += 0 if s.ok else 1
    floor_p95 = centile(times[FLOOR], 0.95) if times.get(FLOOR) else None
    rows = []
    for label, seconds in times.items():
        p95 = centile(seconds, 0.95)
        rows.append(
            PageFigures(
                label=label,
                requests=len(seconds),
                errors=errors[label],
                p50_ms=centile(seconds, 0.5) * 1000,
                p95_ms=p95 * 1000,
                ratio_to_floor=(p95 / floor_p95) if floor_p95 else None,
            )
        )
    return sorted(rows, key=lambda r: (r.label != FLOOR, -r.p95_ms, r.label))


def worst_ratio(rows: list[PageFigures]) -> float:
    """The highest p95 × floor of the pages held to the target."""
    return max((r.ratio_to_floor or 0.0 for r in rows if r.in_target), default=0.0)


def table(rows: list[PageFigures]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| page | requests | errors | p50 ms | p95 ms | p95 × floor |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ratio = f"{r.ratio_to_floor:.1f}" if r.ratio_to_floor is not None else "–"
        if not r.in_target:
            ratio += f" (not in the target: {NOT_IN_TARGET[r.label]})"
        lines.append(
            f"| {r.label} | {r.requests} | {r.errors} | {r.p50_ms:.0f} | {r.p95_ms:.0f} | {ratio} |"
        )
    return "\n".join(lines)

"""The figures of a summary of feedback (pure): counts by source, age band and theme, each
with every category listed (a category nobody came from is a 0, not a gap)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    key: str  # the stored value (a source, an age band) or the theme's id
    label: str
    count: int


@dataclass(frozen=True)
class Figures:
    """What a period's feedback amounts to. A piece with two themes counts under each theme,
    so the themes' counts may add up to more than ``total``; ``untagged`` counts the pieces
    with no theme yet."""

    total: int
    by_source: list[Count]
    by_age_band: list[Count]
    by_theme: list[Count]
    untagged: int


def tally(counted: Mapping[str, int], choices: Iterable[tuple[str, str]]) -> list[Count]:
    """Each choice with its count, in the choices' order; a value counted that is not a choice
    (a choice since withdrawn) comes last under its stored value."""
    rows = [Count(str(value), str(label), counted.get(str(value), 0)) for value, label in choices]
    known = {row.key for row in rows}
    rows += [Count(k, k, n) for k, n in sorted(counted.items()) if k not in known and n]
    return rows


def by_count(rows: Iterable[Count]) -> list[Count]:
    """Most first, then by label (the themes' order)."""
    return sorted(rows, key=lambda row: (-row.count, row.label))

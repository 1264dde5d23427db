"""Latency centiles, and each page's 95th centile against the floor's."""

from __future__ import annotations

import pytest

from assurance.operations.loadtest.figures import (
    FLOOR,
    Sample,
    centile,
    page_figures,
    table,
    worst_ratio,
)


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([5.0], 0.5, 5.0),
        ([5.0], 0.95, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.0),
        ([4.0, 3.0, 2.0, 1.0], 0.5, 2.0),  # order given does not matter
        ([float(n) for n in range(1, 21)], 0.95, 19.0),  # nearest rank: the 19th of 20
        ([float(n) for n in range(1, 101)], 0.95, 95.0),
        ([float(n) for n in range(1, 101)], 1.0, 100.0),
    ],
)
def test_centile_is_the_nearest_rank(values: list[float], fraction: float, expected: float) -> None:
    assert centile(values, fraction) == expected


def test_no_values_have_no_centile() -> None:
    with pytest.raises(ValueError, match="No values"):
        centile([], 0.5)


def _samples(label: str, seconds: list[float], errors: int = 0) -> list[Sample]:
    return [Sample(label, s, ok=i >= errors) for i, s in enumerate(seconds)]


def test_each_page_against_the_floor_the_floor_first_then_the_slowest() -> None:
    samples = (
        _samples(FLOOR, [0.010] * 20)
        + _samples("home", [0.020] * 19 + [0.050])
        + _samples("highlight report", [0.040] * 20, errors=1)
    )
    rows = page_figures(samples)

    assert [r.label for r in rows] == [FLOOR, "highlight report", "home"]
    floor, report, home = rows
    assert (floor.requests, floor.p95_ms, floor.ratio_to_floor) == (20, 10.0, 1.0)
    assert (report.errors, report.p50_ms, report.ratio_to_floor) == (1, 40.0, 4.0)
    assert home.p95_ms == 20.0  # the one slow request is the 20th of 20, above the 95th
    assert worst_ratio(rows) == 4.0


def test_sign_in_is_shown_but_not_held_to_the_target() -> None:
    rows = page_figures(_samples(FLOOR, [0.010]) + _samples("sign in", [0.500]))
    assert worst_ratio(rows) == 1.0
    assert "50.0 (not in the target: Argon2 password hashing" in table(rows)


def test_without_a_floor_there_is_no_ratio() -> None:
    [row] = page_figures(_samples("home", [0.020]))
    assert row.ratio_to_floor is None
    assert table([row]).splitlines()[-1] == "| home | 1 | 0 | 20 | 20 | – |"

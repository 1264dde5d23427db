"""Table-driven tests of the pure comparison rules (benchmarking.py): no database."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assurance.dataset.benchmarks.rules import (
    Direction,
    Rag,
    direction_of_travel,
    neighbour_average,
    rag,
    worse_than,
)


@pytest.mark.parametrize(
    ("values", "average", "known", "missing"),
    [
        ([D(10), D(20), D(30)], D(20), 3, 0),
        ([D(10), None, D(30)], D(20), 2, 1),  # suppressed: left out, not zero
        ([None, None], None, 0, 2),
        ([], None, 0, 0),
        ([D("22.5")], D("22.5"), 1, 0),
    ],
)
def test_neighbour_average_leaves_out_suppressed_values(values, average, known, missing):
    result = neighbour_average(values)
    assert (result.value, result.known, result.missing) == (average, known, missing)


@pytest.mark.parametrize(
    ("previous", "latest", "polarity", "expected"),
    [
        (D(20), D(18), "lower", Direction.IMPROVING),
        (D(20), D(22), "lower", Direction.WORSENING),
        (D(80), D(85), "higher", Direction.IMPROVING),
        (D(80), D(75), "higher", Direction.WORSENING),
        (D(100), D("100.9"), "higher", Direction.NO_CHANGE),  # 0.9 % of 100: within 1 %
        (D(100), D(101), "higher", Direction.NO_CHANGE),  # exactly 1 %: still no change
        (D(100), D("101.1"), "higher", Direction.IMPROVING),
        (D(100), D(99), "lower", Direction.NO_CHANGE),
        (D(0), D(1), "lower", Direction.WORSENING),  # from zero any change counts
        (D(0), D(0), "lower", Direction.NO_CHANGE),
        (D(500), D(600), "neither", Direction.INCREASED),
        (D(500), D(400), "neither", Direction.DECREASED),
        (None, D(5), "higher", None),
        (D(5), None, "higher", None),
    ],
)
def test_direction_of_travel(previous, latest, polarity, expected):
    assert direction_of_travel(previous, latest, polarity) == expected


@pytest.mark.parametrize(
    ("value", "target", "tolerance", "polarity", "expected"),
    [
        (D(90), D(85), D(5), "higher", Rag.GREEN),
        (D(85), D(85), D(5), "higher", Rag.GREEN),  # on target: met
        (D(81), D(85), D(5), "higher", Rag.AMBER),
        (D(80), D(85), D(5), "higher", Rag.AMBER),  # on the tolerance: amber
        (D(79), D(85), D(5), "higher", Rag.RED),
        (D(79), D(85), None, "higher", Rag.RED),
        (D(15), D(18), D(2), "lower", Rag.GREEN),
        (D(19), D(18), D(2), "lower", Rag.AMBER),
        (D(21), D(18), D(2), "lower", Rag.RED),
        (D(21), None, D(2), "lower", None),
        (None, D(18), D(2), "lower", None),
        (D(21), D(18), D(2), "neither", None),
    ],
)
def test_rag(value, target, tolerance, polarity, expected):
    assert rag(value, target, tolerance, polarity) == expected


@pytest.mark.parametrize(
    ("value", "reference", "polarity", "margin", "expected"),
    [
        (D(22), D(20), "lower", 5, True),  # worse by 2, margin 1
        (D(22), D(20), "lower", 10, False),  # worse by 2, margin 2: not beyond it
        (D(18), D(20), "lower", 0, False),  # better
        (D(70), D(80), "higher", 10, True),  # worse by 10, margin 8
        (D(75), D(80), "higher", 10, False),
        (D(70), D(80), "neither", 10, False),
        (None, D(80), "higher", 10, False),
        (D(70), None, "higher", 10, False),
    ],
)
def test_worse_than_a_reference_beyond_a_margin(value, reference, polarity, margin, expected):
    assert worse_than(value, reference, polarity, margin) == expected

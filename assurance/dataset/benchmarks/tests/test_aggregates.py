"""Unit tests of the pure aggregation rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assurance.dataset.benchmarks.aggregates import (
    LONDON,
    TotalStatus,
    check_total,
    national_rank,
    population_year,
    quantile,
    quartile_band,
    rate_per_10k,
    region_groups,
    round_half_up,
    round_to,
)


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 0), (4, 0), (5, 10), (14, 10), (15, 20), (632_834, 632_830)]
)
def test_round_to_ten(value, expected):
    assert round_to(value) == expected


def test_round_half_up_not_bankers():
    assert round_half_up(Decimal("2.25"), 1) == Decimal("2.3")
    assert round_half_up(0.125, 2) == Decimal("0.13")


@pytest.mark.parametrize(
    ("published", "values", "status", "remainder"),
    [
        (130, [40, 51, 38], TotalStatus.REPRODUCED, None),
        (140, [40, 51, 38], TotalStatus.DIFFERS, None),
        (130, [40, None, 38], TotalStatus.UNKNOWN_REMAINDER, 52),
        (None, [1, 2], TotalStatus.NOT_PUBLISHED, None),
    ],
)
def test_check_total(published, values, status, remainder):
    result = check_total(published=published, la_values=values)
    assert result.status is status and result.remainder == remainder
    assert result.suppressed == values.count(None)


def test_rate_per_10k():
    assert rate_per_10k(2996, 49139) == Decimal("609.7")
    assert rate_per_10k(81770, 12183016, places=0) == Decimal("67")
    with pytest.raises(ZeroDivisionError):
        rate_per_10k(1, 0)


def test_population_year_is_the_calendar_year_before():
    assert population_year(2025) == 2024


def test_london_is_inner_plus_outer():
    groups = region_groups({"A": "E13000001", "B": "E13000002", "C": "E12000001"})
    assert sorted(groups[LONDON]) == ["A", "B"]
    assert groups["E12000001"] == ["C"]


D = [Decimal(v) for v in (10, 20, 20, 30, 40)]


def test_quantile_is_r_type_7():
    xs = [Decimal(v) for v in (1, 2, 3, 4, 10)]
    assert quantile(xs, 0.25) == 2
    assert quantile(xs, 0.5) == 3
    assert quantile([Decimal(1), Decimal(2)], 0.25) == Decimal("1.25")


@pytest.mark.parametrize(
    ("polarity", "value", "rank"),
    [("lower", 10, 1), ("lower", 20, 2), ("lower", 30, 4), ("higher", 40, 1), ("higher", 20, 3)],
)
def test_national_rank_ties_share_the_best_rank(polarity, value, rank):
    assert national_rank(Decimal(value), D, polarity) == rank
    assert national_rank(Decimal(value), D, "neither") is None


@pytest.mark.parametrize(
    ("value", "lower", "higher"),
    # bands of 0, 25, 50, 75, 100: on a boundary belongs to the band below (LAIT's tests)
    [
        (0, "A", "D"),
        (10, "A", "D"),
        (25, "A", "D"),
        (30, "B", "C"),
        (50, "B", "C"),
        (60, "C", "B"),
        (75, "C", "B"),
        (80, "D", "A"),
        (100, "D", "A"),
    ],
)
def test_quartile_band_a_is_best(value, lower, higher):
    values = [Decimal(v) for v in range(0, 101)]
    assert quartile_band(Decimal(value), values, "lower") == lower
    assert quartile_band(Decimal(value), values, "higher") == higher

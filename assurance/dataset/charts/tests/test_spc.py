"""Table-driven tests of the XmR rules (assurance.dataset.spc), worked out by hand from the
NHSRplotthedots conventions (docs/dataset-spc.md)."""

from __future__ import annotations

import math

import pytest

from assurance.dataset.charts.spc import (
    Assurance,
    Polarity,
    SpecialCause,
    Variation,
    recent_step_change,
    xmr,
)

BASE = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11]  # mean 11.5, mean MR 15/11


def test_worked_limits():
    r = xmr(BASE)
    g = r.groups[0]
    assert g.mean == pytest.approx(11.5)
    assert g.mean_moving_range == pytest.approx(15 / 11)
    assert g.lower_limit == pytest.approx(11.5 - 2.66 * 15 / 11)  # 7.8727
    assert g.upper_limit == pytest.approx(11.5 + 2.66 * 15 / 11)  # 15.1273
    assert [p.moving_range for p in r.points][:3] == [None, 2, 1]
    assert not any(p.special_cause for p in r.points)
    assert r.variation is Variation.COMMON_CAUSE
    assert g.short is False


# name, values, polarity, special-cause positions, rule attribute, last-point variation
CASES = [
    ("common cause", BASE, "higher", set(), None, Variation.COMMON_CAUSE),
    # 30 at the end: mean 12.92, MR mean 34/12=2.83 (19 < 3.267*2.83=9.26? no: 19 screened),
    # screened mean MR 15/11, limits 12.92 +- 3.63 -> 30 is beyond the upper limit
    (
        "beyond upper limit, higher is better",
        [*BASE, 30],
        "higher",
        {12},
        "outside_limits",
        Variation.IMPROVING,
    ),
    (
        "beyond upper limit, lower is better",
        [*BASE, 30],
        "lower",
        {12},
        "outside_limits",
        Variation.CONCERNING,
    ),
    ("beyond upper limit, neither", [*BASE, 30], "neither", {12}, None, Variation.NEITHER_HIGH),
    # seven below then seven above the mean of 10.5: both runs flagged
    (
        "run of seven each side",
        [10, 9, 10, 9, 10, 9, 10, 11, 12, 11, 12, 11, 12, 11],
        "lower",
        set(range(14)),
        "run",
        Variation.CONCERNING,
    ),
    # six on one side is not a run
    (
        "six is not a run",
        [10, 9, 10, 9, 10, 9, 11, 12, 11, 12, 11, 12, 10.5],
        "higher",
        set(),
        None,
        Variation.COMMON_CAUSE,
    ),
    # seven rising points (six increases) are a trend; mean 4, all within limits?
    (
        "trend of seven rising",
        [5, 3, 5, 3, 5, 3, 1, 2, 3, 4, 5, 6, 7, 5, 3],
        "higher",
        {6, 7, 8, 9, 10, 11, 12},
        "trend",
        Variation.COMMON_CAUSE,
    ),
    (
        "six rising is not a trend",
        [5, 3, 5, 3, 5, 3, 1, 2, 3, 4, 5, 6, 4, 5, 3],
        "higher",
        set(),
        None,
        Variation.COMMON_CAUSE,
    ),
    (
        "a tie breaks a trend",
        [5, 3, 5, 3, 5, 3, 1, 2, 3, 3, 4, 5, 6, 5, 3],
        "higher",
        set(),
        None,
        Variation.COMMON_CAUSE,
    ),
]


@pytest.mark.parametrize(
    ("name", "values", "polarity", "special", "rule", "variation"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_rules(name, values, polarity, special, rule, variation):
    r = xmr(values, polarity=polarity)
    assert {p.index for p in r.points if p.special_cause} == special
    if rule:
        assert all(getattr(r.points[i], rule) for i in special)
    assert r.variation is variation


def test_two_of_three_near_limits_same_side():
    # worked by hand: 16 baseline points 10, 10.5 ... then 12, 11, 12, 10.
    # mean 209/20 = 10.45; moving ranges 15 x 0.5, 1.5, 1, 1, 2 -> 13/19 = 0.6842;
    # two sigma 10.45 + 1.7733 x 0.6842 = 11.663; upper limit 10.45 + 2.66 x 0.6842 = 12.270.
    values = [10, 10.5] * 8 + [12.0, 11.0, 12.0, 10]
    r = xmr(values, polarity="higher")
    g = r.groups[0]
    assert g.mean == pytest.approx(10.45)
    assert g.mean_moving_range == pytest.approx(13 / 19)
    assert g.upper_limit == pytest.approx(12.27)
    assert {p.index for p in r.points if p.near_limits} == {16, 18}
    assert {p.index for p in r.points if p.two_in_three} == {16, 18}
    assert {p.index for p in r.points if p.special_cause} == {16, 18}
    assert r.points[16].variation is Variation.IMPROVING
    assert r.variation is Variation.COMMON_CAUSE


def test_two_of_three_needs_all_three_on_one_side():
    # the middle point of the window is below the mean: no signal (NHSRplotthedots convention)
    values = [10, 10.5] * 8 + [12.0, 10.2, 12.0, 10]
    r = xmr(values, polarity="higher")
    assert r.points[16].near_limits and r.points[18].near_limits
    assert r.points[17].relative_to_mean == -1
    assert not any(p.two_in_three for p in r.points)


def test_screening_moving_ranges():
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 40, 11]
    screened = xmr(values).groups[0]
    plain = xmr(values, screen_outliers=False).groups[0]
    # MRs: 1 x 9, 29, 29 -> mean 67/11 = 6.09; 29 >= 3.267 * 6.09 = 19.9 -> both left out
    assert plain.mean_moving_range == pytest.approx(67 / 11)
    assert screened.mean_moving_range == pytest.approx(1.0)
    assert screened.screened_out == 2 and plain.screened_out == 0
    assert xmr(values).points[10].outside_limits
    assert screened.upper_limit < plain.upper_limit


def test_rebase_recalculates_from_the_chosen_point():
    values = [10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21]
    r = xmr(values, rebase_at=[6], polarity="higher")
    assert [g.mean for g in r.groups] == [10.5, 20.5]
    assert [g.start_index for g in r.groups] == [0, 6]
    assert r.points[6].moving_range is None
    assert all(g.short for g in r.groups)
    assert not any(p.special_cause for p in r.points)
    whole = xmr(values, polarity="higher")
    assert whole.variation is Variation.IMPROVING


def test_missing_values_are_left_out_and_remembered():
    r = xmr([10, None, 12, 11, None, 13])
    assert r.missing == [1, 4]
    assert [p.index for p in r.points] == [0, 2, 3, 5]
    assert r.groups[0].mean == pytest.approx(11.5)


def test_empty_series():
    r = xmr([], target=5, polarity="higher")
    assert r.variation is None and r.assurance is None and r.points == []


def test_fix_after_n_points():
    values = [10, 11, 10, 11, 30, 31, 30]
    r = xmr(values, fix_after_n_points=4)
    assert r.groups[0].mean == pytest.approx(10.5)
    assert all(p.outside_limits for p in r.points[4:])


# limits of BASE: 7.87 .. 15.13
ASSURANCE = [
    ("higher", 16, Assurance.CONSISTENTLY_FAILED),
    ("higher", 7, Assurance.CONSISTENTLY_MET),
    ("higher", 12, Assurance.HIT_AND_MISS),
    ("lower", 16, Assurance.CONSISTENTLY_MET),
    ("lower", 7, Assurance.CONSISTENTLY_FAILED),
    ("lower", 12, Assurance.HIT_AND_MISS),
    ("neither", 16, None),
    ("higher", None, None),
]


@pytest.mark.parametrize(("polarity", "target", "expected"), ASSURANCE)
def test_assurance(polarity, target, expected):
    assert xmr(BASE, polarity=Polarity(polarity), target=target).assurance is expected


def test_assurance_uses_the_last_group():
    values = [10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21]
    r = xmr(values, rebase_at=[6], polarity="higher", target=15)
    assert r.assurance is Assurance.CONSISTENTLY_MET


def test_no_nan_in_single_point():
    r = xmr([5])
    assert r.groups[0].mean == 5 and not math.isnan(r.groups[0].upper_limit)


TREND = [5, 3, 5, 3, 5, 3, 1, 2, 3, 4, 5, 6, 7, 5, 3]  # mean 4; positions 6-12 rise 1..7


def test_a_trend_takes_its_own_direction_not_the_side_of_the_mean():
    r = xmr(TREND, polarity="higher")
    rising = [r.points[i] for i in range(6, 13)]
    assert all(p.cause is SpecialCause.TREND_UP for p in rising)
    # points 1, 2 and 3 are below the mean of 4 but part of an improving trend
    assert all(p.variation is Variation.IMPROVING for p in rising)


def test_decreasing_trends_are_flagged_too():
    r = xmr(list(reversed(TREND)), polarity="higher")
    falling = {p.index for p in r.points if p.trend}
    assert falling == {2, 3, 4, 5, 6, 7, 8}
    assert all(r.points[i].cause is SpecialCause.TREND_DOWN for i in falling)
    assert all(r.points[i].variation is Variation.CONCERNING for i in falling)


def test_rule_order_limits_before_trend():
    r = xmr([*BASE, 30], polarity="lower")
    assert r.points[-1].cause is SpecialCause.ABOVE_UPPER


def test_neither_polarity_labels_by_direction():
    r = xmr([10, 9, 10, 9, 10, 9, 10, 11, 12, 11, 12, 11, 12, 11], polarity="neither")
    assert r.points[0].variation is Variation.NEITHER_LOW
    assert r.points[-1].variation is Variation.NEITHER_HIGH


STEP_UP = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 20, 21, 20, 22, 21, 20, 21]


@pytest.mark.parametrize(
    ("values", "rebase_at", "expected"),
    [
        (STEP_UP, (), 10),  # seven points at a new level, all special cause: rebase from the 11th
        ([-v for v in STEP_UP], (), 10),  # a step down too
        (STEP_UP[:-1], (), None),  # only six at the new level: not yet a run
        (STEP_UP, (10,), None),  # already rebased there: the new level has its own limits
        ([*STEP_UP, 11], (), None),  # the latest point falls back below: no settled new level
        ([10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11], (), None),  # all common cause
        ([], (), None),
    ],
)
def test_a_recent_step_change_is_found_where_it_starts(values, rebase_at, expected):
    result = xmr(values, polarity="higher", rebase_at=rebase_at)
    assert recent_step_change(result) == expected

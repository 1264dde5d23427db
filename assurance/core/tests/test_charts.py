"""Chart geometry (pure): the proportion bar chart with intervals, and the plotting area and
axes of the line charts."""

from __future__ import annotations

import pytest

from assurance.core.charts import (
    AXIS,
    NONE_ASSESSED,
    Plot,
    ProportionRow,
    RowText,
    Share,
    Tick,
    nice_bounds,
    nice_step,
    proportion_chart,
    short_label,
    value_range,
)


def _chart(*shares: Share):  # type: ignore[no-untyped-def]
    return proportion_chart(shares, description="Bar chart")


@pytest.mark.parametrize(
    ("value", "low", "high", "width", "low_x", "high_x", "text"),
    [
        # the bar starts at x=200 and 100% is 400 px wide; the interval's ends are x positions
        (0.5, 0.3, 0.7, 200.0, 320.0, 480.0, "50%"),
        (0.0, 0.0, 0.2775, 0.0, 200.0, 311.0, "0%"),
        (1.0, 0.7225, 1.0, 400.0, 489.0, 600.0, "100%"),
        (2 / 3, 0.2077, 0.9385, 266.7, 283.1, 575.4, "67%"),
        (0.4286, 0.2445, 0.6325, 171.4, 297.8, 453.0, "43%"),
        (0.125, None, None, 50.0, 250.0, 250.0, "12%"),  # no interval: a point at the bar's end
    ],
)
def test_a_bar_is_as_wide_as_its_proportion_with_its_interval_across_it(
    value: float,
    low: float | None,
    high: float | None,
    width: float,
    low_x: float,
    high_x: float,
    text: str,
) -> None:
    (row,) = _chart(Share("Police", value, low, high)).rows
    assert (row.width, row.low_x, row.high_x, row.value) == (width, low_x, high_x, text)
    assert row.value_x == 606  # right of 100%


def test_an_agency_that_assessed_nothing_has_no_bar_and_says_none_assessed() -> None:
    chart = _chart(Share("Police", 0.5, 0.3, 0.7), Share("Health", None), Share("All", 0.5))
    health = chart.rows[1]
    assert health == ProportionRow("Health", NONE_ASSESSED, 32, None, None, None, 200, 47, False)
    assert chart.texts[1] == RowText("47.0", "Health", "200.0", "None assessed")
    assert chart.bars.count("M") == 2 and " 32h" not in chart.bars  # police and all: no health
    assert chart.intervals.count("M") == 2


@pytest.mark.parametrize(
    ("index", "top", "baseline", "interval_y"),
    [(0, 4, 19, 13), (1, 32, 47, 41), (10, 284, 299, 293)],
)
def test_rows_are_28_px_apart(index: int, top: int, baseline: int, interval_y: int) -> None:
    chart = _chart(*(Share(f"Agency {n}", 0.5, 0.25, 0.75) for n in range(11)))
    row = chart.rows[index]
    assert (row.top, row.baseline) == (top, baseline)
    assert f"M200 {top}h200.0v18H200z" in chart.bars
    assert f"M300.0 {interval_y}H500.0" in chart.intervals
    assert chart.texts[index].y == f"{baseline:.1f}"


def test_the_total_row_is_drawn_darker_and_the_chart_fits_its_rows() -> None:
    chart = _chart(Share("Police", 0.5, 0.3, 0.7), Share("All agencies", 0.25, 0.1, 0.5, True))
    assert chart.bars == "M200 4h200.0v18H200z"
    assert chart.total_bars == "M200 32h100.0v18H200z"
    assert chart.intervals == "M320.0 13H480.0 M240.0 41H400.0"
    assert (chart.width, chart.height, chart.view_box) == (660, 80, "0 0 660 80")
    assert chart.label_x == "192.0" and chart.axis_y == "76.0"
    assert chart.description == "Bar chart"


def test_the_axis_is_labelled_every_25_percent_under_the_bars() -> None:
    assert _chart(Share("Police", 0.5)).ticks == AXIS
    assert [(tick.at, tick.label) for tick in AXIS] == [
        ("200.0", "0%"),
        ("300.0", "25%"),
        ("400.0", "50%"),
        ("500.0", "75%"),
        ("600.0", "100%"),
    ]


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Police", "Police"),
        ("A" * 28, "A" * 28),
        ("A" * 29, "A" * 27 + "…"),
        ("West Midlands Police and Crime Commissioner", "West Midlands Police and Cr…"),
        ("Northfield Children's Trust Services", "Northfield Children's Trust…"),
        ("The Northfield Children and Family Trust", "The Northfield Children and…"),
        ("Northfield Integrated Care  Board", "Northfield Integrated Care…"),  # no space before …
    ],
)
def test_long_labels_are_shortened_with_an_ellipsis(label: str, shown: str) -> None:
    assert short_label(label) == shown
    assert len(shown) <= 28
    assert _chart(Share(label, 0.5)).texts[0].label == shown


def test_labels_are_kept_as_text_for_the_template_to_escape() -> None:
    chart = _chart(Share("Police & <Crime>", 0.5, 0.4, 0.6))
    assert chart.texts[0].label == "Police & <Crime>"


# --- line charts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "pad", "keep_positive", "expected"),
    [
        ([10, 20], 0.0, False, (10, 20)),
        ([10, 20], 0.05, False, (9.5, 20.5)),
        ([5, 5], 0.0, False, (4, 6)),  # all equal: one unit either side
        ([1, 21], 0.08, True, (0.0, 22.6)),  # positive values stop at zero
        ([-1, 9], 0.1, True, (-2.0, 10.0)),  # a negative value: no floor
    ],
)
def test_the_value_range_of_an_axis(
    values: list[float], pad: float, keep_positive: bool, expected: tuple[float, float]
) -> None:
    assert value_range(values, pad=pad, keep_positive=keep_positive) == pytest.approx(expected)


def test_a_plot_spaces_periods_evenly_and_puts_high_values_at_the_top() -> None:
    plot = Plot(width=640, height=260, count=5, low=0, high=100)
    assert [plot.x(i) for i in range(5)] == [56.0, 198.0, 340.0, 482.0, 624.0]
    assert (plot.y(100), plot.y(0), plot.y(50)) == (12.0, 228.0, 120.0)
    assert Plot(width=640, height=260, count=1, low=0, high=1).x(0) == 340.0  # alone: centred
    axes = plot.axes([Tick("56.0", "2020")])
    assert (axes.left, axes.bottom, axes.tick_x, axes.label_y) == (56, 228, 50, 244)
    assert axes.y_ticks == (
        Tick("228.0", "0", "end"),
        Tick("184.8", "20", "end"),
        Tick("141.6", "40", "end"),
        Tick("98.4", "60", "end"),
        Tick("55.2", "80", "end"),
        Tick("12.0", "100", "end"),
    )
    assert axes.x_labels == (Tick("56.0", "2020"),)


@pytest.mark.parametrize(
    ("low", "high", "step", "bounds", "labels"),
    [
        (0, 100, 20, (0, 100), ["0", "20", "40", "60", "80", "100"]),
        (7.87, 15.13, 2, (6, 16), ["8", "10", "12", "14"]),
        (0.013, 0.087, 0.02, (0, 0.1), ["0.02", "0.04", "0.06", "0.08"]),
        (1203, 9876, 2000, (0, 10000), ["2,000", "4,000", "6,000", "8,000"]),
        (41.2, 44.9, 1, (41, 45), ["42", "43", "44"]),
        (10, 20, 2, (10, 20), ["10", "12", "14", "16", "18", "20"]),
        (1, 11.5, 2.5, (0, 12.5), ["2.5", "5.0", "7.5", "10.0"]),  # one format per axis
    ],
)
def test_value_axes_tick_at_round_numbers(low, high, step, bounds, labels) -> None:
    assert nice_step(low, high) == pytest.approx(step)
    assert nice_bounds(low, high) == pytest.approx(bounds)
    plot = Plot(width=640, height=260, count=2, low=low, high=high)
    assert [t.label for t in plot.y_ticks()] == labels


# --- the change chart: dots with intervals either side of no change ----------------------------


def test_a_change_chart_is_laid_out_on_round_ticks_either_side_of_zero() -> None:
    from assurance.core.charts import NO_PAIRS, Change, change_chart

    chart = change_chart(
        [
            Change("Spot it", 2.2, 0.84, 3.56, "+2.2 (+0.8 to +3.6), 5 pairs"),
            Change("Act on it", -1.0, -3.0, 1.0, "-1.0"),
            Change("Record it", None),
        ],
        description="Change",
    )
    # ends −3 … 3.56 with 0: at most 4 steps of 2 → −4 to +4; x = 200 + 300 × (v + 4) / 8
    assert (chart.low, chart.high) == (-4, 4)
    assert [(t.at, t.label) for t in chart.ticks] == [
        ("200.0", "\u22124"),
        ("275.0", "\u22122"),
        ("350.0", "0"),
        ("425.0", "+2"),
        ("500.0", "+4"),
    ]
    assert chart.zero_x == "350.0"
    first, second, third = chart.rows
    assert (first.x, first.low_x, first.high_x) == ("432.5", "381.5", "483.5")
    assert (first.y, first.baseline, first.text) == ("13", "19", "+2.2 (+0.8 to +3.6), 5 pairs")
    assert (second.x, second.low_x, second.high_x) == ("312.5", "237.5", "387.5")
    assert (third.x, third.low_x, third.text) == (None, None, NO_PAIRS)
    assert chart.intervals == "M381.5 13H483.5 M237.5 41H387.5"
    assert chart.plot_bottom == "88" and chart.axis_y == "104.0"  # 4 + 3 rows × 28; + 20 − 4


def test_a_change_chart_cuts_an_interval_wider_than_the_scale_at_its_edge() -> None:
    from assurance.core.charts import Change, change_chart

    # one pair of two would give a t interval far beyond ±9: the scale stops at ±9 (→ ±10)
    chart = change_chart([Change("Spot it", 1.0, -20.0, 22.0)], description="Change")
    assert (chart.low, chart.high) == (-10, 10)
    [row] = chart.rows
    assert (row.low_x, row.x, row.high_x) == ("200.0", "365.0", "500.0")


def test_a_change_chart_of_no_change_still_has_a_scale() -> None:
    from assurance.core.charts import Change, change_chart

    chart = change_chart([Change("Spot it", 0.0, 0.0, 0.0)], description="Change")
    assert chart.low < 0 < chart.high and chart.zero_x == chart.rows[0].x

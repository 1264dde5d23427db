"""Small multiples: one panel per locality on one shared scale (pure)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assurance.dataset.charts.small_multiples import HEIGHT, _scale_top, small_multiples


@pytest.mark.parametrize(
    ("values", "top"),
    [([0], 1.0), ([7], 10.0), ([12], 20.0), ([230], 250.0), ([0.4], 0.5), ([100], 100.0)],
)
def test_the_shared_scale_has_a_round_top(values, top):
    assert _scale_top(values) == pytest.approx(top)


def test_every_panel_shares_the_scale_and_a_gap_breaks_the_line():
    chart = small_multiples(
        ["Q1", "Q2", "Q3"],
        [("North", [D(10), D(20), D(5)]), ("South", [D(20), None, D(20)])],
    )
    assert chart is not None and chart.top == 20
    north, south = chart.panels
    # the same value is drawn at the same height in every panel
    assert north.points[1][1] == south.points[0][1] == chart.top_y
    assert north.path.count("M") == 1 and south.path.count("M") == 2  # the gap
    assert south.summary == "South: 20 in Q1, 20 in Q3"
    assert all(0 <= y <= HEIGHT for panel in chart.panels for _, y in panel.points)


def test_no_chart_for_one_period_or_no_figures():
    assert small_multiples(["Q1"], [("North", [D(1)])]) is None
    assert small_multiples(["Q1", "Q2"], [("North", [None, None])]) is None

"""The geometry of the data set's line charts (pure): the XmR chart's period labels and the
benchmark chart's axes, on the shared plotting area of ``core.charts``."""

from __future__ import annotations

import pytest

from assurance.core.charts import Tick
from assurance.dataset.charts.lines import line_chart, sparkline
from assurance.dataset.charts.spc import xmr
from assurance.dataset.charts.xmr import xmr_chart

VALUES = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13]
QUARTERS = [f"Q{q % 4 + 1} {2020 + q // 4}" for q in range(10)]


@pytest.mark.parametrize(
    ("every", "labelled", "last_anchor"),
    [
        (1, list(range(10)), "middle"),  # years: every one
        (4, [0, 4, 8, 9], "end"),  # quarters: the first, every fourth and the last, inside
    ],
)
def test_the_xmr_chart_labels_its_periods(every: int, labelled: list[int], last_anchor: str):
    chart = xmr_chart(xmr(VALUES), QUARTERS, label_every=every)
    assert chart is not None
    labels = chart.axes.x_labels
    assert [t.label for t in labels] == [QUARTERS[i] for i in labelled]
    assert [t.at for t in labels] == [str(chart.points[i].x) for i in labelled]
    assert labels[-1].anchor == last_anchor
    assert {t.anchor for t in labels[:-1]} == {"middle"}
    assert (chart.axes.left, chart.axes.bottom, chart.axes.label_y) == (56, 228, 244)


def test_the_xmr_chart_is_scaled_to_its_points_and_limits():
    chart = xmr_chart(xmr(VALUES), QUARTERS)
    assert chart is not None
    ticks = chart.axes.y_ticks
    assert {t.anchor for t in ticks} == {"end"}
    # the axis runs from one round number to another around the limits: 6 to 16 by 2
    assert [t.label for t in ticks] == ["6", "8", "10", "12", "14", "16"]
    assert float(ticks[0].at) == 228.0 and float(ticks[-1].at) == 12.0  # low at the bottom
    limits = [line.y for line in chart.lines if line.kind == "limit"]
    assert min(limits) > 12.0 and max(limits) < 228.0  # inside
    assert xmr_chart(xmr([]), []) is None


def test_the_benchmark_chart_labels_at_most_about_ten_periods():
    labels = [str(year) for year in range(2000, 2025)]
    chart = line_chart(labels, [("la", "Solihull", list(range(25)))])
    assert chart is not None
    assert [t.label for t in chart.axes.x_labels] == labels[::3]
    assert chart.axes.x_labels[0] == Tick("56.0", "2000")
    assert chart.axes.y_ticks[0].label == "0"  # a count never goes below zero
    assert chart.axes.y_ticks[-1].label == "25"  # up to a round number above the highest, 24
    assert line_chart(labels, [("la", "Solihull", range(25))], unit="Number").axes.unit == "Number"  # type: ignore[union-attr]
    assert line_chart(labels, [("la", "Solihull", [None] * 25)]) is None


def test_a_sparkline_breaks_at_a_missing_value():
    line = sparkline([1, 2, None, 4])
    assert line is not None
    assert line.path == "M3.0,25.0 L41.0,17.7 M117.0,3.0"
    assert line.last == (117.0, 3.0)
    assert sparkline([1, None]) is None


def test_the_xmr_chart_draws_the_target_and_keeps_it_in_view():
    """A target far above the process (consistently failed) still shows, as its own line across
    the chart, and the axis reaches it at a round number."""
    chart = xmr_chart(xmr(VALUES, polarity="higher", target=30), QUARTERS)
    assert chart is not None and chart.target == 30
    (target,) = [line for line in chart.lines if line.kind == "target"]
    assert (target.x1, target.x2) == (chart.points[0].x, chart.points[-1].x)
    assert 12.0 <= target.y < min(p.y for p in chart.points)  # above every point, inside
    assert chart.axes.y_ticks[-1].label == "30"
    without = xmr_chart(xmr(VALUES, polarity="higher"), QUARTERS)
    assert without is not None and not [ln for ln in without.lines if ln.kind == "target"]


def test_the_xmr_chart_names_its_unit_above_the_axis():
    chart = xmr_chart(xmr(VALUES), QUARTERS, unit="Percentage (%)")
    assert chart is not None
    assert chart.axes.unit == "Percentage (%)"
    assert float(chart.axes.y_ticks[-1].at) >= 26  # the unit has the top of the chart to itself
    assert xmr_chart(xmr(VALUES), QUARTERS).axes.unit == ""  # type: ignore[union-attr]

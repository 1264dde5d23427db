"""The standards' pure rules: proportions with their 95% Wilson interval (figures checked
against the interval written out by hand), the change since the last round, the heat map's
bands and the ratings' marks."""

from __future__ import annotations

import math

import pytest

from assurance.selfassessment.standards.rules import (
    Rating,
    band,
    change_text,
    rating_band,
    rating_marks,
    standard_figures,
)

SCALE = (Rating("Fully met", meets=True), Rating("Partly met"), Rating("Not met"))
WITH_NA = (*SCALE, Rating("Not applicable", not_applicable=True))


def wilson_by_hand(met: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = met / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


@pytest.mark.parametrize(
    ("counts", "met", "n"),
    [
        ({"Fully met": 30, "Partly met": 8, "Not met": 2}, 30, 40),
        ({"Fully met": 0, "Partly met": 5, "Not met": 5}, 0, 10),
        ({"Fully met": 12}, 12, 12),
        ({"Fully met": 1, "Partly met": 2}, 1, 3),
    ],
)
def test_the_proportion_and_its_wilson_interval(counts, met, n):
    figures = standard_figures(code="1.1", title="Policy", scale=SCALE, counts=counts)
    assert (figures.met, figures.n) == (met, n)
    assert figures.proportion == pytest.approx(met / n)
    low, high = wilson_by_hand(met, n)
    assert figures.ci_low == pytest.approx(max(0.0, low), abs=1e-9)
    assert figures.ci_high == pytest.approx(min(1.0, high), abs=1e-9)
    assert figures.counts == tuple((r.label, counts.get(r.label, 0)) for r in SCALE)


def test_not_applicable_counts_in_no_proportion_and_unknown_labels_are_left_out():
    figures = standard_figures(
        code="2.1",
        title="Training",
        scale=WITH_NA,
        counts={"Fully met": 3, "Not met": 1, "Not applicable": 6, "Retired label": 9},
    )
    assert (figures.met, figures.n) == (3, 4)
    assert dict(figures.counts)["Not applicable"] == 6
    assert "Retired label" not in dict(figures.counts)


def test_no_returns_gives_no_proportion_and_no_interval():
    figures = standard_figures(code="1.1", title="Policy", scale=SCALE, counts={})
    assert figures.n == 0 and figures.proportion is None
    assert figures.ci_low is None and figures.ci_high is None
    assert figures.proportion_text == "No returns rated it"
    assert figures.interval_text == "–"
    assert figures.band == "none"


def test_the_change_since_the_last_round():
    figures = standard_figures(
        code="1.1",
        title="Policy",
        scale=SCALE,
        counts={"Fully met": 90, "Not met": 10},
        previous=(60, 100),
    )
    assert figures.previous_proportion == pytest.approx(0.6)
    assert figures.change == pytest.approx(0.3)
    assert figures.change_p is not None and figures.change_p < 0.001
    assert figures.change_text == "Up 30 points"
    assert figures.proportion_text == "90% (90 of 100)"


@pytest.mark.parametrize(
    ("change", "p", "previous_n", "text"),
    [
        (None, None, None, "Not in the last round"),
        (None, None, 0, "No returns to compare"),
        (0.001, 0.9, 40, "No change"),
        (-0.03, 0.8, 40, "Down 3 points (could be chance)"),
        (0.01, 0.9, 40, "Up 1 point (could be chance)"),
        (-0.25, 0.01, 40, "Down 25 points"),
        (0.2, None, 40, "Up 20 points"),
    ],
)
def test_change_text(change, p, previous_n, text):
    assert change_text(change, p, previous_n=previous_n) == text


def test_a_standard_new_since_the_last_round_has_no_change():
    figures = standard_figures(code="6.1", title="New", scale=SCALE, counts={"Fully met": 2})
    assert figures.previous_proportion is None and figures.change is None
    assert figures.change_text == "Not in the last round"


@pytest.mark.parametrize(
    ("proportion", "expected"),
    [
        (None, "none"),
        (0.0, "low"),
        (0.49, "low"),
        (0.5, "middle"),
        (0.79, "middle"),
        (0.8, "high"),
        (1.0, "high"),
    ],
)
def test_bands(proportion, expected):
    assert band(proportion) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Fully met", "high"),
        ("Partly met", "middle"),
        ("Not met", "low"),
        ("Not applicable", "none"),
        ("", "none"),
        ("Unknown", "none"),
    ],
)
def test_a_ratings_band(label, expected):
    assert rating_band(WITH_NA, label) == expected


@pytest.mark.parametrize(
    ("labels", "marks"),
    [
        (["Fully met", "Partly met", "Not met"], ["F", "P", "N"]),
        (["Red", "Amber", "Green"], ["R", "A", "G"]),
        (["Fully met", "Not met", "Not applicable"], ["1", "2", "3"]),
    ],
)
def test_rating_marks(labels, marks):
    assert rating_marks(labels) == dict(zip(labels, marks, strict=True))

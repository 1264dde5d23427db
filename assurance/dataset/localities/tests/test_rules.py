"""The rule that an agency's figures by locality add up to its total (pure, table-driven)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assurance.dataset.localities.rules import Part, breakdown_problems, can_be_split, standout

NAME = "CSC-REF (Referrals)"


def _problems(unit, numerator, denominator, parts):
    return [
        (p.locality, p.field, p.message)
        for p in breakdown_problems(
            name=NAME, unit=unit, numerator=numerator, denominator=denominator, parts=parts
        )
    ]


@pytest.mark.parametrize(
    ("unit", "numerator", "denominator", "parts", "expected"),
    [
        # counts that add up, and a blank total with blank localities: fine
        ("count", D(10), None, [Part("North", D(6)), Part("South", D(4))], []),
        ("count", None, None, [Part("North", None), Part("South", None)], []),
        # a locality left blank is named
        (
            "count",
            D(10),
            None,
            [Part("North", D(6)), Part("South", None)],
            [("South", "numerator", f"{NAME}: enter the figure for South")],
        ),
        # figures by locality without a total
        (
            "count",
            None,
            None,
            [Part("North", D(6)), Part("South", None)],
            [("", "numerator", f"{NAME}: enter the total as well as the figures by locality")],
        ),
        # not a whole number, or below 0
        (
            "count",
            D(10),
            None,
            [Part("North", D("6.5")), Part("South", D(-1))],
            [
                (
                    "North",
                    "numerator",
                    f"{NAME}: the figure for North must be a whole number of 0 or more",
                ),
                (
                    "South",
                    "numerator",
                    f"{NAME}: the figure for South must be a whole number of 0 or more",
                ),
            ],
        ),
        # the difference, the localities and their figures
        (
            "count",
            D(412),
            None,
            [Part("North", D(200)), Part("South", D(200))],
            [
                (
                    "North",
                    "numerator",
                    f"{NAME}: the localities' figures add up to 400, 12 fewer than the total of "
                    "412 (North 200, South 200). Check each locality's figure and the total",
                )
            ],
        ),
        (
            "count",
            D(1000),
            None,
            [Part("North", D(600)), Part("South", D(1400))],
            [
                (
                    "North",
                    "numerator",
                    f"{NAME}: the localities' figures add up to 2,000, 1,000 more than the "
                    "total of 1,000 (North 600, South 1,400). Check each locality's figure and "
                    "the total",
                )
            ],
        ),
        # a percentage: numerators and denominators add up, each locality within its own
        (
            "percentage",
            D(30),
            D(100),
            [Part("North", D(20), D(60)), Part("South", D(10), D(40))],
            [],
        ),
        (
            "percentage",
            D(30),
            D(100),
            [Part("North", D(20), D(60)), Part("South", D(10), D(30))],
            [
                (
                    "North",
                    "denominator",
                    f"{NAME}: the localities' denominators add up to 90, 10 fewer than the "
                    "total of 100 (North 60, South 30). Check each locality's figure and the "
                    "total",
                )
            ],
        ),
        (
            "percentage",
            D(30),
            D(100),
            [Part("North", D(70), D(60)), Part("South", D(10), None)],
            [
                ("South", "denominator", f"{NAME}: enter the denominator for South"),
                (
                    "North",
                    "numerator",
                    f"{NAME}: the numerator for North (70) cannot be more than its "
                    "denominator (60)",
                ),
            ],
        ),
    ],
)
def test_breakdown_problems(unit, numerator, denominator, parts, expected):
    assert sorted(_problems(unit, numerator, denominator, parts)) == sorted(expected)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("count", True), ("percentage", True), ("rate_10k", True), ("ratio", True), ("days", False)],
)
def test_an_average_cannot_be_split_by_locality(unit, expected):
    assert can_be_split(unit) is expected


@pytest.mark.parametrize(
    ("figures", "places", "expected"),
    [
        # one highest, one lowest
        (
            [("North", D(52)), ("South", D(40)), ("East", D(45))],
            0,
            "Highest: North (52); lowest: South (40)",
        ),
        # level localities are named together
        (
            [("North", D(52)), ("South", D(40)), ("East", D(40)), ("West", D(52))],
            0,
            "Highest: North and West (52); lowest: South and East (40)",
        ),
        (
            [("A", D(3)), ("B", D(1)), ("C", D(1)), ("D", D(1))],
            0,
            "Highest: A (3); lowest: B, C and D (1)",
        ),
        # a rate keeps its decimals; a locality without a figure is left out
        (
            [("North", D("41.25")), ("South", None), ("East", D("38.5"))],
            1,
            "Highest: North (41.3); lowest: East (38.5)",
        ),
        # nothing stands apart: all level, one figure, none
        ([("North", D(7)), ("South", D(7))], 0, None),
        ([("North", D(7)), ("South", None)], 0, None),
        ([], 0, None),
    ],
)
def test_the_locality_that_stands_out(figures, places, expected):
    found = standout(figures)
    assert (found.describe(places) if found else None) == expected

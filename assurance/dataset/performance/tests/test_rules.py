"""The exception rules and the summary rows' fingerprint (pure, table-driven, no database)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assurance.dataset.benchmarks.rules import Rag
from assurance.dataset.charts.spc import Variation
from assurance.dataset.performance.rules import exception_reasons, inputs_fingerprint

BASE = {
    "value": D("22"),
    "target": D("25"),
    "tolerance": D("2"),
    "rag": Rag.AMBER,
    "variation": Variation.COMMON_CAUSE,
    "england": D("21.5"),
    "compared_period": "2025",
    "unit": "percentage",
    "polarity": "lower",
    "places": 1,
    "margin": 5,
}


@pytest.mark.parametrize(
    ("change", "reasons"),
    [
        ({}, []),  # amber, common cause, within 5% of England (1.075 points)
        (
            {"variation": Variation.CONCERNING},
            ["Special cause concerning variation at the latest point"],
        ),
        ({"variation": Variation.IMPROVING}, []),
        (
            {"rag": Rag.RED, "value": D("28")},
            [
                "Target missed: 28.0 against a target of 25.0 (tolerance 2.0)",
                "Worse than England by more than 5%: 28.0 against 21.5 (2025)",
            ],
        ),
        (
            {"rag": Rag.RED, "value": D("28"), "tolerance": None, "england": None},
            ["Target missed: 28.0 against a target of 25.0"],
        ),
        (
            {"value": D("22.6")},  # 1.1 points worse than England: more than 1.075
            ["Worse than England by more than 5%: 22.6 against 21.5 (2025)"],
        ),
        ({"value": D("22.6"), "unit": "count"}, []),  # counts are never compared with England
        ({"value": D("22.6"), "polarity": "neither"}, []),
        ({"value": D("22.6"), "margin": 10}, []),
    ],
)
def test_exception_reasons(change, reasons):
    assert exception_reasons(**{**BASE, **change}) == reasons


FINGERPRINT = {
    "indicator": (7, "percentage", "lower", "agency_return", "quarterly", 1),
    "target": D("5"),
    "tolerance": None,
    "la_code": "E08000029",
    "neighbour_codes": ["E06000015", "E10000007"],
    "margin": 5,
}


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({"target": D("5.0000")}, True),  # the database's form of the same target
        ({"target": D("5.1")}, False),
        ({"target": None}, False),
        ({"tolerance": D("0")}, False),
        ({"indicator": (7, "percentage", "higher", "agency_return", "quarterly", 1)}, False),
        ({"indicator": (7, "percentage", "lower", "agency_return", "quarterly", 2)}, False),
        ({"la_code": "E08000025"}, False),
        ({"neighbour_codes": ["E06000015"]}, False),
        ({"margin": 10}, False),
    ],
)
def test_the_fingerprint_changes_with_what_a_row_is_computed_from(change, same):
    assert (
        inputs_fingerprint(**FINGERPRINT) == inputs_fingerprint(**{**FINGERPRINT, **change})
    ) == same

"""Our aggregates against the published figures, on the shipped real files (docs/dataset.md)."""

from __future__ import annotations

import pytest

from assurance.dataset.benchmarks.aggregates import TotalStatus
from assurance.dataset.benchmarks.verification import RATES, TOTALS, verify_rates, verify_totals


@pytest.mark.parametrize(("file", "column", "where"), TOTALS, ids=[t[1] for t in TOTALS])
def test_england_and_regional_totals_reproduce(file, column, where):
    report = verify_totals(file, column, where)
    differs = [(y, a, c) for y, a, c in report.checks if c.status is TotalStatus.DIFFERS]
    assert differs == []
    assert report.count(TotalStatus.NOT_PUBLISHED) == 0
    # 13 years x (England + 11 regions, London being Inner + Outer)
    assert len(report.checks) == 13 * 12
    assert report.count(TotalStatus.REPRODUCED) > 0
    for _, _, check in report.checks:
        if check.status is TotalStatus.UNKNOWN_REMAINDER:
            # the suppressed LAs hold what the published (rounded) total leaves over
            assert check.remainder is not None and check.remainder >= -5


def test_a_known_total_by_hand():
    report = verify_totals(*TOTALS[0])
    england_2025 = next(c for y, a, c in report.checks if y == "2025" and a == "E92000001")
    assert england_2025.published == 632830
    assert england_2025.status is TotalStatus.REPRODUCED
    assert abs(england_2025.computed - 632830) <= 5


@pytest.mark.parametrize("measure", sorted(RATES))
def test_rates_per_10k_match_lait(measure):
    report = verify_rates(measure)
    assert report.mismatches == []
    assert report.matched > 700

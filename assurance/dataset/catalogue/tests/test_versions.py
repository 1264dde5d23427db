"""Where a changed definition breaks a local indicator's series (table-driven, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.dataset.catalogue.versions import series_breaks

QUARTERS = [date(2024, 4, 1), date(2024, 7, 1), date(2024, 10, 1), date(2025, 1, 1)]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([], []),
        ([date(2024, 10, 1)], [2]),  # from the first day of a quarter: that quarter
        ([date(2024, 8, 15)], [2]),  # within a quarter: the first quarter measured wholly anew
        ([date(2024, 1, 1)], []),  # before the series: nothing to break from
        ([date(2024, 4, 1)], []),  # the first period itself
        ([date(2025, 6, 1)], []),  # after the last period: not yet
        ([date(2024, 7, 1), date(2025, 1, 1)], [1, 3]),
        ([date(2024, 8, 1), date(2024, 9, 1)], [2]),  # two changes, one break
    ],
)
def test_series_breaks(changes, expected):
    assert series_breaks(QUARTERS, changes) == expected

"""The dashboard's pure rules: the area of a postcode, overdue, the sort, a chase's plan."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.selfassessment.dashboard.rules import (
    ChasePlan,
    chase_plan,
    is_overdue,
    overdue_count,
    postcode_district,
    sort_choice,
)


@pytest.mark.parametrize(
    ("postcode", "district"),
    [
        ("NF3 7QX", "NF3"),
        ("nf12 1ab", "NF12"),
        ("SW1A 1AA", "SW1A"),
        ("  M1   1AE ", "M1"),
        ("EC1A1BB", "EC1A"),
        ("B338TH", "B33"),
        ("", ""),
        ("Not known", ""),
        ("12345", ""),
    ],
)
def test_postcode_district(postcode: str, district: str) -> None:
    assert postcode_district(postcode) == district


DEADLINE = date(2026, 3, 31)


@pytest.mark.parametrize(
    ("status", "today", "overdue"),
    [
        ("not_started", date(2026, 3, 31), False),  # the deadline day itself is in time
        ("not_started", date(2026, 4, 1), True),
        ("in_progress", date(2026, 4, 1), True),
        ("submitted", date(2026, 4, 1), False),
        ("in_progress", date(2026, 1, 1), False),
    ],
)
def test_overdue(status: str, today: date, overdue: bool) -> None:
    assert is_overdue(status=status, deadline=DEADLINE, today=today) is overdue


@pytest.mark.parametrize(("today", "expected"), [(date(2026, 3, 31), 0), (date(2026, 4, 1), 7)])
def test_overdue_count(today: date, expected: int) -> None:
    counts = {"not_started": 3, "in_progress": 4, "submitted": 9}
    assert overdue_count(counts=counts, deadline=DEADLINE, today=today) == expected


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        ("", "", ("name", "asc")),
        ("status", "desc", ("status", "desc")),
        ("activity", "", ("activity", "desc")),
        ("chased", "asc", ("chased", "asc")),
        ("urn; drop table", "sideways", ("name", "asc")),
    ],
)
def test_sort_choice(sort: str, order: str, expected: tuple[str, str]) -> None:
    assert sort_choice(sort, order) == expected


def test_chase_plan_counts_e_mails_and_organisations_and_names_those_unreachable() -> None:
    plan = chase_plan(
        [
            ("Larkfield Primary School", ["dsl@l.example", "deputy@l.example"]),
            ("Brook Infant School", ["dsl@b.example", "dsl@b.example"]),
            ("Oakhurst High School", []),
            ("Ashby Vale Free School", []),
        ]
    )
    assert plan == ChasePlan(
        emails=3,
        organisations=2,
        nobody=("Ashby Vale Free School", "Oakhurst High School"),
    )
    assert chase_plan([]) == ChasePlan(emails=0, organisations=0, nobody=())

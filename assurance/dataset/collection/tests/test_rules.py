"""The collection rules (pure, no database): periods, numbers, commentary, outliers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from assurance.dataset.collection.rules import (
    Context,
    Entry,
    IndicatorRule,
    Kind,
    check_entry,
    completeness,
    is_on_time,
    parse_number,
    period_containing,
    period_of,
    previous_period,
)

COUNT = IndicatorRule("CSC-REF", "Referrals", "count")
PERCENT = IndicatorRule("CSC-ASS45", "Assessments in 45 days", "percentage", "higher", 1)
PERCENT_LOW = IndicatorRule("CSC-REREF", "Re-referrals", "percentage", "lower", 1)
RATE = IndicatorRule("CSC-CLA-RATE", "Children looked after per 10,000", "rate_10k")
RATIO = IndicatorRule("WF-CASELOAD", "Caseload", "ratio", "lower", 1)
DAYS = IndicatorRule("X-DAYS", "Days to court", "days", "lower", 1)


@pytest.mark.parametrize(
    ("frequency", "day", "start", "end", "label"),
    [
        ("quarterly", date(2026, 4, 1), date(2026, 4, 1), date(2026, 6, 30), "Q1 2026/27"),
        ("quarterly", date(2026, 9, 30), date(2026, 7, 1), date(2026, 9, 30), "Q2 2026/27"),
        ("quarterly", date(2026, 12, 25), date(2026, 10, 1), date(2026, 12, 31), "Q3 2026/27"),
        ("quarterly", date(2027, 2, 28), date(2027, 1, 1), date(2027, 3, 31), "Q4 2026/27"),
        ("monthly", date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
        ("annual", date(2027, 3, 31), date(2026, 4, 1), date(2027, 3, 31), "2026/27"),
        ("annual", date(2026, 4, 1), date(2026, 4, 1), date(2027, 3, 31), "2026/27"),
    ],
)
def test_periods_follow_the_business_year(
    frequency: str, day: date, start: date, end: date, label: str
) -> None:
    period = period_containing(frequency, day)
    assert (period.start, period.end, period.short_label) == (start, end, label)


def test_quarter_labels_name_their_months() -> None:
    assert period_of("quarterly", 2026, 1).label == "Q1 2026/27 (April to June 2026)"
    assert period_of("quarterly", 2026, 4).label == "Q4 2026/27 (January to March 2027)"
    assert period_of("monthly", 2026, 12).label == "March 2027"
    with pytest.raises(ValueError):
        period_of("quarterly", 2026, 5)


@pytest.mark.parametrize(
    ("frequency", "start", "previous"),
    [
        ("quarterly", date(2026, 4, 1), date(2026, 1, 1)),
        ("quarterly", date(2026, 1, 1), date(2025, 10, 1)),
        ("monthly", date(2026, 3, 1), date(2026, 2, 1)),
        ("annual", date(2026, 4, 1), date(2025, 4, 1)),
    ],
)
def test_previous_period(frequency: str, start: date, previous: date) -> None:
    assert previous_period(period_containing(frequency, start)).start == previous


# (rule, entry, context, expected value, expected [(field, kind, words in the message)])
CASES = [
    # numbers where numbers belong
    (COUNT, Entry("412"), None, D(412), []),
    (COUNT, Entry("1,204"), None, D(1204), []),
    (COUNT, Entry(37), None, D(37), []),
    (COUNT, Entry("lots"), None, None, [("numerator", Kind.ERROR, "value must be a number")]),
    (COUNT, Entry("12%"), None, None, [("numerator", Kind.ERROR, "must be a number")]),
    (COUNT, Entry(True), None, None, [("numerator", Kind.ERROR, "must be a number")]),
    # what the database can hold (DecimalField(max_digits=16, decimal_places=4)), in digits 0-9
    *[
        (rule, entry, None, None, [(field, Kind.ERROR, words)])
        for rule, entry, field, words in [
            (COUNT, Entry("1e309"), "numerator", "value must be less than 1,000,000,000,000"),
            (COUNT, Entry("9999999999999999"), "numerator", "at most 12 digits before"),
            (COUNT, Entry("1E+15"), "numerator", "value must be less than 1,000,000,000,000"),
            (COUNT, Entry(10**13), "numerator", "value must be less than 1,000,000,000,000"),
            (COUNT, Entry(float("inf")), "numerator", "value must be a number"),
            (COUNT, Entry("NaN"), "numerator", "value must be a number"),
            (COUNT, Entry("١٢٣"), "numerator", "value must be written with the digits 0 to 9"),
            (COUNT, Entry("１２"), "numerator", "value must be written with the digits 0 to 9"),
            (COUNT, Entry("1_000"), "numerator", "value must be a number without underscores"),
            (PERCENT, Entry("1", "1e309"), "denominator", "denominator must be less than"),
            (PERCENT, Entry("1e309", "2"), "numerator", "numerator must be less than"),
            (RATIO, Entry("12", "١٢"), "denominator", "denominator must be written with"),
            # a ratio worked out from figures that fit may itself be too big to store
            (RATIO, Entry("999999999999", "0.5"), "denominator", "ratio worked out"),
        ]
    ],
    (COUNT, Entry("999999999999"), None, D(999999999999), []),
    (RATIO, Entry("999999999999", "1"), None, D(999999999999), []),
    # counts non-negative and whole
    (COUNT, Entry("-3"), None, None, [("numerator", Kind.ERROR, "must be 0 or more")]),
    (COUNT, Entry("3.5"), None, None, [("numerator", Kind.ERROR, "whole number")]),
    (COUNT, Entry("3", "10"), None, None, [("denominator", Kind.ERROR, "leave the denominator")]),
    (DAYS, Entry("23.5"), None, D("23.5"), []),
    # blank is "not reported yet"
    (COUNT, Entry(""), None, None, []),
    (PERCENT, Entry("", " "), None, None, []),
    # the rate is computed from numerator and denominator
    (PERCENT, Entry("45", "60"), None, D(75), []),
    (PERCENT, Entry("0", "60"), None, D(0), []),
    (PERCENT, Entry("60", "60"), None, D(100), []),
    (RATE, Entry("412", "61000"), None, D("67.5410"), []),
    (RATIO, Entry("380", "20"), None, D(19), []),
    (RATIO, Entry("30", "20"), None, D("1.5"), []),  # a ratio may exceed 1
    # numerator <= denominator, so a percentage stays within 0-100
    (
        PERCENT,
        Entry("61", "60"),
        None,
        None,
        [("numerator", Kind.ERROR, "would make a percentage of 101.7%")],
    ),
    (RATE, Entry("9", "8"), None, None, [("numerator", Kind.ERROR, "more than the denominator")]),
    (PERCENT, Entry("45", ""), None, None, [("denominator", Kind.ERROR, "enter the denominator")]),
    (PERCENT, Entry("", "60"), None, None, [("numerator", Kind.ERROR, "enter the numerator")]),
    (PERCENT, Entry("0", "0"), None, None, [("denominator", Kind.ERROR, "more than 0")]),
    (PERCENT, Entry("4", "-6"), None, None, [("denominator", Kind.ERROR, "must be 0 or more")]),
    (PERCENT, Entry("4.5", "6"), None, None, [("numerator", Kind.ERROR, "whole number")]),
    # commentary when the value misses its target (read with polarity)
    (
        PERCENT,
        Entry("40", "60"),
        Context(target=D(80)),
        D("66.6667"),
        [("commentary", Kind.ERROR, "below the target of 80.0")],
    ),
    (PERCENT, Entry("40", "60", "Two social workers left."), Context(target=D(80)), None, []),
    (PERCENT, Entry("50", "60"), Context(target=D(80)), D("83.3333"), []),
    (
        PERCENT_LOW,
        Entry("15", "60"),
        Context(target=D(20)),
        D(25),
        [("commentary", Kind.ERROR, "above the target of 20.0")],
    ),
    (PERCENT_LOW, Entry("9", "60"), Context(target=D(20)), D(15), []),
    # ... or leaves its tolerance (whatever the polarity)
    (
        COUNT,
        Entry("130"),
        Context(target=D(100), tolerance=D(20)),
        D(130),
        [("commentary", Kind.ERROR, "outside the tolerance (80 to 120)")],
    ),
    (COUNT, Entry("119"), Context(target=D(100), tolerance=D(20)), D(119), []),
    # ... or moves more than the configured percentage from last period
    (
        COUNT,
        Entry("126"),
        Context(previous=D(100)),
        D(126),
        [("commentary", Kind.ERROR, "changed 26% from last period's 100 (more than 25%)")],
    ),
    (COUNT, Entry("125"), Context(previous=D(100)), D(125), []),
    (COUNT, Entry("74"), Context(previous=D(100)), D(74), [("commentary", Kind.ERROR, "26%")]),
    (
        COUNT,
        Entry("110"),
        Context(previous=D(100), change_percent=D(5)),
        D(110),
        [("commentary", Kind.ERROR, "more than 5%")],
    ),
    (COUNT, Entry("3"), Context(previous=D(0)), D(3), [("commentary", Kind.ERROR, "last period")]),
    (COUNT, Entry("0"), Context(previous=D(0)), D(0), []),
    # commentary is published: what looks like a child's identifier is refused
    (
        COUNT,
        Entry("84", commentary="Rise due to one family, NHS number 943 476 5919."),
        None,
        None,
        [("commentary", Kind.ERROR, "looks like it contains an NHS number (“943 476 5919”)")],
    ),
    (
        PERCENT,
        Entry("40", "60", "Child born 12/03/2015 moved away."),
        Context(target=D(80)),
        None,
        [("commentary", Kind.ERROR, "a date of birth (“12/03/2015”)")],
    ),
    (
        COUNT,
        Entry("lots", commentary="Call 07700 900123"),
        None,
        None,
        [
            ("numerator", Kind.ERROR, "must be a number"),
            ("commentary", Kind.ERROR, "a phone number"),
        ],
    ),
    (COUNT, Entry("", commentary="Not yet: the system changed on 1 April 2026."), None, None, []),
    (COUNT, Entry("84", commentary="Two social workers left in April."), None, D(84), []),
    # the outlier check asks for confirmation rather than rejecting
    (
        COUNT,
        Entry("260"),
        Context(history=[100, 104, 98, 101, 97, 103, 99, 102]),
        D(260),
        [("confirmed_outlier", Kind.CONFIRM, "outside the range this series usually stays")],
    ),
    (
        COUNT,
        Entry("260", confirmed_outlier=True),
        Context(history=[100, 104, 98, 101, 97, 103, 99, 102]),
        D(260),
        [],
    ),
    (COUNT, Entry("104"), Context(history=[100, 104, 98, 101, 97, 103, 99, 102]), D(104), []),
    # too short a history to judge
    (COUNT, Entry("260"), Context(history=[100, 104, 98]), D(260), []),
]


@pytest.mark.parametrize(("rule", "entry", "context", "value", "expected"), CASES)
def test_check_entry(
    rule: IndicatorRule,
    entry: Entry,
    context: Context | None,
    value: D | None,
    expected: list[tuple[str, Kind, str]],
) -> None:
    checked = check_entry(rule, entry, context)
    got = [(p.field, p.kind) for p in checked.problems]
    assert got == [(f, k) for f, k, _ in expected], checked.problems
    for problem, (_, _, words) in zip(checked.problems, expected, strict=True):
        assert words in problem.message
        assert problem.message.startswith(f"{rule.code} ({rule.title}): "), "names the indicator"
    if value is not None:
        assert checked.value == value
    if not expected and checked.value is not None:
        assert checked.ok


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("1,234", D(1234)),
        (" 42 ", D(42)),
        (".5", D("0.5")),
        ("1e3", D(1000)),
        (37, D(37)),
        (2.5, D("2.5")),
        (D("7.25"), D("7.25")),
        ("999999999999.9999", D("999999999999.9999")),
        ("23.33333", D("23.3333")),  # rounded to the 4 places the database keeps
        ("0.00005", D("0.0001")),
        ("", None),
        (None, None),
    ],
)
def test_parse_number_reads_numbers(raw: object, number: D | None) -> None:
    assert parse_number(raw) == number


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("1e309", "less than 1,000,000,000,000"),
        ("-1e309", "less than 1,000,000,000,000"),
        ("1e999999999999999999", "less than 1,000,000,000,000"),
        ("9999999999999999", "at most 12 digits before the decimal point"),
        ("1000000000000", "less than 1,000,000,000,000"),
        ("999999999999.99999", "less than 1,000,000,000,000"),  # rounds up to the limit
        ("1E+15", "less than 1,000,000,000,000"),
        (10**13, "less than 1,000,000,000,000"),
        (float("inf"), "a number"),
        (float("nan"), "a number"),
        ("inf", "a number"),
        ("-Infinity", "a number"),
        ("NaN", "a number"),
        ("١٢٣", "the digits 0 to 9"),
        ("１２", "the digits 0 to 9"),
        ("12٣", "the digits 0 to 9"),
        ("1_000", "without underscores"),
        ("12%", "a number, like 42"),
        ("lots", "a number, like 42"),
        (True, "a number, like 42"),
    ],
)
def test_parse_number_refuses_what_cannot_be_stored(raw: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_number(raw)


def test_completeness_and_timeliness() -> None:
    assert completeness(0, 0) is None
    assert completeness(12, 9) == 75.0
    due, today = date(2026, 10, 31), date(2026, 11, 29)
    assert is_on_time(signed_on=date(2026, 10, 31), due_on=due, today=today) is True
    assert is_on_time(signed_on=date(2026, 11, 1), due_on=due, today=today) is False
    assert is_on_time(signed_on=None, due_on=due, today=today) is False
    assert is_on_time(signed_on=None, due_on=due, today=date(2026, 10, 30)) is None

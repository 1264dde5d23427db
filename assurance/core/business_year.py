"""Business years run from April to March; ``2026`` means April 2026 to March 2027."""

from __future__ import annotations

from datetime import date

from django.utils import timezone


def business_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def current_business_year() -> int:
    return business_year_of(timezone.localdate())


def business_year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def business_year_bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def business_year_from(value: object, *, back: int = 10, ahead: int = 1) -> int:
    """The business year a page was asked for (``?year=2025``): the current one when the value
    is missing, not a number, or further than ``back`` years ago or ``ahead`` years on."""
    this_year = current_business_year()
    try:
        year = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return this_year
    return year if this_year - back <= year <= this_year + ahead else this_year

"""The periods a summary of feedback covers (pure): a quarter of the business year, or the
whole business year. Business years run from April to March (``core.business_year``): quarter 1
is April to June, quarter 4 January to March of the next calendar year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assurance.core.business_year import business_year_label, business_year_of

SPRING = ("January", "February", "March", "April", "May", "June")
MONTHS: tuple[str, ...] = ("", *SPRING, "July", "August", "September", "October", "November")
MONTHS += ("December",)
QUARTER_KEY = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    """A business year (``quarter`` None) or one of its quarters (1 to 4)."""

    year: int
    quarter: int | None = None

    @property
    def start(self) -> date:
        if self.quarter is None:
            return date(self.year, 4, 1)
        month = 4 + 3 * (self.quarter - 1)
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        following = (
            Period(self.year + 1) if self.quarter is None else self.next()
        ).start.toordinal()
        return date.fromordinal(following - 1)

    @property
    def key(self) -> str:
        """As the page's address has it: ``2026-Q1`` or ``2026``."""
        return str(self.year) if self.quarter is None else f"{self.year}-Q{self.quarter}"

    @property
    def label(self) -> str:
        year = business_year_label(self.year)
        if self.quarter is None:
            return f"{year} (April {self.year} to March {self.year + 1})"
        start, end = self.start, self.end
        return (
            f"Quarter {self.quarter} of {year} "
            f"({MONTHS[start.month]} to {MONTHS[end.month]} {end.year})"
        )

    def next(self) -> Period:
        if self.quarter is None:
            return Period(self.year + 1)
        return (
            Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)
        )

    def previous(self) -> Period:
        if self.quarter is None:
            return Period(self.year - 1)
        return (
            Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)
        )

    def whole_year(self) -> Period:
        return Period(self.year)


def quarter_of(day: date) -> Period:
    year = business_year_of(day)
    return Period(year, (day.month - 4) % 12 // 3 + 1)


def period_from(value: object, *, today: date, back: int = 10) -> Period:
    """The period a page was asked for (``?period=2026-Q1`` or ``?period=2026``): the quarter
    of ``today`` when the value is missing or not a period, or more than ``back`` years ago or
    after today's quarter."""
    current = quarter_of(today)
    text = str(value or "")
    if match := QUARTER_KEY.match(text):
        period = Period(int(match[1]), int(match[2]))
    elif text.isdigit() and len(text) == 4:
        period = Period(int(text))
    else:
        return current
    if period.start > current.start or period.year < current.year - back:
        return current
    return period

"""The rows of an agency's spreadsheet of feedback (pure: no database).

One sheet, "Feedback", with these headings in row 1; one piece of feedback a row. Age bands
and services are given by their words as the form shows them (any case). A row with any
problem is named (sheet, row, column) and nothing of the file is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from assurance.core.spreadsheets import cell_name, shown
from assurance.voice.feedback.models import AgeBand, Feeling, ServiceUsed

SHEET = "Feedback"
HEADINGS = (
    "Date received",
    "Age band",
    "Service used",
    "How it felt (1 to 5)",
    "What was good",
    "What could be better",
)
MAX_ROWS = 5000
MAX_TEXT = 2000
INSTRUCTIONS = (
    "Feedback your agency gathered from children, young people, parents and carers.",
    "One piece of feedback a row, on the sheet Feedback. Never a name, an address or any "
    "other identifier.",
    "Date received: a date. Age band and Service used: choose from the list. How it felt: "
    "5 really good, 4 good, 3 OK, 2 not good, 1 really bad, or leave it empty.",
    "Write what was good and what could be better in the person's own words where you can. "
    "A row that reads like a disclosure goes to the business unit's duty inbox at once: if a "
    "child is at risk, follow your own safeguarding procedure first.",
)

AGE_BANDS = {label.lower(): value for value, label in AgeBand.choices}
SERVICES = {label.lower(): value for value, label in ServiceUsed.choices}


@dataclass(frozen=True)
class Row:
    number: int
    received_on: date
    age_band: str
    service: str
    feeling: int | None
    good: str
    better: str


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def read_rows(
    rows: Sequence[tuple[int, Sequence[Any]]], *, today: date
) -> tuple[list[Row], list[str]]:
    """Each filled row (with its number) as a ``Row``, and every problem found, each naming its
    cell. The caller stores nothing unless there are no problems."""
    parsed: list[Row] = []
    problems: list[str] = []

    def problem(number: int, column: int, text: str) -> None:
        problems.append(f"{cell_name(SHEET, number, column, HEADINGS[column - 1])}: {text}")

    for number, values in rows:
        cells = [*values, *([None] * len(HEADINGS))][: len(HEADINGS)]
        before = len(problems)
        received = _date(cells[0])
        if received is None:
            problem(number, 1, f"“{shown(cells[0])}” is not a date; write it like 31/03/2026")
        elif received > today:
            problem(number, 1, f"{received:%d/%m/%Y} is in the future")
        age_band = AGE_BANDS.get(_text(cells[1]).lower())
        if age_band is None:
            problem(number, 2, f"“{shown(cells[1])}” is not an age band of the list")
        service = SERVICES.get(_text(cells[2]).lower())
        if service is None:
            problem(number, 3, f"“{shown(cells[2])}” is not a service of the list")
        feeling: int | None = None
        raw = _text(cells[3])
        if raw:
            try:
                score = float(raw)
            except ValueError:
                score = -1.0
            if score.is_integer() and int(score) in Feeling.values:
                feeling = int(score)
            else:
                problem(number, 4, f"“{shown(cells[3])}” is not a whole number from 1 to 5")
        good, better = _text(cells[4]), _text(cells[5])
        for column, text in ((5, good), (6, better)):
            if len(text) > MAX_TEXT:
                problem(number, column, f"{len(text):,} characters: at most {MAX_TEXT:,}")
        if not (good or better or feeling):
            problem(number, 4, "the row says nothing: give how it felt or what was said")
        if len(problems) == before:
            parsed.append(
                Row(number, received, age_band, service, feeling, good, better)  # type: ignore[arg-type]
            )
    return parsed, problems

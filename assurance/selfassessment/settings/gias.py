"""Reading the Department for Education's "Get Information About Schools" (GIAS) CSV layout.

Pure (no database): ``read_gias`` turns the lines of a GIAS extract into ``GiasRow`` values, or
raises ``GiasFileError`` with every problem found (up to ``MAX_PROBLEMS``), each naming its line
and column, so that the service stores all the rows or none.

The columns are GIAS's own headings (the "all establishment data" download and the extracts
made from its search): ``URN``, ``EstablishmentName``, ``LA (code)``, ``LA (name)``,
``TypeOfEstablishment (name)``, ``EstablishmentTypeGroup (name)``, ``PhaseOfEducation
(name)``, ``EstablishmentStatus (name)``, ``OpenDate``, ``CloseDate`` and ``Postcode``. Other
columns (the download has several hundred) are ignored. GIAS writes dates as ``DD-MM-YYYY``
and its downloads in Windows-1252; ``decode_gias`` reads that or UTF-8.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

REQUIRED = (
    "URN",
    "EstablishmentName",
    "LA (code)",
    "TypeOfEstablishment (name)",
    "PhaseOfEducation (name)",
    "EstablishmentStatus (name)",
)
OPTIONAL = (
    "LA (name)",
    "EstablishmentTypeGroup (name)",
    "OpenDate",
    "CloseDate",
    "Postcode",
)

# GIAS's establishment statuses and the status we keep
STATUSES = {
    "open": "open",
    "open, but proposed to close": "closing",
    "proposed to open": "proposed",
    "closed": "closed",
}

MAX_PROBLEMS = 20
MAX_NAME = 200
MAX_TEXT = 100
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")
URN = re.compile(r"^\d{5,7}$")
LA_CODE = re.compile(r"^\d{3}$")


class GiasFileError(Exception):
    """The file cannot be imported; ``problems`` name each line and column that is wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class GiasRow:
    line: int
    urn: int
    name: str
    la_number: str
    la_name: str
    establishment_type: str
    type_group: str
    phase: str
    status: str
    opened_on: date | None
    closed_on: date | None
    postcode: str


def decode_gias(content: bytes) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark) or, as GIAS writes its
    downloads, Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def parse_date(text: str) -> date | None:
    """A GIAS date (``DD-MM-YYYY``; ``YYYY-MM-DD`` and ``DD/MM/YYYY`` also read), or None for a
    blank cell; ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    for layout in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ValueError(text)


def normalise_postcode(text: str) -> str:
    """``b91 3qb`` → ``B91 3QB``; blank stays blank; ValueError if it is not a UK postcode."""
    compact = re.sub(r"\s+", "", text.upper())
    if not compact:
        return ""
    spaced = f"{compact[:-3]} {compact[-3:]}"
    if not POSTCODE.match(spaced):
        raise ValueError(text)
    return spaced


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def _row(line: int, cells: dict[str, str], problems: list[str]) -> GiasRow | None:
    """One data line as a row, or None with its problems added (each naming line and column)."""
    before = len(problems)

    def cell(column: str) -> str:
        return (cells.get(column) or "").strip()

    def bad(column: str, message: str) -> None:
        problems.append(f"Line {line}, column {column}: {message}")

    urn = cell("URN")
    if not URN.match(urn):
        bad("URN", f"“{_shown(urn)}” is not a unique reference number (5 to 7 digits).")
    name = cell("EstablishmentName")
    if not name:
        bad("EstablishmentName", "the establishment's name is missing.")
    elif len(name) > MAX_NAME:
        bad("EstablishmentName", f"the name is longer than {MAX_NAME} characters.")
    la_number = cell("LA (code)")
    if not LA_CODE.match(la_number):
        bad("LA (code)", f"“{_shown(la_number)}” is not a three-digit local authority number.")
    status_text = cell("EstablishmentStatus (name)")
    status = STATUSES.get(status_text.lower())
    if status is None:
        bad(
            "EstablishmentStatus (name)",
            f"“{_shown(status_text)}” is not a GIAS status (Open; Open, but proposed to close; "
            "Proposed to open; Closed).",
        )
    dates: dict[str, date | None] = {}
    for column in ("OpenDate", "CloseDate"):
        try:
            dates[column] = parse_date(cell(column))
        except ValueError:
            bad(column, f"“{_shown(cell(column))}” is not a date in the form DD-MM-YYYY.")
    if dates.get("OpenDate") and dates.get("CloseDate") and dates["CloseDate"] < dates["OpenDate"]:  # type: ignore[operator]
        bad("CloseDate", "the school closes before it opens.")
    try:
        postcode = normalise_postcode(cell("Postcode"))
    except ValueError:
        postcode = ""
        bad("Postcode", f"“{_shown(cell('Postcode'))}” is not a UK postcode.")
    texts = {
        column: cell(column)
        for column in (
            "LA (name)",
            "TypeOfEstablishment (name)",
            "EstablishmentTypeGroup (name)",
            "PhaseOfEducation (name)",
        )
    }
    for column, value in texts.items():
        if len(value) > MAX_TEXT:
            bad(column, f"longer than {MAX_TEXT} characters.")
    if len(problems) > before:
        return None
    return GiasRow(
        line=line,
        urn=int(urn),
        name=name,
        la_number=la_number,
        la_name=texts["LA (name)"],
        establishment_type=texts["TypeOfEstablishment (name)"],
        type_group=texts["EstablishmentTypeGroup (name)"],
        phase=texts["PhaseOfEducation (name)"],
        status=status or "",
        opened_on=dates.get("OpenDate"),
        closed_on=dates.get("CloseDate"),
        postcode=postcode,
    )


def read_gias(lines: Iterable[str]) -> list[GiasRow]:
    """Every row of a GIAS extract, or ``GiasFileError`` listing what is wrong (line 1 is the
    heading row; nothing is returned unless every line is right)."""
    reader = csv.reader(iter(lines))
    problems: list[str] = []
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration as exc:
        raise GiasFileError(["The file is empty: it needs GIAS's heading row."]) from exc
    except csv.Error as exc:
        raise GiasFileError([f"Line 1: this is not a CSV file ({exc})."]) from exc
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise GiasFileError(
            [
                "Line 1: the file does not have GIAS's "
                + ("column " if len(missing) == 1 else "columns ")
                + ", ".join(missing)
                + ". Download it from Get Information About Schools with these columns."
            ]
        )
    index = {column: header.index(column) for column in (*REQUIRED, *OPTIONAL) if column in header}
    rows: list[GiasRow] = []
    first_line: dict[int, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            values = {c: cells[i] if i < len(cells) else "" for c, i in index.items()}
            row = _row(line, values, problems)
            if row is not None:
                if row.urn in first_line:
                    problems.append(
                        f"Line {line}, column URN: {row.urn} is also on line "
                        f"{first_line[row.urn]}; each school is on one line."
                    )
                else:
                    first_line[row.urn] = line
                    rows.append(row)
            if len(problems) >= MAX_PROBLEMS:
                problems.append("The checks stopped here: put these right and import again.")
                break
    except csv.Error as exc:
        problems.append(f"Line {reader.line_num}: this is not valid CSV ({exc}).")
    if problems:
        raise GiasFileError(problems)
    if not rows:
        raise GiasFileError(["The file has a heading row but no schools or colleges."])
    return rows


# A synthetic extract in GIAS's layout: for the shipped sample, the tests and the benchmark. The
# names, places and postcodes are made up (the "NF" and "SV" postcode areas do not exist).
SAMPLE_COLUMNS = (
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentNumber",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentTypeGroup (name)",
    "EstablishmentStatus (name)",
    "OpenDate",
    "CloseDate",
    "PhaseOfEducation (name)",
    "Town",
    "Postcode",
)
_PLACES = (
    "Northfield",
    "Ashby Vale",
    "Brookmere",
    "Castleford Green",
    "Dunmore",
    "Elmstead",
    "Fairhaven",
    "Greystoke Park",
    "Hollins Cross",
    "Ivybridge Lane",
    "Juniper Hill",
    "Kingsmead",
    "Larkfield",
    "Millbrook",
    "Netherby",
    "Oakhurst",
    "Pennington",
    "Queensway",
    "Redlands",
    "Stonebridge",
)
_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters of a postcode's inward part
# (type, type group, phase, name ending)
_KINDS = (
    ("Community school", "Local authority maintained schools", "Primary", "Primary School"),
    ("Community school", "Local authority maintained schools", "Primary", "Infant School"),
    (
        "Voluntary aided school",
        "Local authority maintained schools",
        "Primary",
        "St Anne's CE Primary School",
    ),
    (
        "Voluntary controlled school",
        "Local authority maintained schools",
        "Primary",
        "Church of England Junior School",
    ),
    ("Academy converter", "Academies", "Primary", "Primary Academy"),
    ("Academy converter", "Academies", "Secondary", "High School"),
    ("Academy sponsor led", "Academies", "Secondary", "Academy"),
    ("Free schools", "Free Schools", "Secondary", "Free School"),
    ("Community special school", "Special schools", "Not applicable", "Special School"),
    (
        "Pupil referral unit",
        "Local authority maintained schools",
        "Not applicable",
        "Learning Centre",
    ),
    ("Other independent school", "Independent schools", "All-through", "Independent School"),
    ("Further education", "Colleges", "16 plus", "College"),
    (
        "Local authority nursery school",
        "Local authority maintained schools",
        "Nursery",
        "Nursery School",
    ),
)


def sample_lines(
    count: int, *, la_number: str, la_name: str, first_urn: int = 990001, area: str = "NF"
) -> list[list[str]]:
    """``count`` synthetic GIAS rows (heading first), the same every time: mostly open, one in
    forty closed, a few proposed to open or to close."""
    rows = [list(SAMPLE_COLUMNS)]
    for i in range(count):
        kind = _KINDS[(i * 7) % len(_KINDS)]
        place = _PLACES[i % len(_PLACES)]
        number = i // len(_PLACES)
        name = f"{place} {kind[3]}" if number == 0 else f"{place} {kind[3]} No. {number + 1}"
        status, close = "Open", ""
        if i % 40 == 39:
            status, close = "Closed", f"31-08-{2019 + i % 6}"
        elif i % 53 == 17:
            status = "Open, but proposed to close"
        elif i % 61 == 30:
            status = "Proposed to open"
        opened = "" if i % 3 else f"01-09-{1990 + i % 29}"
        if status == "Proposed to open":
            opened = "01-09-2026"
        postcode = f"{area}{1 + i % 19} {i % 10}{_LETTERS[i % 20]}{_LETTERS[(i // 20) % 20]}"
        rows.append(
            [
                str(first_urn + i),
                la_number,
                la_name,
                str(2000 + i % 8000),
                name,
                kind[0],
                kind[1],
                status,
                opened,
                close,
                kind[2],
                place,
                postcode,
            ]
        )
    return rows

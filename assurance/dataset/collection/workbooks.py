"""Excel for quarterly collection: a workbook pre-filled with an agency's indicators (and what
is saved) to download, complete offline and upload (``core.spreadsheets``).

An upload is checked whole by the same rules as the web form (``rules.check_entry``); every
problem is named by its sheet, row and column, and a bad upload stores nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl.utils import get_column_letter

from assurance.core.spreadsheets import (
    Upload,
    UploadProblem,
    add_sheet,
    append_row,
    cell_name,
    choice_list,
    finish_sheet,
    lock_cells,
    new_workbook,
    open_upload,
    read_sheet,
    shown,
    workbook_bytes,
)
from assurance.dataset.collection import selectors, services
from assurance.dataset.collection.models import CollectionRound, IndicatorValue
from assurance.dataset.collection.rules import Entry, _fmt
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency

SHEET = "Values"
COLUMNS = [
    "code",
    "indicator",
    "unit",
    "about",
    "numerator",
    "denominator",
    "commentary",
    "confirmed",
]
HEADERS = {
    "code": "Code (do not change)",
    "indicator": "Indicator",
    "unit": "Unit",
    "about": "Numerator and denominator; target; last period",
    "numerator": "Numerator (or the value)",
    "denominator": "Denominator",
    "commentary": "Commentary",
    "confirmed": "Unusual value checked (Yes/No)",
}
# A hidden last column: when each value was last saved, as it stood at download. An upload that
# would overwrite a value changed since (on the web, by the API or another upload) is refused.
VERSION_HEADER = "Saved version (do not change)"
VERSION_COLUMN = get_column_letter(len(COLUMNS) + 1)
LOCKED_COLUMNS = "ABCD"

# Indicators collected by locality: a row per indicator and locality in use, each locality's
# figure (numerator and denominator where the unit has one) adding up to the Values sheet's
LOCALITY_SHEET = "Localities"
LOCALITY_COLUMNS = ["code", "indicator", "locality", "numerator", "denominator"]
LOCALITY_HEADERS = {
    "code": "Code (do not change)",
    "indicator": "Indicator",
    "locality": "Locality (do not change)",
    "numerator": "Numerator (or the figure)",
    "denominator": "Denominator",
}


def _cell_number(value: Any) -> Any:
    return float(value) if value is not None else None


def values_workbook(*, round: CollectionRound, agency: Agency) -> bytes:
    rows = selectors.agency_rows(round=round, agency=agency)
    split = [row for row in rows if row.by_locality]
    by_locality = (
        [
            "Indicators collected by locality ("
            + ", ".join(row.indicator.code for row in split)
            + "): also give each locality's figure on the Localities sheet. They must add up "
            "to the total on the Values sheet (numerators to its numerator, denominators to its "
            "denominator)."
        ]
        if split
        else []
    )
    workbook = new_workbook(
        [
            f"{round.partnership.name}: data set values of {agency.name} for {round.period.label}",
            f"Round {round.pk}. Due {round.due_on.day} {round.due_on:%B %Y}.",
            "Complete the Values sheet and upload it on the round's page. Do not change the grey "
            "columns or add rows.",
            "Counts: enter the number in the Numerator column and leave the Denominator empty. "
            "Percentages and rates: enter the numerator and the denominator; the platform works "
            "out the percentage or rate. Leave both empty if you do not have the figure yet.",
            "Commentary is needed when a value misses its target, leaves its tolerance or changes "
            f"more than {_fmt(round.change_percent)}% from last period.",
            "If a value is outside the range the series usually stays within, you will be asked to "
            "check it: enter Yes in the last column when it is right.",
            *by_locality,
            "If anything is wrong, nothing is saved and each problem is listed with its sheet, row "
            "and column.",
        ]
    )
    sheet = add_sheet(workbook, SHEET, [*(HEADERS[c] for c in COLUMNS), VERSION_HEADER])
    yes_no = choice_list(sheet, ["Yes", "No"])
    for row in rows:
        indicator, saved = row.indicator, row.value
        about = []
        if row.rule.needs_denominator:
            about.append(f"Numerator: {indicator.numerator_definition}")
            about.append(f"Denominator: {indicator.denominator_definition}")
        if row.context.target is not None:
            about.append(f"Target {_fmt(row.context.target, indicator.decimal_places)}")
        if row.context.previous is not None:
            about.append(f"Last period {_fmt(row.context.previous, indicator.decimal_places)}")
        append_row(
            sheet,
            [
                indicator.code,
                indicator.title,
                indicator.get_unit_display(),
                "\n".join(about),
                _cell_number(saved.numerator) if saved else None,
                _cell_number(saved.denominator) if saved else None,
                saved.commentary if saved else "",
                "Yes" if saved and saved.confirmed_outlier else "",
                saved.changed_at.isoformat() if saved else "",
            ],
        )
        number = sheet.max_row
        yes_no.add(f"H{number}")
        lock_cells(sheet, number, LOCKED_COLUMNS, wrap=True)
    finish_sheet(sheet, [16, 40, 14, 50, 14, 14, 50, 14], freeze="E2")
    sheet.column_dimensions[VERSION_COLUMN].hidden = True
    if split:
        _locality_sheet(workbook, split)
    return workbook_bytes(workbook)


def _locality_sheet(workbook: Any, rows: list[selectors.ValueRow]) -> None:
    sheet = add_sheet(workbook, LOCALITY_SHEET, [LOCALITY_HEADERS[c] for c in LOCALITY_COLUMNS])
    for row in rows:
        for locality in row.localities:
            saved = row.parts.get(locality.pk)
            append_row(
                sheet,
                [
                    row.indicator.code,
                    row.indicator.title,
                    locality.name,
                    _cell_number(saved.numerator) if saved else None,
                    _cell_number(saved.denominator) if saved else None,
                ],
            )
            lock_cells(sheet, sheet.max_row, "ABC", wrap=True)
    finish_sheet(sheet, [16, 40, 30, 16, 16], freeze="D2")


def _where(row: int, column: str) -> str:
    return cell_name(SHEET, row, COLUMNS.index(column) + 1)


def parse_values_workbook(
    *, content: bytes, round: CollectionRound, agency: Agency
) -> tuple[dict[str, Entry], dict[str, int], list[tuple[int, str]]]:
    """The entries of an uploaded workbook by indicator code, each code's row number, and the
    problems found reading it as (row, message). Raises UploadProblem for a file that cannot
    be read as this round's workbook at all."""
    entries, where, problems, _ = _parse(content=content, round=round, agency=agency)
    return entries, where, problems


@dataclass
class _Parsed:
    entries: dict[str, Entry]
    where: dict[str, int]  # code → its row on the Values sheet
    problems: list[tuple[tuple[int, int], str]]  # ((sheet, row), message), to sort them
    versions: dict[str, str] | None
    # the figures by locality (by code, then locality name); None: no Localities sheet (a
    # workbook made before they were carried, or with no indicator collected by locality)
    parts: dict[str, dict[int | str, tuple[object, object]]] | None = None
    # (code, locality id) → its row on the Localities sheet
    part_rows: dict[tuple[str, int], int] = field(default_factory=dict)


def _parse(
    *, content: bytes, round: CollectionRound, agency: Agency
) -> tuple[dict[str, Entry], dict[str, int], list[tuple[int, str]], dict[str, str] | None]:
    """As parse_values_workbook, with the saved version of each row at download (None for a
    workbook made before versions were written)."""
    parsed = _parse_all(content=content, round=round, agency=agency)
    return (
        parsed.entries,
        parsed.where,
        [(row, message) for (_, row), message in parsed.problems],
        parsed.versions,
    )


def _parse_all(*, content: bytes, round: CollectionRound, agency: Agency) -> _Parsed:
    upload = open_upload(content)
    value_rows = {r.indicator.code: r for r in selectors.agency_rows(round=round, agency=agency)}
    parsed = _parse_values(upload, value_rows=value_rows, round=round, agency=agency)
    if LOCALITY_SHEET in upload.sheetnames:
        _parse_localities(upload, parsed, value_rows=value_rows)
    return parsed


def _parse_localities(
    upload: Upload, parsed: _Parsed, *, value_rows: dict[str, selectors.ValueRow]
) -> None:
    """The Localities sheet's figures into ``parsed.parts``: every indicator collected by
    locality on the Values sheet gets its figures (none given: each locality is asked for)."""
    _, rows = read_sheet(upload, LOCALITY_SHEET, [LOCALITY_HEADERS[c] for c in LOCALITY_COLUMNS])
    parts: dict[str, dict[int | str, tuple[object, object]]] = {
        code: {} for code in parsed.entries if value_rows[code].by_locality
    }

    def problem(number: int, column: str, message: str) -> None:
        where = cell_name(LOCALITY_SHEET, number, LOCALITY_COLUMNS.index(column) + 1)
        parsed.problems.append(((1, number), f"{where}: {message}"))

    for number, raw in rows:
        values = dict(zip(LOCALITY_COLUMNS, raw, strict=False))
        code = str(values.get("code") or "").strip()
        name = " ".join(str(values.get("locality") or "").split())
        row = value_rows.get(code)
        if row is None or not row.by_locality:
            what = (
                f"{shown(code) or 'an empty code'} is not an indicator collected by locality "
                "that you report"
            )
            problem(number, "code", f"{what}: only those have figures by locality.")
            continue
        if code not in parts:
            problem(
                number, "code", f"{code} has no row on the {SHEET} sheet: give its total there."
            )
            continue
        locality = next(
            (loc for loc in row.localities if loc.name.casefold() == name.casefold()), None
        )
        if locality is None:
            names = ", ".join(loc.name for loc in row.localities)
            problem(
                number,
                "locality",
                f"{code}: {shown(name) or 'an empty name'} is not a locality in use (the "
                f"localities are {names}). Download a new workbook.",
            )
            continue
        if locality.pk in parts[code]:
            problem(number, "locality", f"{code}: {locality.name} appears twice.")
            continue
        parts[code][locality.pk] = (values.get("numerator"), values.get("denominator"))
        parsed.part_rows[(code, locality.pk)] = number
    parsed.parts = parts


def _parse_values(
    upload: Upload,
    *,
    value_rows: dict[str, selectors.ValueRow],
    round: CollectionRound,
    agency: Agency,
) -> _Parsed:
    header, rows = read_sheet(
        upload, SHEET, [HEADERS[c] for c in COLUMNS], columns=len(COLUMNS) + 1
    )
    has_versions = len(header) > len(COLUMNS) and str(header[len(COLUMNS)] or "").strip() == (
        VERSION_HEADER
    )
    versions: dict[str, str] | None = {} if has_versions else None
    expected = set(value_rows)
    problems: list[tuple[int, str]] = []
    entries: dict[str, Entry] = {}
    where: dict[str, int] = {}
    for number, raw in rows:
        values = dict(zip(COLUMNS, raw, strict=False))
        version = raw[len(COLUMNS)] if has_versions and len(raw) > len(COLUMNS) else None
        if all(v in (None, "") for v in values.values()):
            continue  # only the hidden version column is filled in
        code = str(values.get("code") or "").strip()
        if code not in expected:
            problems.append(
                (
                    number,
                    f"{_where(number, 'code')}: {shown(code) or 'an empty code'} is not an "
                    f"indicator {agency.name} reports in {round.period.short_label}.",
                )
            )
            continue
        if code in entries:
            problems.append((number, f"{_where(number, 'code')}: {code} appears twice."))
            continue
        confirmed = str(values.get("confirmed") or "").strip().lower()
        if confirmed not in ("", "yes", "no", "y", "n"):
            problems.append((number, f"{_where(number, 'confirmed')}: {code}: enter Yes or No."))
        entries[code] = Entry(
            numerator=values.get("numerator"),
            denominator=values.get("denominator"),
            commentary=str(values.get("commentary") or ""),
            confirmed_outlier=confirmed in ("yes", "y"),
        )
        where[code] = number
        if versions is not None:
            versions[code] = str(version or "").strip()
    return _Parsed(
        entries=entries,
        where=where,
        problems=[((0, number), message) for number, message in problems],
        versions=versions,
    )


def _changed_since_download(
    *, round: CollectionRound, agency: Agency, versions: dict[str, str] | None
) -> dict[str, Any]:
    """The saved values (by code) changed after the workbook was downloaded: saved later than
    the version the workbook carries, or saved where the workbook had none."""
    if versions is None:
        return {}
    saved = {
        v.indicator.code: v
        for v in IndicatorValue.objects_for(round.partnership)
        .select_for_update()
        .filter(round=round, agency=agency, indicator__code__in=list(versions))
        .select_related("indicator", "entered_by")
    }
    changed = {}
    for code, value in saved.items():
        stamp = versions.get(code, "")
        try:
            downloaded = datetime.fromisoformat(stamp) if stamp else None
        except ValueError:
            downloaded = None
        if downloaded is None or value.changed_at > downloaded:
            changed[code] = value
    for code, stamp in versions.items():
        if stamp and code not in saved:
            changed[code] = None  # saved at download, removed since
    return changed


FIELD_COLUMN = {
    "numerator": "numerator",
    "denominator": "denominator",
    "commentary": "commentary",
    "confirmed_outlier": "confirmed",
    "indicator": "code",
}


def _conflict(*, code: str, row: int, value: Any) -> str:
    what = (
        f"was changed by {value.entered_by.full_name} on "
        f"{timezone.localtime(value.changed_at):%-d %B %Y at %H:%M}"
        if value is not None
        else "was removed"
    )
    return (
        f"Sheet {SHEET}, row {row}: {code} {what}, after this workbook was downloaded. Nothing "
        "has been saved: download a new workbook so that you do not overwrite that change."
    )


def _placed(parsed: _Parsed, code: str, field: str, message: str) -> tuple[tuple[int, int], str]:
    """A rule's problem at its cell: a locality's figure on the Localities sheet (or, if that
    locality has no row there, at the indicator's row on the Values sheet), else on Values."""
    if field.startswith("loc") and "-" in field:
        locality, column = field[3:].split("-", 1)
        number = parsed.part_rows.get((code, int(locality))) if locality.isdigit() else None
        if number is not None:
            at = cell_name(LOCALITY_SHEET, number, LOCALITY_COLUMNS.index(column) + 1)
            return (1, number), f"{at}: {message}"
        return (0, parsed.where[code]), f"Sheet {SHEET}, row {parsed.where[code]}: {message}"
    row = parsed.where[code]
    return (0, row), f"{_where(row, FIELD_COLUMN.get(field, 'code'))}: {message}"


def upload_values_workbook(
    *, actor: Actor, round: CollectionRound, content: bytes
) -> services.SaveResult:
    """Save every value in the workbook, and the figures by locality on its Localities sheet,
    or nothing at all. Every problem is reported at once, in the order of the sheets."""
    agency = actor.agency
    parsed = _parse_all(content=content, round=round, agency=agency)
    entries, where, versions = parsed.entries, parsed.where, parsed.versions
    _, rule_problems = services.values_check(
        round=round, agency=agency, entries=entries, parts=parsed.parts
    )
    problems = parsed.problems + [
        _placed(parsed, code, p.field, p.message) for code, p in rule_problems
    ]
    with transaction.atomic():
        changed = _changed_since_download(round=round, agency=agency, versions=versions)
        problems += [
            ((0, where[code]), _conflict(code=code, row=where[code], value=value))
            for code, value in changed.items()
        ]
        if problems:
            raise UploadProblem([message for _, message in sorted(problems, key=lambda p: p[0])])
        try:
            return services.values_save(
                actor=actor,
                round=round,
                agency=agency,
                entries=entries,
                via="workbook",
                parts=parsed.parts,
            )
        except ValidationError as exc:
            raise UploadProblem([str(m) for m in exc.messages]) from exc

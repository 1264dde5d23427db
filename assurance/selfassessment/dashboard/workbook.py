"""The dashboard's table as an Excel workbook (core.spreadsheets): every participant that
matches the filters, not only the page shown."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone

from assurance.core import spreadsheets
from assurance.selfassessment.dashboard import rules
from assurance.selfassessment.rounds.models import Participant, Round

HEADINGS = (
    "Name",
    "Agency or setting",
    "URN",
    "Type of establishment",
    "Phase",
    "Area (postcode district)",
    "Local authority",
    "Status",
    "Overdue",
    "Submitted",
    "Last activity",
    "Last chased",
)


def _day(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def completion_workbook(
    *, round: Round, participants: Iterable[Participant], filters: str, today: date
) -> bytes:
    workbook = spreadsheets.new_workbook(
        [
            f"{round} : who has submitted, as of {today:%d %B %Y}.",
            f"Filters: {filters or 'none'}.",
            f"The deadline is {round.deadline:%d %B %Y}. Overdue: not submitted after it.",
            "Area is the postcode district of the address in Get Information About Schools.",
        ]
    )
    sheet = spreadsheets.add_sheet(workbook, "Participants", HEADINGS)
    for p in participants:
        setting = p.setting
        spreadsheets.append_row(
            sheet,
            [
                p.name,
                "Setting" if setting else "Agency",
                setting.urn if setting else None,
                setting.establishment_type if setting else "",
                setting.phase if setting else "",
                rules.postcode_district(setting.postcode) if setting else "",
                setting.la_name if setting else "",
                p.get_status_display(),
                "Yes"
                if rules.is_overdue(status=p.status, deadline=round.deadline, today=today)
                else "No",
                _day(p.submitted_at),
                _day(getattr(p, "last_activity", None)),
                _day(getattr(p, "last_chased", None)),
            ],
        )
    spreadsheets.finish_sheet(sheet, {"Name": 40, "Type of establishment": 30})
    for row in sheet.iter_rows(min_row=2, min_col=10, max_col=12):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"
    return spreadsheets.workbook_bytes(workbook)

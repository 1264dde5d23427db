"""The dashboard's table as an Excel workbook (core.spreadsheets): every participant that
matches the filters, not only the page shown; and what their staff say (the practitioners'
surveys, by organisation and standard, only where at least five answered)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.utils import timezone
from openpyxl import Workbook

from assurance.core import spreadsheets
from assurance.selfassessment.dashboard import rules
from assurance.selfassessment.rounds.models import Participant, Round
from assurance.selfassessment.surveys.models import StaffAnswer
from assurance.selfassessment.surveys.rules import MIN_GROUP
from assurance.selfassessment.surveys.selectors import OrganisationStaffSurvey

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


STAFF_HEADINGS = (
    "Name",
    "Staff who answered",
    "Standard",
    "Standard's text",
    "Self-rating in the submitted return",
    *(answer.label for answer in StaffAnswer),
    "Where staff and the self-rating disagree",
)


def completion_workbook(
    *,
    round: Round,
    participants: Iterable[Participant],
    filters: str,
    today: date,
    staff: Sequence[OrganisationStaffSurvey] = (),
) -> bytes:
    workbook = spreadsheets.new_workbook(
        [
            f"{round} : who has submitted, as of {today:%d %B %Y}.",
            f"Filters: {filters or 'none'}.",
            f"The deadline is {round.deadline:%d %B %Y}. Overdue: not submitted after it.",
            "Area is the postcode district of the address in Get Information About Schools.",
            "What staff say: each organisation's practitioners' survey (of those listed), a row "
            f"per standard with how many staff gave each answer. Fewer than {MIN_GROUP} answers: "
            "no result, so that no one's answer can be picked out.",
        ]
    )
    sheet = spreadsheets.add_sheet(workbook, "Participants", HEADINGS)
    listed: set[int] = set()
    for p in participants:
        listed.add(p.pk)
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
    _staff_sheet(workbook, [s for s in staff if s.participant.pk in listed])
    return spreadsheets.workbook_bytes(workbook)


def _staff_sheet(workbook: Workbook, staff: Sequence[OrganisationStaffSurvey]) -> None:
    """A row per organisation and standard where at least ``MIN_GROUP`` staff answered; one
    row saying how many more are needed where fewer did (no figure of a few answers)."""
    sheet = spreadsheets.add_sheet(workbook, "What staff say", STAFF_HEADINGS)
    blanks = [None] * len(StaffAnswer)
    for survey in staff:
        name = survey.participant.name
        if not survey.shown:
            spreadsheets.append_row(
                sheet,
                [name, survey.responses, "", f"No result: {survey.more_needed}", "", *blanks, ""],
            )
            continue
        for row in survey.standards:
            spreadsheets.append_row(
                sheet,
                [
                    name,
                    survey.responses,
                    row.code,
                    row.title,
                    row.self_rating or "Not rated",
                    *(count for _, count in row.counts),
                    row.flag,
                ],
            )
    spreadsheets.finish_sheet(sheet, {"Name": 40, "Standard's text": 60})

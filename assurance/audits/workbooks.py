"""Excel for audits: the pre-filled return workbook an agency completes offline and uploads,
and the workbook of everything about an audit.

An uploaded return workbook is checked whole before anything is written: every problem is named
by its sheet, row and column, and a bad upload stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook

from assurance.audits import selectors, services
from assurance.audits.models import AgencyReturn, AgreedGrade, Audit, AuditCase
from assurance.core.identifiers import find_identifiers
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
from assurance.frameworks.assessments import ConflictError
from assurance.frameworks.models import Answer, ResponseType
from assurance.partnerships.access import Actor

ANSWER_COLUMNS = [
    "return_id",
    "revision",
    "case",
    "kloe",
    "code",
    "standard",
    "guidance",
    "response",
    "evidence",
]
SUMMARY_COLUMNS = [
    "return_id",
    "case",
    "working_well",
    "worried_about",
    "needs_to_happen",
    "child_views",
    "family_views",
]
HEADERS = {
    "return_id": "Return (do not change)",
    "revision": "Version (do not change)",
    "case": "Case",
    "kloe": "KLOE",
    "code": "Standard",
    "standard": "Standard text",
    "guidance": "Guidance",
    "response": "Response",
    "evidence": "Evidence",
    "working_well": "What is working well",
    "worried_about": "What we are worried about",
    "needs_to_happen": "What needs to happen",
    "child_views": "The child's views",
    "family_views": "The family's views",
}


def editable_returns(*, actor: Actor, audit: Audit) -> list[AgencyReturn]:
    """The returns of the actor's agency in this audit that the actor may complete now."""
    returns = (
        selectors.visible_returns(actor=actor, permission="return.edit")
        .filter(case__audit=audit, agency_id=actor.agency_id)
        .select_related("case", "assessment", "agency")
        .order_by("case__reference")
    )
    result = []
    for agency_return in returns:
        if agency_return.is_locked:
            continue
        try:
            services.return_check_editor(actor=actor, agency_return=agency_return)
        except PermissionDenied:
            continue
        result.append(agency_return)
    return result


def return_workbook(*, actor: Actor, audit: Audit) -> bytes:
    """A workbook of the actor's agency's open returns, pre-filled with what is saved."""
    returns = editable_returns(actor=actor, audit=audit)
    sections = selectors.framework_sections(framework_id=audit.framework_id)
    answers = {
        (a.assessment_id, a.item_id): a
        for a in Answer.objects.filter(assessment__agency_return__in=returns).select_related(
            "option"
        )
    }
    workbook = new_workbook(
        [
            f"{audit.title}: returns of {actor.agency.name}",
            "Complete the Answers and Summary sheets, save the file and upload it on the audit's "
            "page. Upload saves your drafts; submit each return on the web page when it is done.",
            "Choose a response from the list in the Response column; give evidence where the "
            "standard asks for it. Do not change the grey columns.",
            "Never write a child's name, date of birth, address or NHS number: cases are known "
            "by their reference. Text that looks like one is rejected on upload.",
            "If someone saves one of these returns on the web after you downloaded this file, the "
            "upload is refused for that return so that nothing is overwritten.",
        ]
    )
    sheet = add_sheet(workbook, "Answers", [HEADERS[c] for c in ANSWER_COLUMNS])
    lists: dict[int, Any] = {}
    for agency_return in returns:
        for section in sections:
            for item in section.items.all():
                answer = answers.get((agency_return.assessment_id, item.pk))
                value: Any = ""
                if answer is not None:
                    if answer.option is not None:
                        value = answer.option.label
                    elif answer.number is not None:
                        value = float(answer.number)
                    elif answer.date is not None:
                        value = answer.date
                    else:
                        value = answer.text
                append_row(
                    sheet,
                    [
                        agency_return.pk,
                        agency_return.assessment.revision,
                        agency_return.case.reference,
                        section.code,
                        item.code,
                        item.text,
                        item.guidance,
                        value,
                        answer.evidence if answer else "",
                    ],
                )
                row = sheet.max_row
                if item.is_graded and item.scale is not None:
                    scale_id = item.scale.pk
                    if scale_id not in lists:
                        lists[scale_id] = choice_list(
                            sheet,
                            [o.label for o in item.scale.options.all()],
                            error="Choose one of the options in the list.",
                        )
                    lists[scale_id].add(f"H{row}")
                lock_cells(sheet, row, "ABCDEFG")
    finish_sheet(
        sheet,
        {
            HEADERS["standard"]: 60,
            HEADERS["guidance"]: 40,
            HEADERS["response"]: 20,
            HEADERS["evidence"]: 60,
        },
    )
    summary = add_sheet(workbook, "Summary", [HEADERS[c] for c in SUMMARY_COLUMNS])
    for agency_return in returns:
        append_row(
            summary,
            [
                agency_return.pk,
                agency_return.case.reference,
                agency_return.working_well,
                agency_return.worried_about,
                agency_return.needs_to_happen,
                agency_return.child_views,
                agency_return.family_views,
            ],
        )
    finish_sheet(summary, {HEADERS[c]: 40 for c in SUMMARY_COLUMNS[2:]})
    return workbook_bytes(workbook)


@dataclass
class _Parsed:
    answers: dict[int, dict[int, dict[str, Any]]]
    revisions: dict[int, int]
    narrative: dict[int, dict[str, str]]


def _rows(workbook: Upload, name: str, columns: list[str]) -> list[tuple[int, dict[str, Any]]]:
    _, rows = read_sheet(workbook, name, [HEADERS[c] for c in columns])
    return [(number, dict(zip(columns, row, strict=False))) for number, row in rows]


def _cell(sheet: str, row: int, columns: list[str], column: str) -> str:
    return cell_name(sheet, row, columns.index(column) + 1, HEADERS[column])


def parse_return_workbook(*, content: bytes, returns: list[AgencyReturn], audit: Audit) -> _Parsed:
    workbook = open_upload(content)
    by_id = {r.pk: r for r in returns}
    items = {
        (s.code, i.code): i
        for s in selectors.framework_sections(framework_id=audit.framework_id)
        for i in s.items.all()
    }
    problems: list[str] = []
    parsed = _Parsed(answers={}, revisions={}, narrative={})
    for row, values in _rows(workbook, "Answers", ANSWER_COLUMNS):
        where = lambda c, r=row: _cell("Answers", r, ANSWER_COLUMNS, c)  # noqa: E731
        try:
            return_id = int(values["return_id"])
        except (TypeError, ValueError, OverflowError):
            problems.append(f"{where('return_id')}: this must be the return number given.")
            continue
        agency_return = by_id.get(return_id)
        if agency_return is None:
            problems.append(
                f"{where('return_id')}: return {return_id} is not one you can "
                "complete now (it may have been submitted)."
            )
            continue
        item = items.get((str(values["kloe"] or ""), str(values["code"] or "")))
        if item is None:
            problems.append(
                f"{where('code')}: {values['kloe']} {values['code']} is not a "
                "standard of this audit's tool."
            )
            continue
        try:
            parsed.revisions[return_id] = int(values["revision"] or 0)
        except (TypeError, ValueError, OverflowError):
            problems.append(f"{where('revision')}: this must be the version number given.")
            continue
        raw = values["response"]
        entry: dict[str, Any] = {"evidence": str(values["evidence"] or "").strip()}
        if item.is_graded and item.scale is not None:
            labels = {o.label.lower(): o.pk for o in item.scale.options.all()}
            if raw in (None, ""):
                entry["option"] = None
            elif str(raw).strip().lower() in labels:
                entry["option"] = labels[str(raw).strip().lower()]
            else:
                problems.append(
                    f"{where('response')}: “{shown(raw)}” is not one of "
                    f"{', '.join(o.label for o in item.scale.options.all())}."
                )
        elif item.response_type == ResponseType.NUMBER:
            try:
                entry["number"] = None if raw in (None, "") else Decimal(str(raw).strip())
                if entry["number"] is not None and not entry["number"].is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                problems.append(f"{where('response')}: enter a number, like 3.")
        elif item.response_type == ResponseType.DATE:
            if isinstance(raw, datetime):
                entry["date"] = raw.date()
            elif isinstance(raw, date) or raw in (None, ""):
                entry["date"] = raw or None
            else:
                try:
                    entry["date"] = date.fromisoformat(str(raw).strip())
                except ValueError:
                    problems.append(f"{where('response')}: enter a date, like 2026-11-22.")
        else:
            entry["text"] = str(raw or "").strip()
        for column in ("evidence", "response"):
            text = str(values[column] or "")
            for finding in (
                find_identifiers(text)
                if column == "evidence" or (item.response_type == ResponseType.TEXT)
                else []
            ):
                problems.append(
                    f"{where(column)}: this looks like it contains {finding.label}. "
                    "Remove it, or enter it on the web form with the reason."
                )
        parsed.answers.setdefault(return_id, {})[item.pk] = entry
    for row, values in _rows(workbook, "Summary", SUMMARY_COLUMNS):
        try:
            return_id = int(values["return_id"])
        except (TypeError, ValueError, OverflowError):
            problems.append(
                f"{_cell('Summary', row, SUMMARY_COLUMNS, 'return_id')}: this must "
                "be the return number given."
            )
            continue
        if return_id not in by_id:
            problems.append(
                f"{_cell('Summary', row, SUMMARY_COLUMNS, 'return_id')}: return "
                f"{return_id} is not one you can complete now."
            )
            continue
        narrative = {}
        for column in SUMMARY_COLUMNS[2:]:
            text = str(values[column] or "").strip()
            for finding in find_identifiers(text):
                problems.append(
                    f"{_cell('Summary', row, SUMMARY_COLUMNS, column)}: this looks "
                    f"like it contains {finding.label}. Remove it, or enter it on "
                    "the web form with the reason."
                )
            narrative[column] = text
        parsed.narrative[return_id] = narrative
    if problems:
        raise UploadProblem(problems)
    return parsed


def upload_return_workbook(*, actor: Actor, audit: Audit, content: bytes) -> int:
    """Save every return in the workbook as a draft, or nothing at all. Returns how many."""
    returns = editable_returns(actor=actor, audit=audit)
    parsed = parse_return_workbook(content=content, returns=returns, audit=audit)
    by_id = {r.pk: r for r in returns}
    touched = sorted(set(parsed.answers) | set(parsed.narrative))
    with transaction.atomic():
        for return_id in touched:
            try:
                services.return_save(
                    actor=actor,
                    agency_return=by_id[return_id],
                    answers=parsed.answers.get(return_id, {}),
                    narrative=parsed.narrative.get(return_id, {}),
                    expected_revision=parsed.revisions.get(
                        return_id, by_id[return_id].assessment.revision
                    ),
                )
            except ConflictError as exc:
                raise UploadProblem(
                    [
                        f"Case {by_id[return_id].case.reference}: someone saved this return on the "
                        "web after the workbook was downloaded. Download a new workbook; nothing "
                        "has been saved."
                    ]
                ) from exc
            except ValidationError as exc:
                raise UploadProblem(
                    [f"Case {by_id[return_id].case.reference}: {m}" for m in exc.messages]
                ) from exc
    return len(touched)


# --- everything about an audit ----------------------------------------------------------------


def audit_workbook(*, audit: Audit) -> bytes:
    """The audit's plan, tool, sample, returns (submitted), answers, moderation and findings."""
    workbook = Workbook()
    plan = workbook.active
    plan.title = "Audit"
    for key, value in [
        ("Title", audit.title),
        ("Theme", audit.get_theme_display()),
        ("Kind", audit.get_kind_display()),
        ("Planned month", audit.planned_month),
        ("Status", audit.get_status_display()),
        ("Scope", audit.scope),
        ("Sample criteria", audit.sample_criteria),
        ("Audit tool", str(audit.framework or "")),
        ("Lead", str(audit.lead or "")),
        ("Agencies", ", ".join(a.name for a in audit.agencies.all())),
        ("Returns due", audit.returns_due),
        ("Moderation", audit.moderation_date),
        ("Report due", audit.report_due),
    ]:
        append_row(plan, [key, value])
    plan.column_dimensions["A"].width, plan.column_dimensions["B"].width = 20, 90
    sections = (
        selectors.framework_sections(framework_id=audit.framework_id) if audit.framework_id else []
    )
    tool = workbook.create_sheet("Audit tool")
    append_row(tool, ["KLOE", "KLOE title", "Standard", "Text", "Response type", "Scale"])
    for section in sections:
        for item in section.items.all():
            append_row(
                tool,
                [
                    section.code,
                    section.title,
                    item.code,
                    item.text,
                    item.get_response_type_display(),
                    item.scale.name if item.scale else "",
                ],
            )
    sample = workbook.create_sheet("Sample")
    append_row(
        sample, ["Case", "Age band", "Gender", "Ethnicity", "Why selected", "Source", "Agencies"]
    )
    for case in AuditCase.unscoped.filter(audit=audit).prefetch_related("involvements__agency"):
        append_row(
            sample,
            [
                case.reference,
                case.get_age_band_display(),
                case.get_gender_display(),
                case.ethnicity,
                case.selection_reason,
                case.get_source_display(),
                ", ".join(i.agency.short_name for i in case.involvements.all()),
            ],
        )
    returns = workbook.create_sheet("Returns")
    append_row(
        returns,
        [
            "Case",
            "Agency",
            "Status",
            "Submitted",
            "Signed off",
            "What is working well",
            "What we are worried about",
            "What needs to happen",
            "Child's views",
            "Family's views",
        ],
    )
    complete = AgencyReturn.unscoped.filter(case__audit=audit).select_related("case", "agency")
    for r in complete.order_by("case__reference", "agency__name"):
        shared = r.is_complete
        append_row(
            returns,
            [
                r.case.reference,
                r.agency.name,
                r.get_status_display(),
                r.submitted_at.replace(tzinfo=None) if r.submitted_at else None,
                r.signed_off_at.replace(tzinfo=None) if r.signed_off_at else None,
                *(
                    [
                        r.working_well,
                        r.worried_about,
                        r.needs_to_happen,
                        r.child_views,
                        r.family_views,
                    ]
                    if shared
                    else ["(draft: stays with the agency)"] + [""] * 4
                ),
            ],
        )
    answers = workbook.create_sheet("Answers")
    append_row(
        answers,
        ["Case", "Agency", "KLOE", "Standard", "Response", "Meets the standard", "Evidence"],
    )
    for answer in (
        Answer.objects.filter(
            assessment__agency_return__case__audit=audit,
            assessment__agency_return__status__in=selectors.COMPLETE,
        )
        .select_related(
            "item__section",
            "option",
            "assessment__agency_return__case",
            "assessment__agency_return__agency",
        )
        .order_by(
            "assessment__agency_return__case__reference",
            "assessment__agency_return__agency__name",
            "item__section__order",
            "item__order",
        )
    ):
        agency_return = answer.assessment.agency_return
        value = (
            answer.option.label
            if answer.option is not None
            else (float(answer.number) if answer.number is not None else answer.date or answer.text)
        )
        append_row(
            answers,
            [
                agency_return.case.reference,
                agency_return.agency.name,
                answer.item.section.code,
                answer.item.code,
                value,
                ("Yes" if answer.option.meets_standard else "No")
                if answer.option is not None
                else "",
                answer.evidence,
            ],
        )
    moderation = workbook.create_sheet("Moderation")
    append_row(moderation, ["Case", "KLOE", "Agreed grade", "Rationale"])
    for grade in (
        AgreedGrade.unscoped.filter(case__audit=audit)
        .select_related("case", "section", "option")
        .order_by("case__reference", "section__order")
    ):
        append_row(
            moderation,
            [grade.case.reference, grade.section.code, grade.option.label, grade.rationale],
        )
    findings = workbook.create_sheet("Findings")
    append_row(
        findings,
        [
            "KLOE",
            "Standard",
            "Agency",
            "Meeting",
            "Assessed",
            "Not applicable",
            "Proportion",
            "95% low",
            "95% high",
        ],
    )
    for kloe in selectors.audit_findings(audit=audit).sections:
        for result in kloe.items:
            for name, s in [*result.by_agency, ("All agencies", result.overall)]:
                append_row(
                    findings,
                    [
                        kloe.section.code,
                        result.item.code,
                        name,
                        s["meeting"],
                        s["assessed"],
                        s["not_applicable"],
                        s["proportion"],
                        s["low"],
                        s["high"],
                    ],
                )
    messages = workbook.create_sheet("Key messages")
    append_row(messages, ["Kind", "Aspect", "Message"])
    for m in selectors.key_messages(audit=audit):
        append_row(messages, [m.get_kind_display(), m.aspect, m.text])
    for sheet in workbook.worksheets[1:]:
        finish_sheet(sheet, {})
    return workbook_bytes(workbook)

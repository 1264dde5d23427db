"""Writes of annual reports: start a year's draft, write a section's words (both versions),
enter a partner's contribution, record the executive's approval at a quorate meeting (which
freezes the snapshot of every figure and text) and publish it. A published report is never
changed; an approved one that is edited goes back to draft, its snapshot discarded, and must
be approved again."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assurance.annualreport.reports import selectors
from assurance.annualreport.reports.models import AnnualReport, PartnerContribution, ReportStatus
from assurance.annualreport.sections.assembly import SECTIONS
from assurance.core.business_year import business_year_label
from assurance.core.history import save_as
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.selectors import quorum_view
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency

PUBLISHED = "This report has been published: it cannot be changed."


def report_start(*, actor: Actor, year: int) -> AnnualReport:
    actor.require("annual_report.manage")
    if AnnualReport.objects_for(actor.partnership).filter(business_year=year).exists():
        raise ValidationError(
            {"year": f"There is already a report for {business_year_label(year)}."}
        )
    report = AnnualReport(partnership=actor.partnership, business_year=year)
    try:
        with transaction.atomic():
            save_as(report, actor)
    except IntegrityError as exc:  # started by someone else a moment ago
        raise ValidationError(
            {"year": f"There is already a report for {business_year_label(year)}."}
        ) from exc
    return report


def _back_to_draft(report: AnnualReport) -> None:
    """An edit after approval: the approval was of other words, so it no longer stands."""
    if report.status == ReportStatus.PUBLISHED:
        raise ValidationError(PUBLISHED)
    report.status = ReportStatus.DRAFT
    report.snapshot = None
    report.approved_at_meeting = None
    report.approved_at = None
    report.quorum_explanation = ""


def section_text_set(
    *, actor: Actor, report: AnnualReport, key: str, narrative: str, young_people: str
) -> AnnualReport:
    actor.require("annual_report.manage")
    require_same_partnership(actor, report)
    if key not in SECTIONS:
        raise ValidationError("There is no such section.")
    _back_to_draft(report)
    report.narrative = {**report.narrative, key: narrative.strip()}
    report.young_people = {**report.young_people, key: young_people.strip()}
    save_as(report, actor)
    return report


def contribution_set(
    *, actor: Actor, report: AnnualReport, agency: Agency, amount: Decimal, in_kind: str
) -> PartnerContribution:
    """Enter (or correct) what one partner contributed in the year."""
    actor.require("annual_report.manage")
    require_same_partnership(actor, report, agency)
    if amount < 0:
        raise ValidationError({"amount": "Enter an amount of £0 or more."})
    with transaction.atomic():
        _back_to_draft(report)
        save_as(report, actor)
        row = (
            PartnerContribution.objects_for(actor.partnership)
            .filter(report=report, agency=agency)
            .first()
        ) or PartnerContribution(partnership=actor.partnership, report=report, agency=agency)
        row.amount, row.in_kind = amount, in_kind.strip()
        save_as(row, actor)
    return row


def report_approve(*, actor: Actor, report: AnnualReport, meeting: Meeting) -> AnnualReport:
    """Record that the statutory partners approved the report at a meeting of the executive:
    the meeting must have been quorate under the executive's terms of reference (the learning
    cycle's quorum rule, from the attendance recorded). Approval freezes the snapshot."""
    actor.require("annual_report.manage")
    require_same_partnership(actor, report, meeting)
    if report.status == ReportStatus.PUBLISHED:
        raise ValidationError(PUBLISHED)
    if not meeting.group.is_decision_making:
        raise ValidationError(
            {"meeting": f"The {meeting.group.name} does not take the partnership's decisions."}
        )
    if meeting.held_on > timezone.localdate():
        raise ValidationError({"meeting": "Choose a meeting that has taken place."})
    view = quorum_view(meeting)
    if not view.recorded:
        raise ValidationError(
            {"meeting": "Record who attended this meeting before recording its approval."}
        )
    if not view.quorum.met:
        raise ValidationError(
            {
                "meeting": f"{view.quorum.explanation} The statutory partners approve the "
                "annual report at a quorate meeting."
            }
        )
    with transaction.atomic():
        report.snapshot = selectors.snapshot_of(actor=actor, report=report)
        report.status = ReportStatus.APPROVED
        report.approved_at_meeting = meeting
        report.quorum_explanation = view.quorum.explanation
        report.approved_at = timezone.now()
        save_as(report, actor)
    return report


def report_publish(*, actor: Actor, report: AnnualReport) -> AnnualReport:
    """Make the approved snapshot public, as it is: nothing is read from the records again."""
    actor.require("annual_report.manage")
    require_same_partnership(actor, report)
    if report.status == ReportStatus.PUBLISHED:
        raise ValidationError(PUBLISHED)
    if report.status != ReportStatus.APPROVED or report.snapshot is None:
        raise ValidationError(
            "The statutory partners must approve the report at a quorate meeting of the "
            "executive before it is published."
        )
    report.status = ReportStatus.PUBLISHED
    report.published_at = timezone.now()
    save_as(report, actor)
    return report

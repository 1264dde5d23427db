"""Reads of annual reports: the partnership's reports, one report, its sections as they stand
(from the records, for a draft) or as frozen (once approved), and the public reads of
published reports, which need no actor: only what was published is ever read for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from assurance.annualreport.reports.models import AnnualReport, PartnerContribution, ReportStatus
from assurance.annualreport.sections.assembly import (
    SECTIONS,
    Cell,
    Figure,
    Section,
    Table,
    section_from_json,
    section_to_json,
)
from assurance.annualreport.sections.selectors import record_sections
from assurance.annualreport.young_people.readability import Readability, readability
from assurance.core.business_year import business_year_label
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.selectors import meeting_list
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership


def report_list(*, actor: Actor) -> QuerySet[AnnualReport]:
    return scoped(actor, AnnualReport.unscoped.all(), "annual_report.view")


def get_report(*, actor: Actor, pk: Any, permission: str = "annual_report.view") -> AnnualReport:
    return get_for_actor(
        actor, AnnualReport.unscoped.select_related("approved_at_meeting__group"), permission, pk
    )


def contributions(*, report: AnnualReport) -> QuerySet[PartnerContribution]:
    return PartnerContribution.unscoped.filter(report=report).select_related("agency")


def contributions_section(*, actor: Actor, report: AnnualReport) -> Section:
    rows = list(contributions(report=report))
    section = Section("contributions")
    section.figures.append(
        Figure("Total money contributed", f"£{sum(r.amount for r in rows):,.2f}", "")
    )
    section.tables.append(
        Table(
            "Each partner's contribution",
            ["Partner", "Money", "In kind"],
            [
                [Cell(r.agency.name), Cell(f"£{r.amount:,.2f}"), Cell(r.in_kind or "None")]
                for r in rows
            ],
        )
    )
    if not rows:
        section.notes.append("No partner's contribution has been entered yet.")
    return section


def scrutiny_section(*, actor: Actor, report: AnnualReport) -> Section:
    section = Section("scrutiny")
    if not report.narrative.get("scrutiny"):
        section.notes.append("The independent scrutineer's view has not been written yet.")
    return section


def live_sections(*, actor: Actor, report: AnnualReport) -> list[Section]:
    """Every section of the report as the records stand now, in the report's order."""
    built = record_sections(actor=actor, year=report.business_year)
    built["contributions"] = contributions_section(actor=actor, report=report)
    built["scrutiny"] = scrutiny_section(actor=actor, report=report)
    return [built[key] for key in SECTIONS]


@dataclass
class ShownSection:
    """A section as a page shows it: its figures and tables, the business unit's words, the
    young people's version's words and how easy they are to read."""

    section: Section
    narrative: str
    young_people: str

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.section.title

    @property
    def readability(self) -> Readability:
        return readability(self.young_people)


def snapshot_of(*, actor: Actor, report: AnnualReport) -> dict[str, Any]:
    """What approval freezes: every section's figures, tables and notes with both texts."""
    return {
        "partnership": report.partnership.name,
        "year": report.business_year,
        "year_label": business_year_label(report.business_year),
        "sections": [
            {
                **section_to_json(section),
                "narrative": report.narrative.get(section.key, ""),
                "young_people": report.young_people.get(section.key, ""),
            }
            for section in live_sections(actor=actor, report=report)
        ],
    }


def shown_sections(*, actor: Actor | None, report: AnnualReport) -> list[ShownSection]:
    """The frozen sections once approved (never the records again); a draft's as they stand."""
    if report.snapshot is not None:
        return sections_of_snapshot(report.snapshot)
    if actor is None:
        raise ValueError("A draft report is read only by a member of its partnership.")
    return [
        ShownSection(s, report.narrative.get(s.key, ""), report.young_people.get(s.key, ""))
        for s in live_sections(actor=actor, report=report)
    ]


def sections_of_snapshot(snapshot: dict[str, Any]) -> list[ShownSection]:
    return [
        ShownSection(section_from_json(data), data["narrative"], data["young_people"])
        for data in snapshot["sections"]
    ]


def approval_meetings(*, actor: Actor) -> QuerySet[Meeting]:
    """The meetings held so far of the partnership's decision-making group (its executive),
    newest first."""
    return (
        meeting_list(actor=actor)
        .filter(group__is_decision_making=True, held_on__lte=timezone.localdate())
        .order_by("-held_on")
    )


# --- public: published reports only, no actor ----------------------------------------------------


# What a public page reads of a published report besides its snapshot: the snapshot is the
# largest value stored and is read only where a page, PDF or Word document is drawn from it.
UNFROZEN = ("snapshot", "narrative", "young_people")


def published_reports(*, partnership: Partnership) -> QuerySet[AnnualReport]:
    """The partnership's published reports, newest first, without their snapshots."""
    return (
        AnnualReport.objects_for(partnership)
        .filter(status=ReportStatus.PUBLISHED, snapshot__isnull=False)
        .defer(*UNFROZEN)
    )


def published_report(*, partnership: Partnership, year: int) -> AnnualReport | None:
    return published_reports(partnership=partnership).filter(business_year=year).first()


def published_snapshot(*, report: AnnualReport) -> dict[str, Any]:
    """The frozen snapshot of a report ``published_report`` found (which has one)."""
    snapshot = (
        AnnualReport.unscoped.filter(pk=report.pk, partnership_id=report.partnership_id)
        .values_list("snapshot", flat=True)
        .get()
    )
    assert snapshot is not None
    return dict(snapshot)


def public_partnership(*, slug: str) -> Partnership | None:
    return Partnership.unscoped.filter(slug=slug).first()

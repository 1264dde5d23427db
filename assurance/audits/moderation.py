"""Reads for moderation, and only reads: the board on which the audit discussion meeting sees
every case's complete returns side by side with the grade agreed per KLOE, and the look-ups of
the form that records a grade. Agreeing a grade is a write: ``services.agreed_grade_set``.

Returns come through the actor's scope (``selectors.visible_returns``): an agency lead sees
their own agency's, the business unit and the scrutineer every agency's; drafts never.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from assurance.audits.models import AgencyReturn, AgreedGrade, Audit, AuditCase, ModerationMeeting
from assurance.audits.selectors import COMPLETE, case_list, framework_sections, visible_returns
from assurance.frameworks.models import Answer, Item, ScaleOption, Section
from assurance.partnerships.access import Actor


@dataclass(frozen=True)
class BoardRow:
    """A standard, and each of the case's returns' answer to it (None where there is none)."""

    item: Item
    answers: list[Answer | None]


@dataclass(frozen=True)
class BoardSection:
    section: Section
    grade: AgreedGrade | None
    items: list[BoardRow]


@dataclass(frozen=True)
class BoardCase:
    case: AuditCase
    returns: list[AgencyReturn]
    sections: list[BoardSection]


@dataclass(frozen=True)
class ModerationBoard:
    cases: list[BoardCase]
    sections: list[Section]
    options: QuerySet[ScaleOption]
    meetings: list[ModerationMeeting]


def moderation_board(*, actor: Actor, audit: Audit) -> ModerationBoard:
    """The audit's cases the actor may see, each with its complete returns the actor may see,
    their answers per KLOE and standard, and the grade agreed per KLOE; the tool's grading
    options; the meetings with their attendees. A constant number of queries (the options' one
    only when they are listed)."""
    sections = framework_sections(framework_id=audit.framework_id)
    cases = list(case_list(actor=actor, audit=audit))
    returns = (
        list(
            visible_returns(actor=actor, permission="return.view")
            .filter(case__audit=audit, status__in=COMPLETE)
            .select_related("agency")
        )
        if actor.can("return.view")
        else []
    )
    answers = {
        (answer.assessment_id, answer.item_id): answer
        for answer in Answer.objects.filter(
            assessment_id__in=[r.assessment_id for r in returns]
        ).select_related("option")
    }
    grades = {
        (grade.case_id, grade.section_id): grade
        for grade in AgreedGrade.unscoped.filter(case__audit=audit).select_related("option")
    }
    board = []
    for case in cases:
        case_returns = [r for r in returns if r.case_id == case.pk]
        board.append(
            BoardCase(
                case=case,
                returns=case_returns,
                sections=[
                    BoardSection(
                        section=section,
                        grade=grades.get((case.pk, section.pk)),
                        items=[
                            BoardRow(
                                item=item,
                                answers=[
                                    answers.get((r.assessment_id, item.pk)) for r in case_returns
                                ],
                            )
                            for item in section.items.all()
                        ],
                    )
                    for section in sections
                ],
            )
        )
    return ModerationBoard(
        cases=board,
        sections=sections,
        options=_scale_options(audit),
        meetings=list(audit.moderation_meetings.prefetch_related("attendees__agency")),
    )


def _scale_options(audit: Audit) -> QuerySet[ScaleOption]:
    """Every option of the scales the tool's items use, by scale and order. Lazy: read only if
    the page lists them (to someone who records grades)."""
    if audit.framework_id is None:
        return ScaleOption.objects.none()
    return (
        ScaleOption.objects.filter(scale__items__section__framework_id=audit.framework_id)
        .distinct()
        .order_by("scale", "order")
    )


def moderation_section(*, audit: Audit, pk: str) -> Section | None:
    """The KLOE of the audit's tool posted as ``pk``, or None."""
    if audit.framework_id is None or not pk.isdigit():
        return None
    return Section.objects.filter(framework_id=audit.framework_id, pk=pk).first()


def moderation_option(*, pk: str) -> ScaleOption | None:
    """The grading option posted as ``pk``, or None."""
    return ScaleOption.objects.filter(pk=pk).first() if pk.isdigit() else None


def moderation_meeting_latest(*, audit: Audit) -> ModerationMeeting | None:
    """The audit's latest discussion meeting: the one a grade agreed now is recorded at."""
    return audit.moderation_meetings.first()

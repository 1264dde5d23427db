"""Writes of meetings: a meeting, its agenda, attendance and papers, and decisions on
recommendations with the quorum and votes (``partnerships/terms.py``). Every write checks the
actor's permission and records history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.core.history import delete_as, save_as
from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import (
    LearningItem,
    Recommendation,
)
from assurance.improvement.meetings.models import (
    AgendaItem,
    AgendaKind,
    Attendance,
    Decision,
    DecisionOutcome,
    DecisionVote,
    Meeting,
    MeetingPaper,
    PaperKind,
)
from assurance.partnerships import terms
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Group, GroupMember, Person

# --- meetings -----------------------------------------------------------------------------------


def meeting_create(
    *, actor: Actor, group: Group, held_on: date, location: str = "", minutes: str = ""
) -> Meeting:
    actor.require("meeting.manage")
    require_same_partnership(actor, group)
    meeting = Meeting(
        partnership=actor.partnership,
        group=group,
        held_on=held_on,
        location=location,
        minutes=minutes,
    )
    with transaction.atomic():
        save_as(meeting, actor)
        if group.is_decision_making:
            # Each executive meeting receives a highlight report, generated from the records.
            paper_add(
                actor=actor,
                meeting=meeting,
                kind=PaperKind.HIGHLIGHT_REPORT,
                report_meeting=meeting,
            )
    return meeting


def agenda_set(
    *,
    actor: Actor,
    meeting: Meeting,
    learning_items: Iterable[LearningItem] = (),
    recommendations: Iterable[Recommendation] = (),
    actions: Iterable[Action] = (),
    exceptions: Iterable[LearningItem] = (),
    dataset_exceptions: Iterable[str] = (),
    other: Iterable[str] = (),
) -> list[AgendaItem]:
    """Replace the meeting's agenda; the report of any audit a learning item comes from is
    added to the papers (a link to the platform's report, not a copy)."""
    actor.require("meeting.manage")
    entries: list[tuple[str, str, dict[str, Any]]] = []
    for title in dataset_exceptions:
        entries.append((AgendaKind.EXCEPTION, title, {}))
    for item in exceptions:
        entries.append(
            (AgendaKind.EXCEPTION, f"Data set exception: {item.title}", {"learning_item": item})
        )
    for item in learning_items:
        entries.append((AgendaKind.LEARNING, f"Learning: {item.title}", {"learning_item": item}))
    for rec in recommendations:
        entries.append(
            (AgendaKind.RECOMMENDATION, f"For decision: {rec.title}", {"recommendation": rec})
        )
    for action in actions:
        entries.append((AgendaKind.ACTION, f"Action: {action.title}", {"action": action}))
    for text in other:
        if text.strip():
            entries.append((AgendaKind.OTHER, text.strip(), {}))
    with transaction.atomic():
        for old in meeting.agenda_items.all():
            delete_as(old, actor)
        created = []
        for order, (kind, title, links) in enumerate(entries, start=1):
            require_same_partnership(actor, *links.values())
            agenda_item = AgendaItem(
                partnership=actor.partnership,
                meeting=meeting,
                order=order,
                kind=kind,
                title=title[:300],
                **links,
            )
            save_as(agenda_item, actor)
            created.append(agenda_item)
        papered = set(
            meeting.papers.filter(kind=PaperKind.AUDIT_REPORT).values_list("audit_id", flat=True)
        )
        for item in [*learning_items, *exceptions]:
            if item.audit_id and item.audit_id not in papered:
                paper_add(
                    actor=actor, meeting=meeting, kind=PaperKind.AUDIT_REPORT, audit=item.audit
                )
                papered.add(item.audit_id)
    return created


def seat_holders(group: Group) -> tuple[set[int], set[int]]:
    """(people who hold a seat, agencies with a seat nobody is named for)."""
    seats = GroupMember.objects_for(group.partnership).filter(group=group)
    people = {s.person_id for s in seats if s.person_id}
    vacant_agencies = {s.agency_id for s in seats if not s.person_id}
    return people, vacant_agencies


def attendance_record(
    *, actor: Actor, meeting: Meeting, present: Iterable[Person], apologies: Iterable[Person] = ()
) -> list[Attendance]:
    """Replace the meeting's attendance. Whether each person counts as a member of the group
    (for the quorum and the vote) comes from the group's seats: a person named for a seat, or
    someone deputising for their agency's unnamed seat."""
    actor.require("meeting.manage")
    present, apologies = list(present), list(apologies)
    require_same_partnership(actor, *present, *apologies)
    both = {p.pk for p in present} & {p.pk for p in apologies}
    if both:
        raise ValidationError({"apologies": "A person cannot both attend and send apologies."})
    people, vacant = seat_holders(meeting.group)
    with transaction.atomic():
        if Decision.objects_for(actor.partnership).filter(meeting=meeting).exists():
            raise ValidationError(
                "Decisions have been recorded at this meeting, so its attendance is fixed."
            )
        for old in meeting.attendances.all():
            delete_as(old, actor)
        rows = []
        for person, here in [*((p, True) for p in present), *((p, False) for p in apologies)]:
            if person.agency_id is None:  # a school's user (ADR 027) sits on no group
                raise ValidationError(f"{person} is not one of the partnership's people.")
            row = Attendance(
                partnership=actor.partnership,
                meeting=meeting,
                person=person,
                agency_id=person.agency_id,
                is_member=person.pk in people or person.agency_id in vacant,
                present=here,
            )
            save_as(row, actor)
            rows.append(row)
    return rows


def paper_add(
    *,
    actor: Actor,
    meeting: Meeting,
    kind: str,
    audit: Any = None,
    report_meeting: Meeting | None = None,
    indicator: Any = None,
) -> MeetingPaper:
    actor.require("meeting.manage")
    require_same_partnership(actor, audit, report_meeting)
    if kind == PaperKind.AUDIT_REPORT and audit is not None:
        title = f"Audit report: {audit.title}"
    elif kind == PaperKind.HIGHLIGHT_REPORT and report_meeting is not None:
        title = f"Highlight report for the {report_meeting}"
    elif kind == PaperKind.INDICATOR and indicator is not None:
        title = f"Data set: {indicator.code} {indicator.title}"
    else:
        raise ValidationError("Select the report to add as a paper.")
    paper = MeetingPaper(
        partnership=actor.partnership,
        meeting=meeting,
        kind=kind,
        audit=audit,
        report_meeting=report_meeting,
        indicator=indicator,
        title=title[:300],
    )
    with transaction.atomic():
        save_as(paper, actor)
    return paper


# --- quorum and decisions -----------------------------------------------------------------------


def attendee_of(row: Attendance) -> terms.Attendee:
    return terms.Attendee(
        person_id=row.person_id,
        agency_id=row.agency_id,
        statutory_role=row.agency.statutory_role,
        is_member=row.is_member,
    )


def meeting_quorum(meeting: Meeting) -> terms.Quorum:
    """The quorum as the group's terms of reference say, from who was present."""
    rows = [a for a in meeting.attendances.all() if a.present]
    return terms.quorum(
        meeting.group.quorum_rule, meeting.group.quorum_number, [attendee_of(a) for a in rows]
    )


STATUS_AFTER = {
    DecisionOutcome.ACCEPT: Recommendation.Status.ACCEPTED,
    DecisionOutcome.REJECT: Recommendation.Status.REJECTED,
    DecisionOutcome.DEFER: Recommendation.Status.DEFERRED,
    DecisionOutcome.MORE_INFO: Recommendation.Status.MORE_INFO,
}
OPEN_FOR_DECISION = {
    Recommendation.Status.PROPOSED,
    Recommendation.Status.DEFERRED,
    Recommendation.Status.MORE_INFO,
}


def decision_record(
    *,
    actor: Actor,
    meeting: Meeting,
    recommendation: Recommendation,
    outcome: str,
    reasons: str,
    votes: Mapping[int, str] | None = None,
) -> Decision:
    """Record the group's decision on a recommendation at a meeting.

    The quorum is evaluated from the attendance (and kept with the decision: one taken while
    inquorate is marked so). If the group votes and votes are given, they are counted under its
    voting rule; a motion that is not carried leaves the recommendation as it was. Otherwise the
    recommendation's status follows the decision (accepted, rejected, deferred, more information).
    ``votes`` maps attendance ids of members present to for / against / abstain.
    """
    actor.require("decision.record")
    require_same_partnership(actor, meeting, recommendation)
    group = meeting.group
    if not group.is_decision_making:
        raise ValidationError(
            f"The {group.name} does not decide on recommendations: its terms of reference give "
            "that to the decision-making group."
        )
    if recommendation.status not in OPEN_FOR_DECISION:
        raise ValidationError(
            {
                "recommendation": "This recommendation has already been decided: "
                f"{recommendation.get_status_display().lower()}."
            }
        )
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": "Select the decision."})
    present = {a.pk: a for a in meeting.attendances.select_related("agency") if a.present}
    if not present:
        raise ValidationError("Record who attended before recording decisions.")
    quorum = meeting_quorum(meeting)
    votes = {k: v for k, v in (votes or {}).items() if v}
    unknown = set(votes) - {pk for pk, a in present.items() if a.is_member}
    if unknown:
        raise ValidationError({"votes": "Only members of the group who are present can vote."})
    voted = bool(votes) and group.voting_rule != "consensus"
    tally = None
    if voted:
        tally = terms.tally(
            group.voting_rule,
            [terms.Vote(attendee_of(present[pk]), choice) for pk, choice in votes.items()],
        )
    with transaction.atomic():
        decision = Decision(
            partnership=actor.partnership,
            meeting=meeting,
            recommendation=recommendation,
            outcome=outcome,
            reasons=reasons,
            quorate=quorum.met,
            quorum_explanation=quorum.explanation,
            voted=voted,
            votes_for=tally.votes_for if tally else 0,
            votes_against=tally.votes_against if tally else 0,
            abstentions=tally.abstentions if tally else 0,
            carried=tally.carried if tally else None,
            tally_explanation=tally.explanation
            if tally
            else "Decided by consensus: no vote was taken.",
            recorded_by=actor.person,
        )
        save_as(decision, actor)
        if voted:
            for pk, choice in votes.items():
                save_as(
                    DecisionVote(
                        partnership=actor.partnership,
                        decision=decision,
                        attendance=present[pk],
                        choice=choice,
                    ),
                    actor,
                )
        if decision.takes_effect:
            recommendation.status = STATUS_AFTER[DecisionOutcome(outcome)]
            save_as(recommendation, actor)
    return decision

"""Writes of the learning cycle: learning items and their documents, themes, recommendations,
meetings (agenda, attendance, papers, minutes), decisions with quorum and votes, and the
scrutineer's challenges. Every write checks the actor's permission and records history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.forms import ModelForm
from django.utils import timezone

from assurance.core.permissions import Scope
from assurance.improvement.learning_models import (
    AgendaItem,
    AgendaKind,
    Attendance,
    Challenge,
    ChallengeStatus,
    Decision,
    DecisionOutcome,
    DecisionVote,
    LearningDocument,
    LearningItem,
    LearningSource,
    LearningTheme,
    Meeting,
    MeetingPaper,
    PaperKind,
)
from assurance.improvement.learning_rules import document_problem
from assurance.improvement.models import Action, Recommendation
from assurance.partnerships import terms
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Group, GroupMember, Person


def _save(instance: models.Model, actor: Actor) -> None:
    instance._history_user = actor.user  # type: ignore[attr-defined]
    instance.save()


def _same_partnership(actor: Actor, *records: Any) -> None:
    for record in records:
        if record is not None and getattr(record, "partnership_id", None) not in (
            None,
            actor.partnership.pk,
        ):
            raise PermissionDenied("A record of another partnership cannot be linked.")


# --- learning -----------------------------------------------------------------------------------


def learning_item_create(
    *,
    actor: Actor,
    title: str,
    what_was_learned: str,
    source: str,
    learned_on: date,
    source_reference: str = "",
    audit: Any = None,
    standard: Any = None,
    indicator: Any = None,
    themes: Iterable[LearningTheme] = (),
) -> LearningItem:
    actor.require("learning.manage")
    _same_partnership(actor, audit, *themes)
    if standard is not None and (
        audit is None or audit.framework_id != standard.section.framework_id
    ):
        raise ValidationError({"standard": "Select a standard of the audit's tool."})
    with transaction.atomic():
        item = LearningItem(
            partnership=actor.partnership,
            title=title,
            what_was_learned=what_was_learned,
            source=source,
            source_reference=source_reference,
            learned_on=learned_on,
            audit=audit,
            standard=standard,
            indicator=indicator,
            recorded_by=actor.person,
        )
        _save(item, actor)
        item.themes.set(list(themes))
    return item


def record_save(*, actor: Actor, form: ModelForm, permission: str) -> Any:
    """Save a validated form of a learning-cycle record in the actor's partnership."""
    actor.require(permission)
    instance = form.instance
    if instance.partnership_id != actor.partnership.pk:
        raise PermissionDenied("A record can only be saved in the actor's own partnership.")
    instance._history_user = actor.user
    with transaction.atomic():
        return form.save()


def learning_document_attach(
    *, actor: Actor, item: LearningItem, title: str, upload: UploadedFile
) -> LearningDocument:
    actor.require("learning.manage")
    _same_partnership(actor, item)
    head = upload.read(64)
    upload.seek(0)
    problem = document_problem(upload.name or "", upload.size or 0, head)
    if problem:
        raise ValidationError({"upload": problem})
    document = LearningDocument(
        partnership=actor.partnership,
        item=item,
        title=title,
        file=upload,
        size=upload.size or 0,
        uploaded_by=actor.person,
    )
    with transaction.atomic():
        _save(document, actor)
    return document


RECOMMENDATION_SOURCE = {
    LearningSource.AUDIT: Recommendation.Source.AUDIT,
    LearningSource.DATASET: Recommendation.Source.DATASET,
    LearningSource.REVIEW: Recommendation.Source.REVIEW,
    LearningSource.INSPECTION: Recommendation.Source.INSPECTION,
    LearningSource.SINGLE_AGENCY: Recommendation.Source.SELF_ASSESSMENT,
    LearningSource.FEEDBACK: Recommendation.Source.FEEDBACK,
    LearningSource.NATIONAL_REVIEW: Recommendation.Source.NATIONAL,
    LearningSource.REGIONAL: Recommendation.Source.NATIONAL,
    LearningSource.LEGISLATION: Recommendation.Source.NATIONAL,
}


def recommendation_source(items: Iterable[LearningItem]) -> str:
    """The recommendation's source: its learning's single source, or 'other' if several."""
    sources = {RECOMMENDATION_SOURCE[LearningSource(i.source)] for i in items}
    return sources.pop() if len(sources) == 1 else Recommendation.Source.OTHER


def learning_recommendation_create(
    *,
    actor: Actor,
    title: str,
    text: str,
    learning_items: Iterable[LearningItem] = (),
    themes: Iterable[LearningTheme] = (),
    made_on: date | None = None,
) -> Recommendation:
    """A recommendation of the Assurance and Review Group to the executive, linked to the
    learning and themes it rests on; it awaits the executive's decision.

    ``made_on``: when the group made it, if earlier than today (recorded after its meeting);
    the agenda and the highlight report of an executive meeting count it from that date."""
    actor.require("learning.manage")
    items, theme_list = list(learning_items), list(themes)
    _same_partnership(actor, *items, *theme_list)
    if not items and not theme_list:
        raise ValidationError(
            {"learning_items": "Select the learning or the theme the recommendation rests on."}
        )
    for theme in theme_list:
        items += [i for i in theme.items.all() if i not in items]
    today = timezone.localdate()
    if made_on is not None and made_on > today:
        raise ValidationError(
            {"made_on": "The date the recommendation was made must be in the past"}
        )
    audits = {i.audit_id for i in items if i.audit_id}
    with transaction.atomic():
        recommendation = Recommendation(
            partnership=actor.partnership,
            title=title,
            text=text,
            source=recommendation_source(items),
            audit_id=audits.pop() if len(audits) == 1 else None,
        )
        _save(recommendation, actor)
        if made_on is not None and made_on < today:
            # created_at is set on the first save; the history keeps when it was entered.
            moment = timezone.make_aware(datetime.combine(made_on, time(12)))
            Recommendation.unscoped.filter(pk=recommendation.pk).update(created_at=moment)
            recommendation.created_at = moment
        recommendation.learning_items.set(items)  # type: ignore[attr-defined]
        recommendation.themes.set(theme_list)  # type: ignore[attr-defined]
    return recommendation


# --- meetings -----------------------------------------------------------------------------------


def meeting_create(
    *, actor: Actor, group: Group, held_on: date, location: str = "", minutes: str = ""
) -> Meeting:
    actor.require("meeting.manage")
    _same_partnership(actor, group)
    meeting = Meeting(
        partnership=actor.partnership,
        group=group,
        held_on=held_on,
        location=location,
        minutes=minutes,
    )
    with transaction.atomic():
        _save(meeting, actor)
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
            old._history_user = actor.user  # type: ignore[attr-defined]
            old.delete()
        created = []
        for order, (kind, title, links) in enumerate(entries, start=1):
            _same_partnership(actor, *links.values())
            agenda_item = AgendaItem(
                partnership=actor.partnership,
                meeting=meeting,
                order=order,
                kind=kind,
                title=title[:300],
                **links,
            )
            _save(agenda_item, actor)
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
    _same_partnership(actor, *present, *apologies)
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
            old._history_user = actor.user  # type: ignore[attr-defined]
            old.delete()
        rows = []
        for person, here in [*((p, True) for p in present), *((p, False) for p in apologies)]:
            row = Attendance(
                partnership=actor.partnership,
                meeting=meeting,
                person=person,
                agency_id=person.agency_id,
                is_member=person.pk in people or person.agency_id in vacant,
                present=here,
            )
            _save(row, actor)
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
    _same_partnership(actor, audit, report_meeting)
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
        _save(paper, actor)
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
    _same_partnership(actor, meeting, recommendation)
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
        _save(decision, actor)
        if voted:
            for pk, choice in votes.items():
                _save(
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
            _save(recommendation, actor)
    return decision


# --- challenges ---------------------------------------------------------------------------------


def challenge_raise(
    *,
    actor: Actor,
    agency: Agency,
    subject: str,
    detail: str,
    respond_by: date,
    person: Person | None = None,
    meeting: Meeting | None = None,
    recommendation: Recommendation | None = None,
    raised_on: date | None = None,
) -> Challenge:
    actor.require("challenge.record")
    _same_partnership(actor, agency, person, meeting, recommendation)
    if person is not None and person.agency_id != agency.pk:
        raise ValidationError({"person": f"{person} does not work for {agency}."})
    raised_on = raised_on or timezone.localdate()
    if respond_by < raised_on:
        raise ValidationError({"respond_by": "The date to answer by must be after the challenge."})
    challenge = Challenge(
        partnership=actor.partnership,
        raised_by=actor.person,
        agency=agency,
        person=person,
        subject=subject,
        detail=detail,
        raised_on=raised_on,
        respond_by=respond_by,
        meeting=meeting,
        recommendation=recommendation,
    )
    with transaction.atomic():
        _save(challenge, actor)
    return challenge


def challenge_answer(
    *, actor: Actor, challenge: Challenge, answer: str, answered_on: date | None = None
) -> Challenge:
    """The challenged agency's answer (its agency lead, or the business unit for it)."""
    scope = actor.require("challenge.answer")
    _same_partnership(actor, challenge)
    if scope is Scope.OWN_AGENCY and challenge.agency_id != actor.agency_id:
        raise PermissionDenied("Only the challenged agency answers a challenge.")
    if challenge.status == ChallengeStatus.CLOSED:
        raise ValidationError("The challenge is closed.")
    challenge.answer = answer
    challenge.answered_on = answered_on or timezone.localdate()
    challenge.answered_by = actor.person
    challenge.status = ChallengeStatus.ANSWERED
    with transaction.atomic():
        _save(challenge, actor)
    return challenge


def challenge_close(
    *,
    actor: Actor,
    challenge: Challenge,
    outcome: str,
    outcome_notes: str,
    closed_on: date | None = None,
) -> Challenge:
    """The scrutineer's judgement of the answer, which closes the challenge."""
    actor.require("challenge.record")
    _same_partnership(actor, challenge)
    if challenge.status != ChallengeStatus.ANSWERED:
        raise ValidationError("A challenge is closed once it has been answered.")
    challenge.outcome = outcome
    challenge.outcome_notes = outcome_notes
    challenge.closed_on = closed_on or timezone.localdate()
    challenge.status = ChallengeStatus.CLOSED
    with transaction.atomic():
        _save(challenge, actor)
    return challenge

"""Writes for multi-agency case file audits. Each checks the actor's permission and the rule of
the audit's current step; each change is recorded in the history with who made it.

The case sample's writes (adding, uploading and drawing cases; record numbers) are in
``sample.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assurance.audits import lifecycle
from assurance.audits.models import (
    AgencyReturn,
    AgreedGrade,
    Audit,
    AuditCase,
    AuditProgramme,
    AuditStatus,
    IdentifierFlag,
    KeyMessage,
    LearningEvent,
    ModerationMeeting,
    ReturnStatus,
)
from assurance.audits.progress import NARRATIVE_FIELDS
from assurance.audits.selectors import audit_facts
from assurance.core.business_year import business_year_label
from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.core.permissions import Scope
from assurance.core.roles import Role
from assurance.frameworks import assessments
from assurance.frameworks.models import Assessment, ScaleOption, Section
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Person


class AuditRuleError(ValidationError):
    """A step of the audit's life that its rules do not allow yet; the message says why."""


def _own_agency_or_all(actor: Actor, permission: str, agency_id: int) -> None:
    scope = actor.require(permission)
    if scope is Scope.OWN_AGENCY and actor.agency_id != agency_id:
        raise PermissionDenied("This belongs to another agency.")


# --- programme and audit ---------------------------------------------------------------------


def programme_for_year(*, actor: Actor, business_year: int) -> AuditProgramme:
    actor.require("audit.manage")
    programme, _ = AuditProgramme.unscoped.get_or_create(
        partnership=actor.partnership,
        business_year=business_year,
        defaults={"title": f"Multi-agency audit programme {business_year_label(business_year)}"},
    )
    return programme


def audit_save(*, actor: Actor, form: Any) -> Audit:
    """Create or change an audit's plan from a validated form."""
    actor.require("audit.manage")
    audit: Audit = form.instance
    if audit.pk and audit.status == AuditStatus.CLOSED:
        raise AuditRuleError("A closed audit cannot be changed.")
    if (
        audit.pk
        and audit.framework_id
        and "framework" in form.changed_data
        and (audit.status not in {AuditStatus.PLANNED, AuditStatus.SCOPING})
    ):
        raise AuditRuleError("The audit tool cannot change once cases have been sampled.")
    with transaction.atomic():
        audit.programme = programme_for_year(actor=actor, business_year=form.business_year())
        save_as(form.save(commit=False), actor)
        form.save_m2m()
    return audit


def audit_advance(*, actor: Actor, audit: Audit) -> Audit:
    """Move the audit to its next step, if the rules allow it."""
    actor.require("audit.manage")
    with transaction.atomic():
        audit = Audit.unscoped.select_for_update().get(pk=audit.pk)
        problems = lifecycle.blockers(audit_facts(audit=audit))
        if problems:
            raise AuditRuleError(problems)
        following = lifecycle.next_status(audit.status)
        if following is None:
            raise AuditRuleError("The audit is closed.")
        audit.status = following
        save_as(audit, actor, update_fields=["status"])
    return audit


def audit_record_missing_returns_reason(*, actor: Actor, audit: Audit, reason: str) -> Audit:
    if not (actor.can("audit.manage") or audit.lead_id == actor.person.pk):
        raise PermissionDenied("Only the business unit or the audit's lead can record this.")
    if not reason.strip():
        raise AuditRuleError("Say why moderation should start without every return.")
    audit.missing_returns_reason = reason.strip()
    save_as(audit, actor, update_fields=["missing_returns_reason"])
    return audit


# --- agency returns ---------------------------------------------------------------------------


def return_assign(
    *,
    actor: Actor,
    agency_return: AgencyReturn,
    auditors: Iterable[Person],
    due_date: date | None,
    base_url: str,
) -> AgencyReturn:
    _own_agency_or_all(actor, "return.assign", agency_return.agency_id)
    auditors = list(auditors)
    wrong = [
        p.full_name for p in auditors if p.agency_id != agency_return.agency_id or not p.is_auditor
    ]
    if wrong:
        raise AuditRuleError(f"{', '.join(wrong)} is not an auditor of {agency_return.agency}.")
    before = set(agency_return.auditors.values_list("pk", flat=True))
    with transaction.atomic():
        agency_return.due_date = due_date or agency_return.due_date
        save_as(agency_return, actor, update_fields=["due_date"])
        agency_return.auditors.set(auditors)
    for person in auditors:
        if person.pk not in before:
            _email_assignment(agency_return=agency_return, person=person, base_url=base_url)
    return agency_return


def _return_url(agency_return: AgencyReturn, base_url: str) -> str:
    return base_url + reverse(
        "audits:return_edit", args=[agency_return.partnership.slug, agency_return.pk]
    )


def _email_assignment(*, agency_return: AgencyReturn, person: Person, base_url: str) -> None:
    send_email(
        "audits/emails/return_assigned",
        {
            "agency_return": agency_return,
            "person": person,
            "link": _return_url(agency_return, base_url),
        },
        to=[person.email],
    )


def return_check_editor(*, actor: Actor, agency_return: AgencyReturn) -> None:
    """The actor may edit this return: their agency's lead, or an auditor assigned to it."""
    _check_editor(actor, agency_return)


def _check_editor(actor: Actor, agency_return: AgencyReturn) -> None:
    _own_agency_or_all(actor, "return.edit", agency_return.agency_id)
    if actor.has_role(Role.AGENCY_LEAD) and actor.agency_id == agency_return.agency_id:
        return
    if not agency_return.auditors.filter(pk=actor.person.pk).exists():
        raise PermissionDenied("You are not assigned to this return.")


def return_save(
    *,
    actor: Actor,
    agency_return: AgencyReturn,
    answers: dict[int, dict[str, Any]],
    narrative: dict[str, str],
    expected_revision: int,
    identifier_reasons: dict[str, tuple[str, str]] | None = None,
) -> AgencyReturn:
    """Save a draft of a return. Raises the frameworks' ConflictError if someone else saved
    it since the editor opened it (nothing is overwritten)."""
    _check_editor(actor, agency_return)
    if agency_return.is_locked:
        raise AuditRuleError("This return has been submitted and is locked.")
    if agency_return.case.audit.status not in {AuditStatus.AUDITING, AuditStatus.SAMPLING}:
        raise AuditRuleError("Returns can be completed while the audit is auditing.")
    with transaction.atomic():
        assessments.assessment_save_answers(
            assessment=agency_return.assessment,
            answers=answers,
            expected_revision=expected_revision,
            user=actor.user,
        )
        for field in NARRATIVE_FIELDS:
            if field in narrative:
                setattr(agency_return, field, narrative[field])
        if agency_return.status in {ReturnStatus.NOT_STARTED, ReturnStatus.RETURNED}:
            agency_return.status = ReturnStatus.DRAFT
        save_as(agency_return, actor)
        for field, (kind, reason) in (identifier_reasons or {}).items():
            IdentifierFlag.unscoped.create(
                partnership=actor.partnership,
                agency_return=agency_return,
                field=field,
                kind=kind[:40],  # the field holds 40 characters
                confirmed_reason=reason,
                flagged_by=actor.person,
            )
    return agency_return


def return_submit(
    *, actor: Actor, agency_return: AgencyReturn, expected_revision: int | None = None
) -> AgencyReturn:
    """Submit a return for its agency lead's sign-off. Refused while anything is missing, and
    then nothing changes (not even the return's version, so the auditor's next save is not
    taken for someone else's). With ``expected_revision`` (the version the auditor checked),
    refused with the frameworks' ConflictError if someone has saved the return since."""
    _check_editor(actor, agency_return)
    if agency_return.is_locked:
        raise AuditRuleError("This return has already been submitted.")
    with transaction.atomic():
        revision = (
            Assessment.unscoped.select_for_update()
            .values_list("revision", flat=True)
            .get(pk=agency_return.assessment_id)
        )
        if expected_revision is not None and revision != expected_revision:
            raise assessments.ConflictError("The return was saved by someone else.")
        missing = assessments.assessment_missing(assessment=agency_return.assessment)
        if missing:
            raise AuditRuleError(missing)
        agency_return.status = ReturnStatus.SUBMITTED
        agency_return.submitted_at = timezone.now()
        agency_return.submitted_by = actor.person
        save_as(agency_return, actor)
    return agency_return


def return_sign_off(*, actor: Actor, agency_return: AgencyReturn) -> AgencyReturn:
    _own_agency_or_all(actor, "return.sign_off", agency_return.agency_id)
    if agency_return.status != ReturnStatus.SUBMITTED:
        raise AuditRuleError("Only a submitted return can be signed off.")
    agency_return.status = ReturnStatus.SIGNED_OFF
    agency_return.signed_off_at = timezone.now()
    agency_return.signed_off_by = actor.person
    save_as(agency_return, actor)
    return agency_return


def return_send_back(*, actor: Actor, agency_return: AgencyReturn, comments: str) -> AgencyReturn:
    _own_agency_or_all(actor, "return.sign_off", agency_return.agency_id)
    if agency_return.status != ReturnStatus.SUBMITTED:
        raise AuditRuleError("Only a submitted return can be returned to the auditor.")
    if not comments.strip():
        raise AuditRuleError("Say what the auditor needs to change.")
    agency_return.status = ReturnStatus.RETURNED
    agency_return.lead_comments = comments.strip()
    save_as(agency_return, actor)
    return agency_return


# --- moderation, findings in words, learning --------------------------------------------------


def moderation_meeting_record(
    *, actor: Actor, audit: Audit, held_on: date, attendees: Iterable[Person], notes: str = ""
) -> ModerationMeeting:
    actor.require("moderation.record")
    meeting = ModerationMeeting(
        partnership=actor.partnership, audit=audit, held_on=held_on, notes=notes
    )
    with transaction.atomic():
        save_as(meeting, actor)
        meeting.attendees.set(attendees)
    return meeting


def agreed_grade_set(
    *,
    actor: Actor,
    case: AuditCase,
    section: Section,
    option: ScaleOption,
    rationale: str,
    meeting: ModerationMeeting | None = None,
) -> AgreedGrade:
    actor.require("moderation.record")
    if case.audit.status != AuditStatus.MODERATION:
        raise AuditRuleError("Grades are agreed while the audit is in moderation.")
    if section.framework_id != case.audit.framework_id:
        raise AuditRuleError("That KLOE is not part of this audit's tool.")
    if not rationale.strip():
        raise AuditRuleError("Give the rationale for the agreed grade.")
    grade = AgreedGrade.unscoped.filter(case=case, section=section).first() or AgreedGrade(
        partnership=actor.partnership, case=case, section=section
    )
    grade.option, grade.rationale, grade.meeting = option, rationale.strip(), meeting
    return save_as(grade, actor)


def key_message_add(
    *, actor: Actor, audit: Audit, kind: str, aspect: str, text: str, section: Section | None = None
) -> KeyMessage:
    actor.require("audit.manage")
    order = KeyMessage.unscoped.filter(audit=audit, kind=kind).count() + 1
    message = KeyMessage(
        partnership=actor.partnership,
        audit=audit,
        kind=kind,
        aspect=aspect,
        text=text,
        section=section,
        order=order,
    )
    return save_as(message, actor)


def learning_event_record(
    *,
    actor: Actor,
    audit: Audit,
    held_on: date,
    agencies: Iterable[Agency],
    attendee_count: int,
    what_was_shared: str,
) -> LearningEvent:
    actor.require("audit.manage")
    event = LearningEvent(
        partnership=actor.partnership,
        audit=audit,
        held_on=held_on,
        attendee_count=attendee_count,
        what_was_shared=what_was_shared,
    )
    with transaction.atomic():
        save_as(event, actor)
        event.agencies.set(agencies)
    return event

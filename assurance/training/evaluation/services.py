"""Writes of the evaluation: each stage's questionnaire kept in step with the course's learning
outcomes (on the assessment engine), the personal invitations and their e-mails, and a
response answered through a personal link."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.frameworks import assessments
from assurance.frameworks.interchange import loading
from assurance.frameworks.models import Framework, Section
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course, LearningOutcome
from assurance.training.evaluation import links, questions, rules
from assurance.training.evaluation.models import (
    Invitation,
    Questionnaire,
    Response,
    Stage,
    new_invitation_nonce,
)


def questionnaire_for(*, course: Course, stage: str) -> Framework:
    """The framework respondents of ``course`` answer at ``stage``: made from its learning
    outcomes on first use, and a new version of it (same family) when the outcomes have changed
    since; a version that has answers is never changed."""
    with transaction.atomic():
        Course.unscoped.select_for_update().filter(pk=course.pk).first()
        outcomes = [
            (o.pk, o.text)
            for o in LearningOutcome.unscoped.filter(course=course).order_by("order", "pk")
        ]
        plan = questions.questionnaire_plan(
            course_title=course.title, stage=stage, outcomes=outcomes
        )
        current = (
            Questionnaire.unscoped.select_related("framework").filter(course=course, stage=stage)
        ).first()
        if current is not None:
            asked = Section.objects.filter(framework=current.framework).order_by("order")
            if questions.same_questions(plan, list(asked.values_list("code", "title"))):
                return current.framework
            family = current.framework.family
            latest = Framework.unscoped.filter(family=family).aggregate(Max("version"))
            framework = loading.write(
                plan,
                partnership=course.partnership,
                family=family,
                version=(latest["version__max"] or 0) + 1,
                based_on=current.framework,
            )
            current.framework = framework
            save_as(current, None)
            return framework
        framework = loading.write(plan, partnership=course.partnership)
        save_as(
            Questionnaire(
                partnership_id=course.partnership_id,
                course=course,
                stage=stage,
                framework=framework,
            ),
            None,
        )
        return framework


# --- invitations ------------------------------------------------------------------------------


def _eligible(stage: str, now: datetime) -> Q:
    """The bookings that get an invitation to ``stage`` (whose questionnaire has not closed)."""
    if stage == rules.BEFORE:
        return Q(status=BookingStatus.CONFIRMED, session__starts_at__gt=now)
    if stage == rules.END:
        return Q(attended=True, session__ends_at__gt=now - rules.END_OPEN_FOR)
    horizon = now - rules.THREE_MONTHS - rules.THREE_MONTHS_OPEN_FOR
    return Q(attended=True, session__ends_at__gt=horizon)


def invitations_create(*, now: datetime | None = None) -> int:
    """Invite each booking to every stage it is due for: those with a place to the questionnaire
    before the course; those the register shows present to the end, three-month and manager's
    questionnaires. Idempotent: a booking has one invitation per stage. Returns how many."""
    now = now or timezone.now()
    made = 0
    for stage in Stage.values:
        bookings = (
            Booking.unscoped.filter(_eligible(stage, now), session__is_cancelled=False)
            .exclude(invitations__stage=stage)
            .select_related("session")
        )
        new = []
        for booking in bookings:
            opens, closes = rules.window(
                stage=stage,
                starts_at=booking.session.starts_at,
                ends_at=booking.session.ends_at,
                confirmed_at=booking.confirmed_at,
            )
            new.append(
                Invitation(
                    partnership_id=booking.partnership_id,
                    booking=booking,
                    stage=stage,
                    opens_at=opens,
                    closes_at=closes,
                )
            )
        if new:
            bulk_create_with_history(new, Invitation, batch_size=500)
            made += len(new)
    return made


def invitation_link(invitation: Invitation, base_url: str) -> str:
    token = links.make_token(invitation_pk=invitation.pk, nonce=invitation.nonce)
    return base_url + reverse("training_public:questionnaire", args=[token])


def invitations_send(*, base_url: str, now: datetime | None = None) -> int:
    """E-mail each open, unanswered invitation that is due its invitation or a reminder
    (``rules.email_due``). Idempotent: the count of e-mails sent is moved on by a conditional
    update before each e-mail, so two runs at once never send the same e-mail twice. Returns how
    many were sent."""
    now = now or timezone.now()
    due = (
        Invitation.unscoped.filter(answered_at__isnull=True, opens_at__lte=now, closes_at__gt=now)
        .exclude(booking__status=BookingStatus.CANCELLED)
        .exclude(booking__session__is_cancelled=True)
        .select_related("booking__session__course", "partnership")
    )
    sent = 0
    for invitation in due.order_by("pk"):
        kind = rules.email_due(
            now=now,
            opens_at=invitation.opens_at,
            closes_at=invitation.closes_at,
            answered=False,
            sends=invitation.sends,
            last_sent_at=invitation.last_sent_at,
        )
        booking = invitation.booking
        manager = invitation.stage == Stage.MANAGER
        to = booking.manager_email if manager else booking.email
        if not kind or not to:
            continue
        moved = Invitation.unscoped.filter(pk=invitation.pk, sends=invitation.sends).update(
            sends=F("sends") + 1, last_sent_at=now
        )
        if moved != 1:
            continue
        session = booking.session
        send_email(
            "training/emails/evaluation_invitation",
            {
                "reminder": kind == "reminder",
                "manager": manager,
                "booking": booking,
                "course": session.course,
                "session_day": timezone.localtime(session.starts_at),
                "stage": invitation.get_stage_display().lower(),
                "closes": timezone.localtime(invitation.closes_at),
                "link": invitation_link(invitation, base_url),
                "partnership": invitation.partnership,
            },
            to=[to],
        )
        sent += 1
    return sent


# --- answering --------------------------------------------------------------------------------


def invitation_refusal(invitation: Invitation, now: datetime) -> str:
    if invitation.booking.session.is_cancelled:
        return "The session was cancelled, so there is nothing to evaluate."
    if invitation.booking.status == BookingStatus.CANCELLED:
        return "The booking was cancelled, so there is nothing to evaluate."
    return rules.refusal(
        now=now,
        opens_at=timezone.localtime(invitation.opens_at),
        closes_at=timezone.localtime(invitation.closes_at),
        answered=invitation.answered_at is not None,
    )


def response_submit(
    *,
    invitation: Invitation,
    framework: Framework,
    answers: dict[int, dict[str, Any]],
    now: datetime | None = None,
) -> Response:
    """Keep one questionnaire's answers (item id → the engine's answer fields) against the
    practitioner's pseudonymous respondent id, and close the link: it cannot be used again.
    Refused (``ValidationError``) when the link is no longer open; nothing is stored then."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Invitation.unscoped.select_for_update()
            .select_related("booking__session")
            .get(pk=invitation.pk)
        )
        refusal = invitation_refusal(locked, now)
        if refusal:
            raise ValidationError(refusal)
        session = locked.booking.session
        current = Questionnaire.unscoped.filter(
            course_id=session.course_id, stage=locked.stage
        ).values_list("framework_id", flat=True)
        if framework.pk not in list(current):
            raise ValidationError(
                "The questionnaire changed while you were answering it: open the link again."
            )
        assessment = assessments.assessment_start(
            framework=framework, partnership=locked.partnership
        )
        assessments.assessment_save_answers(
            assessment=assessment, answers=answers, expected_revision=0, user=None
        )
        response = save_as(
            Response(
                partnership_id=locked.partnership_id,
                course_id=session.course_id,
                session=session,
                stage=locked.stage,
                respondent_id=locked.booking.respondent_id,
                assessment=assessment,
                submitted_at=now,
            ),
            None,
        )
        locked.answered_at = now
        save_as(locked, None)
    invitation.answered_at = now
    return response


def booking_manager_change(
    *, actor: Actor, booking: Booking, manager_name: str, manager_email: str
) -> Booking:
    """Add or correct a practitioner's line manager at the register (history keeps the old).
    A new address gets the manager's three-month questionnaire: if its link had gone to the old
    address and is not answered, that link stops working and the next run e-mails a new one to
    the new address (invitation and reminders afresh)."""
    actor.require("attendance.record")
    require_same_partnership(actor, booking)
    if booking.details_removed_at is not None:
        raise ValidationError(
            "This practitioner's details were removed after the evaluation: there is no "
            "manager to ask any more."
        )
    if booking.status != BookingStatus.CONFIRMED:
        raise ValidationError("Only someone with a place has a manager to ask.")
    name, email = manager_name.strip(), manager_email.strip()
    problems: dict[str, str] = {}
    if not name:
        problems["manager_name"] = "Enter the line manager's name"
    try:
        validate_email(email)
    except ValidationError:
        problems["manager_email"] = (
            "Enter the line manager's work e-mail address in the right format, like "
            "name@example.org"
        )
    else:
        if email.casefold() == booking.email.casefold():
            problems["manager_email"] = (
                "Enter the line manager's e-mail address, not the practitioner's own"
            )
    if problems:
        raise ValidationError(problems)
    changed_address = email.casefold() != booking.manager_email.casefold()
    booking.manager_name, booking.manager_email = name, email
    with transaction.atomic():
        save_as(booking, actor)
        if changed_address:
            for invitation in Invitation.unscoped.select_for_update().filter(
                booking=booking, stage=Stage.MANAGER, answered_at__isnull=True
            ):
                invitation.nonce, invitation.sends, invitation.last_sent_at = (
                    new_invitation_nonce(),
                    0,
                    None,
                )
                save_as(invitation, actor)
    return booking

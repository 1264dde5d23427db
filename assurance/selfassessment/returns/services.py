"""Writes of returns. A school's lead or deputies (an agency's leads) save it section by section
on the assessment engine; the first save begins it (its ``Assessment``, the answers carried
forward from the organisation's last return to the same tool, the participant in progress). The
school's head (an agency lead) signs it off, which submits and locks it; the business unit can
unlock it, with a reason, and the organisation's users are e-mailed."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any
from urllib.parse import urlparse

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assurance.core.emails import send_email
from assurance.core.history import delete_as, save_as
from assurance.frameworks import assessments
from assurance.frameworks.models import Answer, Item
from assurance.improvement.actions.evidence import file_problem
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Person
from assurance.selfassessment.returns import selectors
from assurance.selfassessment.returns.models import (
    CarriedAnswer,
    ReturnEvidence,
    SelfAssessmentReturn,
)
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus
from assurance.selfassessment.rounds.services import participant_status_move
from assurance.selfassessment.settings.models import SettingMember

LOCKED = "This return has been signed off and submitted, so it cannot be changed."
CONFLICT = (
    "Someone else saved this return after you opened this page, so your answers have not been "
    "saved. Copy what you typed, then open the page again to see theirs."
)


def _require_fill_in(actor: Actor, participant: Participant) -> None:
    actor.require("sa_return.edit")
    require_same_partnership(actor, participant)
    if not selectors.may_fill_in(actor=actor, participant=participant):
        raise PermissionDenied("Only the organisation's lead and deputies fill its return in.")


def return_begin(*, actor: Any, participant: Participant) -> SelfAssessmentReturn:
    """The participant's return, begun if it has none: an assessment of the round's tool, the
    answers of the organisation's previous return to the same tool (any version: standards
    matched by code) carried forward and marked to confirm, the participant in progress."""
    Participant.unscoped.select_for_update().filter(pk=participant.pk).first()
    found = SelfAssessmentReturn.unscoped.filter(participant=participant).first()
    if found is not None:
        return found
    previous = selectors.previous_return(participant=participant)
    sa_return = save_as(
        SelfAssessmentReturn(
            partnership=participant.partnership,
            participant=participant,
            assessment=assessments.assessment_start(
                framework=participant.round.framework, partnership=participant.partnership
            ),
            carried_from=previous,
            started_at=timezone.now(),
        ),
        actor,
    )
    if previous is not None:
        _carry_forward(actor, previous, sa_return)
    participant_status_move(
        participant=participant, status=ParticipantStatus.IN_PROGRESS, actor=actor
    )
    return sa_return


def _carry_forward(
    actor: Any, previous: SelfAssessmentReturn, sa_return: SelfAssessmentReturn
) -> None:
    """Copy the previous return's answers to the standards of the same code (and, on a scale,
    the option of the same label); each copied answer is marked until confirmed."""
    items = {
        i.code: i
        for i in Item.objects.filter(section__framework_id=sa_return.assessment.framework_id)
        .select_related("scale")
        .prefetch_related("scale__options")
    }
    for old in Answer.objects.filter(assessment_id=previous.assessment_id).select_related(
        "item", "option"
    ):
        item = items.get(old.item.code)
        if item is None or old.is_empty:
            continue
        answer = Answer(assessment_id=sa_return.assessment_id, item=item, evidence=old.evidence)
        if old.option is not None:
            options = item.scale.options.all() if item.scale is not None else []
            same = [o for o in options if o.label == old.option.label]
            if not same:
                continue
            answer.option = same[0]
        answer.number, answer.date, answer.text = old.number, old.date, old.text
        save_as(answer, actor)
        save_as(
            CarriedAnswer(partnership=sa_return.partnership, sa_return=sa_return, item=item),
            actor,
        )


def return_section_save(
    *,
    actor: Actor,
    participant: Participant,
    answers: dict[int, dict[str, Any]],
    expected_revision: int,
    confirmed: Iterable[int] = (),
) -> SelfAssessmentReturn:
    """Save one section's answers (a draft may be incomplete). A carried-forward answer is
    confirmed when it is ticked as still true, or changed. Someone else's save since
    ``expected_revision`` refuses this one; nothing is written then."""
    _require_fill_in(actor, participant)
    with transaction.atomic():
        sa_return = return_begin(actor=actor, participant=participant)
        if sa_return.is_locked:
            raise ValidationError(LOCKED)
        before = selectors.answer_map(sa_return=sa_return)
        try:
            assessments.assessment_save_answers(
                assessment=sa_return.assessment,
                answers=answers,
                expected_revision=expected_revision,
                user=actor,
            )
        except assessments.ConflictError as exc:
            raise ValidationError(CONFLICT) from exc
        after = selectors.answer_map(sa_return=sa_return)
        changed = {
            pk for pk in answers if _fingerprint(before.get(pk)) != _fingerprint(after.get(pk))
        }
        to_confirm = (set(confirmed) | changed) & set(answers)
        now = timezone.now()
        for carried in CarriedAnswer.objects_for(actor.partnership).filter(
            sa_return=sa_return, item_id__in=to_confirm, confirmed_at__isnull=True
        ):
            carried.confirmed_at = now
            save_as(carried, actor)
    return sa_return


def _fingerprint(answer: Answer | None) -> tuple[Any, ...]:
    if answer is None:
        return ()
    return (answer.option_id, answer.number, answer.date, answer.text, answer.evidence)


def return_submit(
    *, actor: Actor, participant: Participant, expected_revision: int
) -> SelfAssessmentReturn:
    """The head's sign-off: the return is submitted and locked. Refused, naming what is missing,
    while any standard lacks its rating or narrative or a carried-forward answer is not
    confirmed; refused too if it changed since the head opened it."""
    actor.require("sa_return.sign_off")
    require_same_partnership(actor, participant)
    if not selectors.may_sign_off(actor=actor, participant=participant):
        raise PermissionDenied("Only the organisation's head signs its return off.")
    with transaction.atomic():
        sa_return = (
            SelfAssessmentReturn.unscoped.select_for_update()
            .select_related("assessment")
            .filter(participant=participant)
            .first()
        )
        if sa_return is None:
            raise ValidationError("Nothing has been answered yet: the return cannot be submitted.")
        if sa_return.is_locked:
            raise ValidationError(LOCKED)
        if sa_return.assessment.revision != expected_revision:
            raise ValidationError(
                "The return was saved again after you opened this page, so it has not been "
                "submitted. Check the answers as they are now, then sign it off again."
            )
        problems = assessments.assessment_missing(assessment=sa_return.assessment)
        unconfirmed = selectors.unconfirmed_items(sa_return=sa_return)
        if unconfirmed:
            codes = sorted(
                Item.objects.filter(pk__in=unconfirmed)
                .order_by("section__order", "order")
                .values_list("code", flat=True)
            )
            problems.append(
                "Confirm or change the answers carried forward from the last round: "
                + ", ".join(codes)
                + "."
            )
        if problems:
            raise ValidationError(
                ["The return cannot be submitted yet: nothing has changed.", *problems]
            )
        sa_return.signed_off_by = actor.person
        sa_return.signed_off_name = actor.person.full_name
        sa_return.submitted_at = timezone.now()
        save_as(sa_return, actor)
        participant_status_move(
            participant=participant, status=ParticipantStatus.SUBMITTED, actor=actor
        )
    return sa_return


def organisation_people(*, participant: Participant) -> list[Person]:
    """Whom to tell about the return: a school's active users (lead, deputies, head), or the
    agency's active leads."""
    if participant.setting_id is not None:
        return [
            m.person
            for m in SettingMember.objects_for(participant.partnership)
            .filter(setting_id=participant.setting_id, person__is_active=True)
            .select_related("person")
        ]
    return list(
        Person.objects_for(participant.partnership)
        .filter(agency_id=participant.agency_id, is_agency_lead=True, is_active=True)
        .order_by("full_name")
    )


def return_unlock(
    *, actor: Actor, participant: Participant, reason: str, base_url: str = ""
) -> SelfAssessmentReturn:
    """The business unit reopens a submitted return so the organisation can change it: the
    reason is kept (in the return's history), the participant is in progress again and the
    organisation's users are e-mailed the reason and the link."""
    actor.require("sa_return.unlock")
    require_same_partnership(actor, participant)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the return is being unlocked"})
    with transaction.atomic():
        sa_return = (
            SelfAssessmentReturn.unscoped.select_for_update()
            .filter(participant=participant)
            .first()
        )
        if sa_return is None or not sa_return.is_locked:
            raise ValidationError("This return is not submitted, so there is nothing to unlock.")
        sa_return.submitted_at = None
        sa_return.signed_off_by, sa_return.signed_off_name = None, ""
        sa_return.unlock_reason = reason
        save_as(sa_return, actor)
        participant_status_move(
            participant=participant, status=ParticipantStatus.IN_PROGRESS, actor=actor
        )
        link = f"{base_url}/p/{actor.partnership.slug}/self-assessment/returns/{participant.pk}/"
        for person in organisation_people(participant=participant):
            transaction.on_commit(partial(_email_unlocked, person, participant, reason, link))
    return sa_return


def _email_unlocked(person: Person, participant: Participant, reason: str, link: str) -> None:
    send_email(
        "selfassessment/emails/return_unlocked",
        {"person": person, "participant": participant, "reason": reason, "link": link},
        to=[person.email],
    )


def evidence_add(
    *,
    actor: Actor,
    participant: Participant,
    item: Item,
    description: str,
    file: UploadedFile | None = None,
    link: str = "",
) -> ReturnEvidence:
    """A file (checked by its content, as the action log's evidence is: the type its name says,
    not empty, under 10 MB) or a link to a web page (http or https), for one standard. Exactly
    one of the two; the return is begun if it was not."""
    _require_fill_in(actor, participant)
    if item.section.framework_id != participant.round.framework_id:
        raise ValidationError("That standard is not in this return's tool.")
    link = link.strip()
    if bool(file) == bool(link):
        raise ValidationError(
            {"file": "Choose a file or enter a link, not both"}
            if file
            else {"file": "Choose a file, or enter a link to a web page"}
        )
    if link and urlparse(link).scheme not in {"http", "https"}:
        raise ValidationError({"link": "Enter a link that starts https://"})
    with transaction.atomic():
        sa_return = return_begin(actor=actor, participant=participant)
        if sa_return.is_locked:
            raise ValidationError(LOCKED)
        evidence = ReturnEvidence(
            partnership=actor.partnership,
            sa_return=sa_return,
            item=item,
            description=description.strip(),
            added_by=actor.person,
            added_at=timezone.now(),
        )
        if file:
            head = file.read(16)
            file.seek(0)
            problem = file_problem(name=file.name or "", size=file.size or 0, head=head)
            if problem:
                raise ValidationError({"file": problem})
            evidence.file_name = (file.name or "evidence")[:200]
            extension = (file.name or "").rpartition(".")[2].lower()
            token = timezone.now().strftime("%Y%m%d%H%M%S%f")
            evidence.file.save(f"{token}.{extension}", file, save=False)
        else:
            evidence.link = link
        return save_as(evidence, actor)


def evidence_remove(*, actor: Actor, participant: Participant, evidence: ReturnEvidence) -> None:
    """Take a file or link off the return (while it is not locked); its history keeps it."""
    _require_fill_in(actor, participant)
    if evidence.sa_return.participant_id != participant.pk:
        raise ValidationError("That evidence is not on this return.")
    if evidence.sa_return.is_locked:
        raise ValidationError(LOCKED)
    delete_as(evidence, actor)

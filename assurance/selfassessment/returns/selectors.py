"""Reads of returns, through the permission layer. A return is found by its participant (the
organisation in the round): before anything is saved it has no return yet, and its pages show the
tool's sections unanswered."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import Http404

from assurance.audits.progress import Question, QuestionState, SectionProgress, section_status
from assurance.frameworks.assessments import item_missing
from assurance.frameworks.models import Answer, Item, ScaleOption, Section
from assurance.partnerships.access import Actor, get_for_actor
from assurance.selfassessment.returns.models import (
    CarriedAnswer,
    ReturnEvidence,
    SelfAssessmentReturn,
)
from assurance.selfassessment.rounds.models import Participant
from assurance.selfassessment.settings.models import SettingMember, SettingRole

# A school's users read their own school's returns (through their membership); an agency's
# leads their agency's (the participant's agency)
NAMED_ON_PARTICIPANT = "setting__members__person"


def get_participant(*, actor: Actor, pk: Any, permission: str = "sa_return.view") -> Participant:
    """The participant whose return the actor may open under ``permission`` (404 otherwise: a
    user of one school asking for another's)."""
    return get_for_actor(
        actor,
        Participant.unscoped.select_related(
            "round", "round__framework", "setting", "agency", "self_assessment_return"
        ),
        permission,
        pk,
        agency_field="agency",
        named_field=NAMED_ON_PARTICIPANT,
    )


def return_of(*, participant: Participant) -> SelfAssessmentReturn | None:
    try:
        return participant.self_assessment_return
    except SelfAssessmentReturn.DoesNotExist:
        return None


def setting_role(*, actor: Actor, participant: Participant) -> str:
    """The actor's role in the participant's school ("" if none: an agency's return, or
    someone who is not a user of that school)."""
    if participant.setting_id is None:
        return ""
    role = (
        SettingMember.objects_for(actor.partnership)
        .filter(setting_id=participant.setting_id, person=actor.person, person__is_active=True)
        .values_list("role", flat=True)
        .first()
    )
    return role or ""


def may_fill_in(*, actor: Actor, participant: Participant, role: str | None = None) -> bool:
    """A school's lead and deputies, or the agency's leads, fill its return in (``role``: the
    actor's role in the school, when the caller has read it already)."""
    if not actor.can("sa_return.edit"):
        return False
    if participant.setting_id is not None:
        if role is None:
            role = setting_role(actor=actor, participant=participant)
        return role in {
            SettingRole.DSL,
            SettingRole.DEPUTY,
        }
    return participant.agency_id == actor.person.agency_id


def may_sign_off(*, actor: Actor, participant: Participant, role: str | None = None) -> bool:
    """A school's head signs its return off; an agency's return, one of its agency leads."""
    if not actor.can("sa_return.sign_off"):
        return False
    if participant.setting_id is not None:
        if role is None:
            role = setting_role(actor=actor, participant=participant)
        return role == SettingRole.HEAD
    return participant.agency_id == actor.person.agency_id


def framework_sections(*, framework_id: int) -> list[Section]:
    """The tool's sections with their standards and scale options, in three queries."""
    return list(
        Section.objects.filter(framework_id=framework_id)
        .order_by("order")
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("order").select_related("scale")),
            Prefetch("items__scale__options", queryset=ScaleOption.objects.order_by("order")),
        )
    )


def answer_map(*, sa_return: SelfAssessmentReturn | None) -> dict[int, Answer]:
    if sa_return is None:
        return {}
    return {
        a.item_id: a
        for a in Answer.objects.filter(assessment_id=sa_return.assessment_id).select_related(
            "option"
        )
    }


def unconfirmed_items(*, sa_return: SelfAssessmentReturn | None) -> set[int]:
    """The standards whose answer was carried forward and is not yet confirmed or changed."""
    if sa_return is None:
        return set()
    return set(
        CarriedAnswer.objects_for(sa_return.partnership)
        .filter(sa_return=sa_return, confirmed_at__isnull=True)
        .values_list("item_id", flat=True)
    )


def evidence_map(*, sa_return: SelfAssessmentReturn | None) -> dict[int, list[ReturnEvidence]]:
    """Each standard's files and links."""
    if sa_return is None:
        return {}
    found: dict[int, list[ReturnEvidence]] = {}
    for evidence in ReturnEvidence.objects_for(sa_return.partnership).filter(sa_return=sa_return):
        found.setdefault(evidence.item_id, []).append(evidence)
    return found


CARRIED_MISSING = "{code}: confirm or change the answer carried forward from the last round."


def return_pages(
    *, participant: Participant, sa_return: SelfAssessmentReturn | None
) -> list[SectionProgress]:
    """The task list of a return: a page per section of the tool, each with its status (the
    audits' task list rules) and what submitting still needs of each standard."""
    answers = answer_map(sa_return=sa_return)
    carried = unconfirmed_items(sa_return=sa_return)
    pages = []
    for number, section in enumerate(
        framework_sections(framework_id=participant.round.framework_id), start=1
    ):
        questions = []
        for item in section.items.all():
            answer = answers.get(item.pk)
            missing = item_missing(item=item, answer=answer)
            if not missing and item.pk in carried:
                missing = CARRIED_MISSING.format(code=item.code)
            questions.append(Question(item=item, answer=answer, missing=missing))
        status = section_status(QuestionState(q.touched, q.missing) for q in questions)
        pages.append(SectionProgress(number, section, tuple(questions), status))
    return pages


def previous_return(*, participant: Participant) -> SelfAssessmentReturn | None:
    """The organisation's submitted return to the latest earlier round of the same tool (any
    version of it), or None."""
    round = participant.round
    earlier = SelfAssessmentReturn.objects_for(participant.partnership).filter(
        participant__round__framework__family=round.framework.family,
        participant__round__year__lt=round.year,
        submitted_at__isnull=False,
    )
    if participant.setting_id is not None:
        earlier = earlier.filter(participant__setting_id=participant.setting_id)
    else:
        earlier = earlier.filter(participant__agency_id=participant.agency_id)
    return earlier.order_by("-participant__round__year").first()


def get_item(*, participant: Participant, pk: Any) -> Item:
    """A standard of the participant's tool (404 for any other)."""
    try:
        return Item.objects.select_related("section").get(
            pk=pk, section__framework_id=participant.round.framework_id
        )
    except (Item.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("The return's tool has no such standard.") from exc


def get_evidence(*, participant: Participant, pk: Any) -> ReturnEvidence:
    """A file or link of the participant's return (404 for another return's)."""
    try:
        return (
            ReturnEvidence.objects_for(participant.partnership)
            .select_related("sa_return", "item")
            .get(pk=pk, sa_return__participant=participant)
        )
    except (ReturnEvidence.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc

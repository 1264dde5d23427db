"""Writes of challenges: the group that sits on a round's panel (the business unit), the panel's
challenge of a submitted return (agreed ratings where they differ from the self-rating, with the
reason, and the outcome), and an action raised at the challenge, into the action log through the
improvement services. Every change is in the history (``save_as``/``delete_as``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.history import delete_as, save_as
from assurance.frameworks.models import Item, ScaleOption
from assurance.improvement.actions import services as action_services
from assurance.improvement.actions.models import Action, MeasureKind
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency, Group
from assurance.selfassessment.challenges import rules, selectors
from assurance.selfassessment.challenges.models import (
    AgreedRating,
    Challenge,
    ChallengeAction,
    ChallengePanel,
    Outcome,
)
from assurance.selfassessment.returns import selectors as return_selectors
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Participant, Round

NOT_SUBMITTED = "This return has not been signed off and submitted, so it cannot be challenged yet."


def challenge_panel_set(*, actor: Actor, round: Round, group: Group) -> ChallengePanel:
    """The group whose members sit on the round's challenge panel (replacing any before)."""
    actor.require("self_assessment.manage")
    require_same_partnership(actor, round, group)
    with transaction.atomic():
        panel = ChallengePanel.unscoped.select_for_update().filter(round=round).first()
        if panel is None:
            panel = ChallengePanel(partnership=actor.partnership, round=round, group=group)
        elif panel.group_id == group.pk:
            return panel
        panel.group = group
        return save_as(panel, actor)


@dataclass(frozen=True)
class Rating:
    """What the panel said of one standard: the option it agreed (None: it agrees with the
    self-rating) and its reason."""

    option: ScaleOption | None
    reason: str = ""


def _submitted_return(participant: Participant) -> SelfAssessmentReturn:
    sa_return = (
        SelfAssessmentReturn.unscoped.select_for_update()
        .select_related("assessment")
        .filter(participant=participant)
        .first()
    )
    if sa_return is None or not sa_return.is_locked:
        raise ValidationError(NOT_SUBMITTED)
    return sa_return


def _require_panel(actor: Actor, participant: Participant) -> None:
    actor.require("sa_challenge.record")
    require_same_partnership(actor, participant)
    if not selectors.may_record(actor=actor, participant=participant):
        raise PermissionDenied("Only the round's challenge panel challenges its returns.")


def challenge_record(
    *,
    actor: Actor,
    participant: Participant,
    ratings: Mapping[int, Rating],
    outcome: str,
    summary: str,
    met_on: date,
) -> Challenge:
    """The panel's challenge of a submitted return: an agreed rating for each standard where it
    differs from the self-rating (with the reason), and the outcome. Recording it again changes
    it (each change in the history). Refused, naming each standard, when a rating is the same as
    the self-rating or has no reason, or the outcome does not fit the ratings: nothing is stored
    then. The challenge keeps the submission it judged and the answers the panel read: once the
    return is unlocked and submitted again, it is about the earlier submission until the panel
    records it again (``Challenge.is_current``)."""
    _require_panel(actor, participant)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Choose the panel's outcome"})
    if not summary.strip():
        raise ValidationError({"summary": "Enter the panel's conclusion"})
    if met_on > timezone.localdate():
        raise ValidationError({"met_on": "The date of the panel must be today or in the past"})
    with transaction.atomic():
        sa_return = _submitted_return(participant)
        answers = return_selectors.answer_map(sa_return=sa_return)
        items = {
            item.pk: item
            for item in Item.objects.filter(
                section__framework_id=participant.round.framework_id
            ).select_related("scale")
        }
        unknown = set(ratings) - set(items)
        if unknown:
            raise ValidationError("A rating was given for a standard that is not in this tool.")
        rows, chosen = [], {}
        for pk, rating in ratings.items():
            item = items[pk]
            if rating.option is not None and rating.option.scale_id != item.scale_id:
                raise ValidationError(f"Choose a rating on the scale of {item.code}.")
            answer = answers.get(pk)
            self_label = answer.option.label if answer is not None and answer.option else ""
            rows.append(
                rules.RatingRow(
                    code=item.code,
                    self_rating=self_label,
                    agreed=rating.option.label if rating.option is not None else "",
                    reason=rating.reason,
                )
            )
            if rating.option is not None:
                chosen[pk] = rating
        problems = rules.rating_problems(rows)
        codes = {item.code: pk for pk, item in items.items()}
        if problems:
            raise ValidationError({f"rating_{codes[c]}": m for c, m in problems.items()})
        problem = rules.outcome_problem(outcome, len(chosen))
        if problem:
            raise ValidationError({"outcome": problem})
        challenge = Challenge.unscoped.filter(sa_return=sa_return).first()
        if challenge is None:
            challenge = Challenge(partnership=actor.partnership, sa_return=sa_return)
        challenge.outcome, challenge.summary, challenge.met_on = outcome, summary.strip(), met_on
        challenge.recorded_by, challenge.recorded_at = actor.person, timezone.now()
        # what the panel judged: this submission, and each standard's answers as it read them
        challenge.submission_at = sa_return.submitted_at
        challenge.seen = {
            str(pk): [answer.option.label if answer.option else "", answer.evidence]
            for pk, answer in answers.items()
        }
        save_as(challenge, actor)
        stored = {a.item_id: a for a in AgreedRating.unscoped.filter(challenge=challenge)}
        for pk, agreed in stored.items():
            if pk not in chosen:
                delete_as(agreed, actor)
        for pk, rating in chosen.items():
            agreed = stored.get(pk) or AgreedRating(
                partnership=actor.partnership, challenge=challenge, item_id=pk
            )
            assert rating.option is not None
            if (
                agreed.pk
                and agreed.option_id == rating.option.pk
                and agreed.reason == rating.reason
            ):
                continue
            agreed.option, agreed.reason = rating.option, rating.reason.strip()
            save_as(agreed, actor)
    return challenge


def challenge_action_raise(
    *,
    actor: Actor,
    participant: Participant,
    item: Item,
    title: str,
    owner_agency: Agency,
    due_date: date,
    measure: str,
) -> ChallengeAction:
    """An action the organisation must take, raised at the challenge of its return about one
    standard: added to the action log through the improvement services (so it has the action
    log's rules, reminders and golden thread) and linked back to the return and the standard.
    The action log is the business unit's (``action.manage``); the challenge must be recorded
    first."""
    _require_panel(actor, participant)
    actor.require("action.manage")
    require_same_partnership(actor, owner_agency)
    if item.section.framework_id != participant.round.framework_id:
        raise ValidationError({"item": "Choose a standard of this return's tool"})
    if due_date <= timezone.localdate():
        raise ValidationError({"due_date": "The due date must be in the future"})
    with transaction.atomic():
        sa_return = _submitted_return(participant)
        challenge = Challenge.unscoped.filter(sa_return=sa_return).first()
        if challenge is None:
            raise ValidationError(
                "Record the panel's challenge of the return first, then raise its actions."
            )
        action: Action = action_services.action_plan_add(
            actor=actor,
            recommendation=None,
            title=f"{participant.name}, {item.code}: {title.strip()}",
            owner_agency=owner_agency,
            due_date=due_date,
            measure_kind=MeasureKind.DESCRIBED,
            measure=measure.strip(),
        )
        return save_as(
            ChallengeAction(
                partnership=actor.partnership, challenge=challenge, item=item, action=action
            ),
            actor,
        )

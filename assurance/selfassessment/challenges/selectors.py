"""Reads of challenges, through the one permission table.

``sa_challenge.view`` and ``sa_challenge.record`` name several scopes at once (a panel member is
NAMED on the round's panel group; an agency's lead OWN for their agency's returns; a school's user
NAMED on their school), and a person may hold two of those roles (an agency lead who also sits on
the education group). ``scoped`` would take only the widest, so the participants an actor may
reach are the union of what each of their roles grants, read from ``core.permissions``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from assurance.core.permissions import PERMISSIONS, Scope
from assurance.core.roles import Role
from assurance.frameworks.models import Answer, Item, ScaleOption
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Sector
from assurance.selfassessment.challenges.models import (
    AgreedRating,
    Challenge,
    ChallengeAction,
    ChallengePanel,
)
from assurance.selfassessment.returns import selectors as return_selectors
from assurance.selfassessment.returns.models import ReturnEvidence, SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round

ON_PANEL = "round__challenge_panel__group__members__person"
ON_SETTING = "setting__members__person"


def _scope_filter(actor: Actor, permission: str) -> Q | None:
    """The participants each of the actor's roles reaches under ``permission`` (None: all)."""
    actor.require(permission)
    grants = PERMISSIONS[permission]
    reach = Q(pk__in=[])
    for role in actor.roles:
        scope = grants.get(role)
        if scope is Scope.ALL:
            return None
        if scope is Scope.OWN_AGENCY and actor.person.agency_id is not None:
            reach |= Q(agency_id=actor.person.agency_id)
        elif scope is Scope.NAMED and role is Role.SETTING_USER:
            reach |= Q(**{ON_SETTING: actor.person.pk, "setting__members__person__is_active": True})
        elif scope is Scope.NAMED and role is Role.GROUP_MEMBER:
            reach |= Q(**{ON_PANEL: actor.person.pk})
    return reach


def participants_for(*, actor: Actor, permission: str) -> QuerySet[Participant]:
    queryset = Participant.unscoped.filter(partnership=actor.partnership)
    reach = _scope_filter(actor, permission)
    if reach is None:
        return queryset
    return queryset.filter(pk__in=Participant.unscoped.filter(reach).values("pk"))


def get_participant(*, actor: Actor, pk: Any, permission: str = "sa_challenge.view") -> Participant:
    """A participant whose challenge the actor may open under ``permission`` (404 otherwise)."""
    try:
        return (
            participants_for(actor=actor, permission=permission)
            .select_related(
                "round",
                "round__framework",
                "round__challenge_panel__group",
                "setting",
                "agency",
                "self_assessment_return__challenge",
            )
            .get(pk=pk)
        )
    except (Participant.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc


def get_evidence(*, participant: Participant, pk: Any) -> ReturnEvidence:
    """A file or link of a submitted return, for those who may read its challenge (the panel
    among them, who cannot open the return itself): 404 for another return's, and while the
    return is not submitted (a draft is not yet the organisation's word)."""
    sa_return = return_selectors.return_of(participant=participant)
    if sa_return is None or not sa_return.is_locked:
        raise Http404("Not found.")
    return return_selectors.get_evidence(participant=participant, pk=pk)


def may_record(*, actor: Actor, participant: Participant) -> bool:
    """Whether the actor sits on the panel of this participant's round (or is the business
    unit): one query, only for someone whose roles may record at all."""
    if not actor.can("sa_challenge.record"):
        return False
    return (
        participants_for(actor=actor, permission="sa_challenge.record")
        .filter(pk=participant.pk)
        .exists()
    )


def is_organisation(*, actor: Actor, participant: Participant) -> bool:
    """The actor is one of the organisation's own people (not a panel member or reader)."""
    if actor.has_role(Role.SETTING_USER):
        return participant.setting_id is not None
    return participant.agency_id is not None and participant.agency_id == actor.person.agency_id


def challenge_of(*, participant: Participant) -> Challenge | None:
    sa_return = return_selectors.return_of(participant=participant)
    if sa_return is None:
        return None
    try:
        return sa_return.challenge
    except Challenge.DoesNotExist:
        return None


def panel_of(*, round: Round) -> ChallengePanel | None:
    try:
        return round.challenge_panel
    except ChallengePanel.DoesNotExist:
        return None


@dataclass
class StandardRow:
    """A standard as the panel sees it: the self-rating and narrative, and what it agreed."""

    item: Item
    options: list[ScaleOption]
    self_rating: ScaleOption | None
    narrative: str
    agreed: AgreedRating | None = None
    actions: list[ChallengeAction] = field(default_factory=list)
    # where the challenge is about an earlier submission: the answers the panel read then
    earlier: tuple[str, str] | None = None
    # the return's files and links for this standard (what the panel weighs)
    evidence: list[ReturnEvidence] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.agreed is not None

    @property
    def earlier_rating(self) -> str:
        return self.earlier[0] if self.earlier is not None else ""

    @property
    def rating_changed_since(self) -> bool:
        """The self-rating is not the one the panel read (an earlier submission's)."""
        if self.earlier is None:
            return False
        return self.earlier[0] != (self.self_rating.label if self.self_rating else "")

    @property
    def narrative_changed_since(self) -> bool:
        return self.earlier is not None and self.earlier[1] != self.narrative

    @property
    def changed_since(self) -> bool:
        return self.rating_changed_since or self.narrative_changed_since


@dataclass
class SectionRows:
    number: int
    title: str
    rows: list[StandardRow]


def standard_rows(
    *, participant: Participant, sa_return: SelfAssessmentReturn, challenge: Challenge | None
) -> list[SectionRows]:
    """Each section's standards with the self-rating, the narrative, the files and links, the
    agreed rating and the actions raised: a fixed number of queries whatever the number of
    standards."""
    answers: dict[int, Answer] = return_selectors.answer_map(sa_return=sa_return)
    evidence = return_selectors.evidence_map(sa_return=sa_return)
    earlier = challenge is not None and not challenge.is_current
    agreed: dict[int, AgreedRating] = {}
    actions: dict[int, list[ChallengeAction]] = {}
    if challenge is not None:
        agreed = {
            a.item_id: a
            for a in AgreedRating.objects_for(participant.partnership)
            .filter(challenge=challenge)
            .select_related("option")
        }
        for link in (
            ChallengeAction.objects_for(participant.partnership)
            .filter(challenge=challenge)
            .select_related("action", "action__owner_agency")
        ):
            actions.setdefault(link.item_id, []).append(link)
    sections = []
    for number, section in enumerate(
        return_selectors.framework_sections(framework_id=participant.round.framework_id), start=1
    ):
        rows = []
        for item in section.items.all():
            answer = answers.get(item.pk)
            options = list(item.scale.options.all()) if item.scale is not None else []
            rows.append(
                StandardRow(
                    item=item,
                    options=options,
                    self_rating=answer.option if answer is not None else None,
                    narrative=answer.evidence if answer is not None else "",
                    agreed=agreed.get(item.pk),
                    actions=actions.get(item.pk, []),
                    earlier=challenge.seen_answer(item.pk)
                    if earlier and challenge is not None
                    else None,
                    evidence=evidence.get(item.pk, []),
                )
            )
        sections.append(SectionRows(number, section.title, rows))
    return sections


def _submitted(actor: Actor) -> QuerySet[Participant]:
    return (
        participants_for(actor=actor, permission="sa_challenge.view")
        .filter(status=ParticipantStatus.SUBMITTED, self_assessment_return__isnull=False)
        .select_related(
            "round", "round__framework", "setting", "agency", "self_assessment_return__challenge"
        )
    )


# A submitted return awaits the panel when it has no challenge, or when its challenge judged
# an earlier submission (the return was unlocked and submitted again since)
AWAITING = Q(self_assessment_return__challenge__isnull=True) | Q(
    self_assessment_return__challenge__submission_at__lt=F("self_assessment_return__submitted_at")
)


def sits_on_a_panel(*, actor: Actor) -> bool:
    """Whether the actor may challenge any round's returns: the business unit always; a group
    member when their group is a round's panel (one query, only for them)."""
    scope = actor.scope("sa_challenge.record")
    if scope is None:
        return False
    if scope is Scope.ALL:
        return True
    return (
        ChallengePanel.objects_for(actor.partnership)
        .filter(group__members__person=actor.person)
        .exists()
    )


def awaiting_challenge(*, actor: Actor) -> QuerySet[Participant]:
    """The submitted returns, in the actor's scope, of the rounds that have a panel and that the
    panel has not challenged yet (or challenged as submitted before), oldest submission first
    (to paginate)."""
    return (
        _submitted(actor)
        .filter(AWAITING, round__challenge_panel__isnull=False)
        .order_by("submitted_at", "pk")
    )


def challenged(*, actor: Actor) -> QuerySet[Participant]:
    """The challenged returns in the actor's scope, latest panel first (to paginate): those
    unlocked since their challenge too (the challenge stands, about the earlier submission)."""
    return (
        participants_for(actor=actor, permission="sa_challenge.view")
        .filter(self_assessment_return__challenge__isnull=False)
        .select_related(
            "round", "round__framework", "setting", "agency", "self_assessment_return__challenge"
        )
        .order_by("-self_assessment_return__challenge__met_on", "pk")
    )


def awaiting_count(*, actor: Actor) -> dict[int, int]:
    """Round id → how many submitted returns await the panel, for the rounds whose panel the
    actor sits on (the business unit: every round that has a panel). One query."""
    if not actor.can("sa_challenge.record"):
        return {}
    rows = (
        participants_for(actor=actor, permission="sa_challenge.record")
        .filter(
            AWAITING,
            status=ParticipantStatus.SUBMITTED,
            self_assessment_return__isnull=False,
            round__challenge_panel__isnull=False,
        )
        .values("round_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["round_id"]: row["n"] for row in rows}


def default_owner_agency(*, participant: Participant) -> Agency | None:
    """Who owns an action raised at a challenge unless the business unit chooses otherwise:
    the agency itself; for a school or college (not an agency), the partnership's first
    active agency of the education sector (the one that answers for schools)."""
    if participant.agency_id is not None:
        return participant.agency
    return (
        Agency.objects_for(participant.partnership)
        .filter(is_active=True, sector=Sector.EDUCATION)
        .order_by("kind", "name")
        .first()
    )


def origins_of_action(action: Any) -> list[ChallengeAction]:
    """The challenge an action of the action log was raised at (``core.registry``'s action
    origins): one query."""
    return list(
        ChallengeAction.unscoped.filter(action_id=action.pk).select_related(
            "item",
            "challenge__sa_return__participant__round__framework",
            "challenge__sa_return__participant__setting",
            "challenge__sa_return__participant__agency",
        )
    )


@dataclass(frozen=True)
class AgreedRow:
    """A standard where a panel agreed a rating different from the organisation's, for the
    round's report; ``earlier``: the challenge is about a submission since replaced."""

    organisation: str
    code: str
    title: str
    self_rating: str
    agreed: str
    reason: str
    earlier: bool


def round_agreed_ratings(*, actor: Actor, round: Round) -> list[AgreedRow]:
    """Every agreed rating of the round's challenges, by organisation then standard, with the
    self-rating the panel read (kept with the challenge, so a return resubmitted since still
    shows what was judged). One query. For the round's report (``sa_report.view``)."""
    actor.require("sa_report.view")
    rows = (
        AgreedRating.objects_for(actor.partnership)
        .filter(challenge__sa_return__participant__round=round)
        .values_list(
            "challenge__sa_return__participant__setting__name",
            "challenge__sa_return__participant__agency__name",
            "item_id",
            "item__code",
            "item__text",
            "option__label",
            "reason",
            "challenge__seen",
            "challenge__submission_at",
            "challenge__sa_return__submitted_at",
        )
        .order_by(
            "challenge__sa_return__participant__setting__name",
            "challenge__sa_return__participant__agency__name",
            "challenge__sa_return__participant_id",
            "item__section__order",
            "item__order",
        )
    )
    found = []
    for setting, agency, item_id, code, text, label, reason, seen, judged, submitted in rows:
        seen_rating = (seen or {}).get(str(item_id), [""])[0]
        found.append(
            AgreedRow(
                organisation=setting or agency or "",
                code=code,
                title=text,
                self_rating=seen_rating or "Not rated",
                agreed=label,
                reason=reason,
                earlier=judged is None or submitted != judged,
            )
        )
    return found

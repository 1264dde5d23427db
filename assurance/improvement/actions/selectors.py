"""Reads of the action log, scoped to the actor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from assurance.audits.models import AuditStatus
from assurance.core.registry import delivery_namer
from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
)
from assurance.improvement.actions.status import STATUS_LABELS, action_status
from assurance.improvement.learning.models import LearningItem, Recommendation
from assurance.partnerships.access import Actor, get_for_actor, scoped


def action_list(*, actor: Actor) -> QuerySet[Action]:
    return scoped(
        actor,
        Action.unscoped.select_related(
            "owner_agency", "owner", "recommendation", "recommendation__audit"
        ),
        "action.view",
        agency_field="owner_agency",
    )


def get_action(*, actor: Actor, pk: Any) -> Action:
    return get_for_actor(
        actor,
        Action.unscoped.select_related(
            "owner_agency", "owner", "recommendation", "recommendation__audit"
        ),
        "action.view",
        pk,
        agency_field="owner_agency",
    )


def action_status_of(action: Action, today: date | None = None) -> tuple[str, str]:
    status = action_status(
        state=action.state,
        started=action.started,
        due=action.due_date,
        today=today or timezone.localdate(),
        start=action.start_date,
    )
    return status, STATUS_LABELS[status]


@dataclass(frozen=True)
class ActionRow:
    action: Action
    status: str
    status_label: str


def action_rows(
    *, actor: Actor, status: str | None = None, agency: Any = None, due_before: date | None = None
) -> list[ActionRow]:
    """The action log with each action's computed status, filtered."""
    actions = action_list(actor=actor)
    if agency is not None:
        actions = actions.filter(owner_agency=agency)
    if due_before is not None:
        actions = actions.filter(due_date__lte=due_before)
    today = timezone.localdate()
    rows = [ActionRow(a, *action_status_of(a, today)) for a in actions]
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def status_counts(rows: list[ActionRow]) -> list[tuple[str, int]]:
    counts = Counter(row.status for row in rows)
    return [(STATUS_LABELS[s], counts[s]) for s in STATUS_LABELS if counts[s]]


ACTION_RELATED = (
    "owner_agency",
    "owner",
    "recommendation",
    "recommendation__audit",
    "indicator",
    "standard__section",
    "baseline_audit",
)


def get_action_for(*, actor: Actor, pk: Any, permission: str = "action.view") -> Action:
    """One action under ``permission`` (own-agency scopes: the owner agency), or 404."""
    return get_for_actor(
        actor,
        Action.unscoped.select_related(*ACTION_RELATED, "partnership"),
        permission,
        pk,
        agency_field="owner_agency",
    )


def action_updates(*, action: Action) -> QuerySet[ActionUpdate]:
    return ActionUpdate.unscoped.filter(action=action).select_related(
        "recorded_by", "recorded_by__agency"
    )


def action_evidence(*, action: Action) -> QuerySet[ActionEvidence]:
    return ActionEvidence.unscoped.filter(action=action).select_related("added_by")


def get_evidence(*, actor: Actor, action: Action, pk: Any) -> ActionEvidence:
    return get_for_actor(
        actor,
        ActionEvidence.unscoped.filter(action=action),
        "action.view",
        pk,
        agency_field="action__owner_agency",
    )


def impact_assessments(*, action: Action) -> list[ImpactAssessment]:
    return list(
        ImpactAssessment.unscoped.filter(action=action).select_related(
            "assessed_by", "assessed_by__agency"
        )
    )


@dataclass
class PlanAction:
    action: Action
    status: str
    status_label: str
    impact: ImpactAssessment | None


@dataclass
class Plan:
    recommendation: Recommendation
    actions: list[PlanAction] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for row in self.actions:
            counts[row.status] = counts.get(row.status, 0) + 1
        return [(STATUS_LABELS[s], counts[s]) for s in STATUS_LABELS if s in counts]


def _plan_actions(actions: list[Action], today: date) -> list[PlanAction]:
    rows = []
    for action in actions:
        status, label = action_status_of(action, today)
        impact_list = getattr(action, "impact_list", None)
        latest = impact_list[0] if impact_list else None
        rows.append(PlanAction(action, status, label, latest))
    return rows


def _actions_prefetch(queryset: QuerySet[Action]) -> Prefetch:
    return Prefetch(
        "actions",
        queryset=queryset.prefetch_related(
            Prefetch(
                "impact_assessments",
                queryset=ImpactAssessment.unscoped.order_by("-assessed_at", "-pk"),
                to_attr="impact_list",
            )
        ),
        to_attr="plan_actions",
    )


def action_plans(*, actor: Actor) -> list[Plan]:
    """Every accepted recommendation with its actions (the partnership's action plans)."""
    actions = scoped(
        actor,
        Action.unscoped.select_related("owner_agency", "owner"),
        "action.view",
        agency_field="owner_agency",
    )
    recommendations = (
        Recommendation.objects_for(actor.partnership)
        .filter(status=Recommendation.Status.ACCEPTED)
        .select_related("audit")
        .prefetch_related(_actions_prefetch(actions))
        .order_by("-created_at", "-pk")
    )
    today = timezone.localdate()
    return [Plan(r, _plan_actions(list(r.plan_actions), today)) for r in recommendations]


def get_plan(*, actor: Actor, pk: Any) -> Plan:
    """One recommendation's plan (any status: an unaccepted one shows why it has no plan)."""
    actions = scoped(
        actor,
        Action.unscoped.select_related("owner_agency", "owner"),
        "action.view",
        agency_field="owner_agency",
    )
    recommendation = get_for_actor(
        actor,
        Recommendation.unscoped.select_related("audit").prefetch_related(
            _actions_prefetch(actions)
        ),
        "action.view",
        pk,
        agency_field="actions__owner_agency",
    )
    return Plan(
        recommendation,
        _plan_actions(list(recommendation.plan_actions), timezone.localdate()),  # type: ignore[attr-defined]
    )


def plans_for(*, actor: Actor, recommendations: list[int]) -> dict[int, list[PlanAction]]:
    """The actions (with status and latest impact) of several recommendations: two queries."""
    actions = (
        scoped(
            actor,
            Action.unscoped.select_related("owner_agency", "owner"),
            "action.view",
            agency_field="owner_agency",
        )
        .filter(recommendation_id__in=recommendations)
        .prefetch_related(
            Prefetch(
                "impact_assessments",
                queryset=ImpactAssessment.unscoped.order_by("-assessed_at", "-pk"),
                to_attr="impact_list",
            )
        )
    )
    grouped: dict[int, list[Action]] = {}
    for action in actions:
        grouped.setdefault(action.recommendation_id or 0, []).append(action)
    today = timezone.localdate()
    return {r: _plan_actions(rows, today) for r, rows in grouped.items()}


def reaudit_baseline(*, recommendation: Recommendation) -> dict[str, int]:
    """The baseline audit and standard a re-audit measure would start from, when the learning
    linked to the recommendation points at exactly one standard of one closed audit (learning
    recorded from an audit's findings): ``{"baseline_audit": pk, "standard": pk}``, else ``{}``.
    One query."""
    pairs = set(
        LearningItem.unscoped.filter(
            recommendations=recommendation,
            audit__status=AuditStatus.CLOSED,
            standard__isnull=False,
        ).values_list("audit_id", "standard_id")
    )
    if len(pairs) != 1:
        return {}
    audit, standard = pairs.pop()
    return {"baseline_audit": audit, "standard": standard}


def delivered_by(*, action: Action) -> str:
    """The key of what delivers the action, as its form names it (a training course), or ""."""
    namer = delivery_namer()
    if namer is None or namer.current is None:
        return ""
    return namer.current(action)

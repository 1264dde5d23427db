"""The golden thread: where an action came from and what it achieved, in one read.

From an action: the learning behind it (learning items and themes, or the audit the
recommendation came from), the recommendation, the decision that accepted it and the meeting
that took it, the progress and evidence of delivery, and the impact assessed. From a learning
item: the recommendations made because of it and what became of their actions.

A constant number of queries per thread, however long the partnership's history (a test and
``make bench`` check it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models
from django.urls import NoReverseMatch, reverse

from assurance.core.registry import FollowUp, FollowUpAction, action_origins_for
from assurance.improvement.actions import selectors as action_selectors
from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
)
from assurance.improvement.actions.selectors import action_status_of
from assurance.improvement.learning.models import LearningItem, LearningTheme, Recommendation
from assurance.improvement.meetings.models import Decision
from assurance.partnerships.access import Actor


@dataclass(frozen=True)
class Link:
    """A record on the thread, said in words, with where to see it (if it has a page)."""

    kind: str
    title: str
    detail: str = ""
    when: date | None = None
    url: str = ""
    pk: int | None = None


@dataclass
class Thread:
    action: Action
    status: str
    status_label: str
    recommendation: Recommendation | None
    learning: list[Link] = field(default_factory=list)
    themes: list[Link] = field(default_factory=list)
    decisions: list[Link] = field(default_factory=list)
    updates: list[ActionUpdate] = field(default_factory=list)
    evidence: list[ActionEvidence] = field(default_factory=list)
    impact: list[ImpactAssessment] = field(default_factory=list)

    @property
    def current_impact(self) -> ImpactAssessment | None:
        return self.impact[0] if self.impact else None

    @property
    def closed(self) -> bool:
        """The thread is closed when the action is complete and its impact assessed."""
        current = self.current_impact
        return self.status == "complete" and current is not None and current.outcome != "not_yet"


def _url(name: str, slug: str, *args: Any) -> str:
    try:
        return reverse(name, args=[slug, *args])
    except NoReverseMatch:
        return ""


def _first_attr(obj: Any, *names: str) -> Any:
    for name in names:
        value = getattr(obj, name, None)
        if value not in (None, ""):
            return value() if callable(value) and not isinstance(value, models.Model) else value
    return None


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _learning_link(item: Any, slug: str) -> Link:
    source = _first_attr(item, "get_source_display", "source")
    learned = _first_attr(item, "what_was_learned", "description")
    detail = f"{source}. {learned}" if source and learned else str(source or learned or "")
    return Link(
        kind="learning",
        title=str(_first_attr(item, "title") or item),
        detail=detail,
        when=_as_date(_first_attr(item, "learned_on", "identified_on", "date", "created_at")),
        url=_url("improvement:learning_detail", slug, item.pk),
        pk=item.pk,
    )


def _theme_link(theme: Any, slug: str) -> Link:
    return Link(
        kind="theme",
        title=str(_first_attr(theme, "title", "name") or theme),
        detail=str(_first_attr(theme, "description", "summary") or ""),
        url=_url("improvement:theme_detail", slug, theme.pk),
        pk=theme.pk,
    )


def _decision_link(decision: Any, slug: str) -> Link:
    meeting = getattr(decision, "meeting", None)
    outcome = _first_attr(decision, "get_outcome_display", "get_decision_display", "outcome")
    reasons = _first_attr(decision, "reasons", "reason", "text")
    quorate = getattr(decision, "quorate", None)
    detail = f"{outcome or 'Decided'}."
    if reasons:
        detail += f" Reasons given: {str(reasons).strip()}"
        detail += "" if detail.endswith(".") else "."
    if quorate is False:
        detail += " Taken while the meeting was inquorate."
    elif quorate is True:
        detail += " The meeting was quorate."
    title = "Decision"
    when = _as_date(_first_attr(decision, "decided_on", "created_at"))
    url = ""
    if meeting is not None:
        group = getattr(meeting, "group", None)
        held = _as_date(_first_attr(meeting, "held_on", "date", "starts_at"))
        title = f"Decision of {group or 'the meeting'}" + (f" on {held:%-d %B %Y}" if held else "")
        when = held or when
        url = _url("improvement:meeting_detail", slug, meeting.pk)
    return Link(kind="decision", title=title, detail=detail, when=when, url=url, pk=decision.pk)


def _audit_link(recommendation: Recommendation, slug: str) -> Link | None:
    audit = recommendation.audit
    if audit is None:
        return None
    return Link(
        kind="audit",
        title=f"The multi-agency audit “{audit.title}”",
        detail="Its findings led to this recommendation.",
        when=audit.planned_month,
        url=_url("audits:findings", slug, audit.pk),
        pk=audit.pk,
    )


def _learning_for(recommendations: list[int]) -> dict[int, list[Any]]:
    """Recommendation → learning items behind it (directly, or through a theme): three
    queries."""
    found: dict[int, dict[int, Any]] = {r: {} for r in recommendations}
    direct = LearningItem.recommendations.through.objects.filter(
        recommendation_id__in=recommendations
    ).values_list("recommendation_id", "learningitem_id")
    via_theme = LearningItem.themes.through.objects.filter(
        learningtheme__recommendations__in=recommendations
    ).values_list("learningtheme__recommendations", "learningitem_id")
    links = [*direct, *via_theme]
    items = {i.pk: i for i in LearningItem.unscoped.filter(pk__in=[item for _, item in links])}
    for rec, item in links:
        if item in items:
            found[rec][item] = items[item]
    return {r: sorted(v.values(), key=lambda i: (i.learned_on, i.pk)) for r, v in found.items()}


def _decisions_for(recommendations: list[int]) -> dict[int, list[Decision]]:
    found: dict[int, list[Decision]] = {r: [] for r in recommendations}
    for decision in (
        Decision.unscoped.filter(recommendation_id__in=recommendations)
        .select_related("meeting__group")
        .order_by("meeting__held_on", "pk")
    ):
        found[decision.recommendation_id].append(decision)
    return found


def action_thread(*, actor: Actor, pk: Any) -> Thread:
    """The golden thread of one action the actor may see."""
    action = action_selectors.get_action_for(actor=actor, pk=pk)
    slug = actor.partnership.slug
    status, label = action_status_of(action)
    thread = Thread(
        action=action, status=status, status_label=label, recommendation=action.recommendation
    )
    recommendation = action.recommendation
    if recommendation is not None:
        items = _learning_for([recommendation.pk])[recommendation.pk]
        thread.learning = [_learning_link(item, slug) for item in items]
        audit = _audit_link(recommendation, slug)
        if audit is not None:
            thread.learning.insert(0, audit)
        thread.themes = [
            _theme_link(t, slug)
            for t in LearningTheme.unscoped.filter(recommendations=recommendation).order_by("pk")
        ]
        thread.decisions = [
            _decision_link(d, slug) for d in _decisions_for([recommendation.pk])[recommendation.pk]
        ]
    thread.learning.extend(
        Link(kind="origin", title=o.title, detail=o.detail, when=o.when, url=o.href)
        for o in action_origins_for(action)
    )
    thread.updates = list(action_selectors.action_updates(action=action))
    thread.evidence = list(action_selectors.action_evidence(action=action))
    thread.impact = action_selectors.impact_assessments(action=action)
    return thread


@dataclass
class Consequence:
    recommendation: Recommendation
    decisions: list[Link]
    actions: list[action_selectors.PlanAction]


@dataclass
class ThemeMate:
    """A recommendation that shares a theme with a learning item but was not made from it."""

    recommendation: Recommendation
    themes: list[str]


@dataclass
class LearningConsequences:
    """What happened because of a learning item (``linked``: the recommendations made from it),
    and, apart, the recommendations that only share one of its themes (``theme_mates``)."""

    linked: list[Consequence]
    theme_mates: list[ThemeMate]


def learning_consequences(*, actor: Actor, item: LearningItem) -> LearningConsequences:
    """The recommendations linked to a learning item, the decisions on them, and their actions
    with status and impact; and, labelled apart, the recommendations of its themes that are not
    linked to it (sharing a theme is not being caused by it). Constant queries."""
    slug = actor.partnership.slug
    visible = Recommendation.objects_for(actor.partnership)
    recommendations = list(visible.filter(learning_items=item).order_by("created_at", "pk"))
    ids = [r.pk for r in recommendations]
    plans = action_selectors.plans_for(actor=actor, recommendations=ids)
    decisions = _decisions_for(ids)
    shared: dict[int, list[str]] = {}
    for rec_id, theme in (
        LearningTheme.recommendations.through.objects.filter(learningtheme__items=item)
        .exclude(recommendation_id__in=ids)
        .order_by("learningtheme__title", "learningtheme_id")
        .values_list("recommendation_id", "learningtheme__title")
    ):
        names = shared.setdefault(rec_id, [])
        if theme not in names:
            names.append(theme)
    mates = visible.filter(pk__in=list(shared)).order_by("created_at", "pk")
    return LearningConsequences(
        linked=[
            Consequence(r, [_decision_link(d, slug) for d in decisions[r.pk]], plans.get(r.pk, []))
            for r in recommendations
        ],
        theme_mates=[ThemeMate(r, shared[r.pk]) for r in mates],
    )


def follow_ups(record: Any) -> list[FollowUp]:
    """What the learning cycle made of a source record (``core.registry.follow_ups_for``): the
    recommendations resting on an audit, oldest first, with their actions. One query."""
    if getattr(record, "_meta", None) is None or record._meta.label != "audits.Audit":
        return []
    slug = record.partnership.slug
    recommendations = (
        Recommendation.objects_for(record.partnership)
        .filter(audit=record)
        .order_by("created_at", "pk")
        .prefetch_related("actions__owner_agency")
    )
    return [
        FollowUp(
            title=r.title,
            status=r.get_status_display(),
            href=_url("improvement:recommendation_detail", slug, r.pk),
            actions=tuple(
                FollowUpAction(
                    title=a.title,
                    owner=a.owner_agency.short_name,
                    due=a.due_date,
                    measure=a.measure,
                )
                for a in r.actions.all()
            ),
        )
        for r in recommendations
    ]

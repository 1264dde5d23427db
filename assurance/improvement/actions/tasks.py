"""Background work for action plans (django-tasks): owners' reminders and the business unit's
weekly digest. Both are idempotent: the send log (ReminderSent) has one row per reminder, so a
second run the same day, or the same week for the digest, sends nothing."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from assurance.core.emails import send_email
from assurance.improvement.actions.models import (
    Action,
    ActionState,
    ImpactAssessment,
    ReminderSent,
)
from assurance.improvement.actions.reminders import action_reminder_due, digest_week
from assurance.improvement.actions.services import MEASURED, impact_assess
from assurance.improvement.actions.status import STATUS_LABELS, action_status
from assurance.partnerships.models import Partnership, Person


def _record_once(**fields: object) -> bool:
    """Log a send; False if it was already sent (the unique constraints say so)."""
    try:
        with transaction.atomic():
            ReminderSent.unscoped.create(**fields)
    except IntegrityError:
        return False
    return True


def _owner_emails(action: Action, leads: dict[int | None, list[str]]) -> list[str]:
    if action.owner is not None and action.owner.is_active and action.owner.email:
        return [action.owner.email]
    return leads.get(action.owner_agency_id, [])


@task()
def send_action_reminders(base_url: str = "", today: str = "") -> int:
    """E-mail owners of open actions due within two weeks or overdue (once per due date).
    Returns how many e-mails were sent."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    horizon = day + timedelta(days=14)
    actions = (
        Action.unscoped.filter(state=ActionState.OPEN, due_date__lte=horizon)
        .select_related("owner", "owner_agency", "partnership")
        .order_by("pk")
    )
    leads: dict[int | None, list[str]] = defaultdict(list)
    for person in Person.unscoped.filter(is_agency_lead=True, is_active=True).exclude(email=""):
        leads[person.agency_id].append(person.email)
    already = set(
        ReminderSent.unscoped.filter(action__in=actions).values_list("action_id", "kind", "period")
    )
    sent = 0
    for action in actions:
        kind = action_reminder_due(due=action.due_date, today=day, open_=True)
        recipients = _owner_emails(action, leads)
        if kind is None or not recipients or (action.pk, kind, action.due_date) in already:
            continue
        link = f"{base_url}/p/{action.partnership.slug}/actions/{action.pk}/"
        with transaction.atomic():
            if not _record_once(
                partnership_id=action.partnership_id,
                action=action,
                kind=kind,
                period=action.due_date,
                recipients=", ".join(recipients),
            ):
                continue
            send_email(
                "improvement/emails/action_reminder",
                {"kind": kind, "action": action, "link": link},
                to=recipients,
            )
        sent += 1
    return sent


def digest_context(
    partnership: Partnership, actions: list[Action], day: date, base_url: str
) -> dict[str, Any]:
    """What the weekly digest of one partnership's action log says
    (``improvement/emails/action_digest.txt``)."""
    by_status: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        status = action_status(
            state=action.state,
            started=action.started,
            due=action.due_date,
            today=day,
            start=action.start_date,
        )
        by_status[status].append(action)
    week_ago = day - timedelta(days=7)
    return {
        "partnership": partnership,
        "day": day,
        "counts": " · ".join(
            f"{len(by_status[s])} {label.lower()}"
            for s, label in STATUS_LABELS.items()
            if by_status[s]
        ),
        "sections": [
            (heading, by_status[status])
            for status, heading in (("overdue", "Overdue"), ("at_risk", "At risk"))
            if by_status[status]
        ],
        "completed": [
            a for a in by_status["complete"] if a.completed_at and a.completed_at > week_ago
        ],
        "link": f"{base_url}/p/{partnership.slug}/actions/",
    }


@task()
def send_action_digest(base_url: str = "", today: str = "") -> int:
    """E-mail each partnership's business unit a digest of its action log, once a week.
    Returns how many digests were sent."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    week = digest_week(day)
    done = set(
        ReminderSent.unscoped.filter(
            kind=ReminderSent.Kind.DIGEST, period=week, action__isnull=True
        ).values_list("partnership_id", flat=True)
    )
    actions: dict[int, list[Action]] = defaultdict(list)
    for action in Action.unscoped.exclude(state=ActionState.CANCELLED).select_related(
        "owner_agency"
    ):
        actions[action.partnership_id].append(action)
    units: dict[int, list[str]] = defaultdict(list)
    for person in Person.unscoped.filter(is_business_unit=True, is_active=True).exclude(email=""):
        units[person.partnership_id].append(person.email)
    sent = 0
    for partnership in Partnership.unscoped.filter(pk__in=list(actions)).order_by("pk"):
        recipients = units.get(partnership.pk)
        if partnership.pk in done or not recipients:
            continue
        with transaction.atomic():
            if not _record_once(
                partnership_id=partnership.pk,
                action=None,
                kind=ReminderSent.Kind.DIGEST,
                period=week,
                recipients=", ".join(recipients),
            ):
                continue
            send_email(
                "improvement/emails/action_digest",
                digest_context(partnership, actions[partnership.pk], day, base_url),
                to=recipients,
            )
        sent += 1
    return sent


@task()
def measure_pending_impacts() -> int:
    """Measure again the impact of completed actions measured by an indicator, a re-audit or
    their training whose latest assessment found nothing to compare yet (a figure is published,
    the re-audit closes, or the three-month answers come in, after the action completed).
    Returns how many now have a measured result."""

    measured = 0
    pending = Action.unscoped.filter(
        state=ActionState.COMPLETE,
        measure_kind__in=list(MEASURED),
    ).select_related("partnership", "indicator", "standard__section", "baseline_audit__framework")
    latest: dict[int, str] = {}
    for action_id, outcome in (
        ImpactAssessment.unscoped.filter(
            action__in=pending, method__in=["indicator", "reaudit", "training"]
        )
        .order_by("action_id", "assessed_at", "pk")
        .values_list("action_id", "outcome")
    ):
        latest[action_id] = outcome
    for action in pending:
        if latest.get(action.pk, "not_yet") != "not_yet":
            continue
        assessment = impact_assess(action=action)
        if assessment is not None and assessment.outcome != "not_yet":
            measured += 1
    return measured

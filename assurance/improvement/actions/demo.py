"""Demo action plans for Northfield: actions in every status, and one golden thread closed with
measured impact (a neglect standard re-audited after training). Idempotent.

The thread: the 2025/26 neglect deep dive found the neglect assessment tool rarely used
(standard 2.2); the executive accepted a recommendation to embed it; the council trained
practitioners (evidence attached) and the later neglect deep dive re-audited the standard. The
platform compares the two audits itself: nothing about the result is written here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assurance.audits.models import Audit
from assurance.core.business_year import current_business_year
from assurance.dataset.catalogue.models import Indicator
from assurance.frameworks.models import Item
from assurance.improvement.actions import services as action_services
from assurance.improvement.actions.models import Action, ActionState, MeasureKind
from assurance.improvement.learning.models import LearningItem, Recommendation
from assurance.partnerships.access import Actor, actor_for_person
from assurance.partnerships.models import Agency, Partnership, Person

BASELINE_AUDIT = "Neglect deep dive 2025/26"
PLAN_TITLE = "Hold initial child protection conferences within 15 days"


def _actor(partnership: Partnership, login: str) -> Actor:
    person = (
        Person.objects_for(partnership)
        .select_related("partnership", "user", "agency")
        .get(email=f"{login}@{partnership.slug}.example")
    )
    return actor_for_person(person)


def audit_recommendations(tool: LearningItem, escalation: LearningItem) -> list[Any]:
    """The three recommendations the ARG made from each neglect deep dive's learning: their
    titles, the learning each rests on, and the measure the action will have."""
    return [
        (
            "Use the neglect assessment tool at the start of every neglect case and at each review",
            tool,
            MeasureKind.REAUDIT,
            "Standard on use of the neglect tool met in at least 75% of cases at the next "
            "neglect audit.",
        ),
        (
            "Re-launch the escalation procedure with a practitioner briefing",
            escalation,
            MeasureKind.DESCRIBED,
            "Briefing delivered to 200 practitioners; escalations logged by the business "
            "unit rise.",
        ),
        (
            "Supervision to review drift in neglect cases open more than 6 months",
            escalation,
            MeasureKind.INDICATOR,
            "Children on a plan for 2 years or more falls below the statistical neighbour average.",
        ),
    ]


def plan_audit_actions(bu: Actor, recs: list[Any], audit: Any, people: dict[str, Person]) -> None:
    """The Response and Delivery Group's action for each accepted audit recommendation."""
    council = people["la-lead"].agency
    health = people["health-lead"].agency
    due = (audit.report_due or audit.planned_month) + timedelta(days=120)
    cpp = Indicator.objects.filter(code="CSC-CPP-2Y").first()
    for rec, measure_kind, measure in recs:
        rec.refresh_from_db()
        if rec.status != Recommendation.Status.ACCEPTED:
            continue
        item = rec.learning_items.first()  # type: ignore[attr-defined]
        values: dict[str, Any] = {
            "title": rec.title,
            "owner_agency": health if "escalation" in rec.title.lower() else council,
            "due_date": due,
            "measure_kind": measure_kind,
            "measure": measure,
        }
        if measure_kind == MeasureKind.REAUDIT:
            values.update(baseline_audit=audit, standard=item.standard)
        if measure_kind == MeasureKind.INDICATOR:
            if cpp is None:
                values["measure_kind"] = MeasureKind.DESCRIBED
            else:
                values.update(indicator=cpp, target_value=Decimal("3"))
        action_services.action_plan_add(actor=bu, recommendation=rec, **values)


def closed_thread_action(partnership: Partnership) -> Action | None:
    """The action of the demo's closed thread: the 2025/26 neglect deep dive's recommendation
    on the neglect assessment tool (accepted by the executive in the learning cycle's demo)."""
    return (
        Action.objects_for(partnership)
        .filter(
            recommendation__audit__title=BASELINE_AUDIT,
            recommendation__title__icontains="neglect assessment tool",
        )
        .order_by("pk")
        .first()
    )


def _closed_thread(bu: Actor, lead: Actor, council: Agency, year: int) -> None:
    partnership = bu.partnership
    baseline = Audit.objects_for(partnership).filter(title=BASELINE_AUDIT).first()
    if baseline is None or baseline.framework is None:
        return
    standard = Item.objects.filter(section__framework=baseline.framework, code="2.2").first()
    action = closed_thread_action(partnership)
    if standard is None or action is None or action.state != ActionState.OPEN:
        return
    action_services.action_edit(
        actor=bu,
        action=action,
        title="Train social workers, health visitors and school staff to use the neglect "
        "assessment tool at the start of every case and at each review",
        owner_agency=council,
        owner=lead.person,
        start_date=date(year, 1, 5),
        delivery_type="training",
        measure_kind=MeasureKind.REAUDIT,
        measure="Standard 2.2 (the tool used at the start and at each review) met in more "
        "cases at the next neglect deep dive than in 2025/26.",
        baseline_audit=baseline,
        standard=standard,
    )
    for when, rag, text in [
        (
            date(year, 1, 30),
            "amber",
            "Training designed with the health visiting service; first two sessions booked. "
            "School staff sessions not yet arranged.",
        ),
        (
            date(year, 3, 6),
            "green",
            "Six sessions delivered to 142 practitioners across the council, health and "
            "schools; the tool is now part of the neglect pathway.",
        ),
    ]:
        update = action_services.progress_update_add(actor=lead, action=action, rag=rag, text=text)
        _dated(update, "recorded_at", when)
    evidence = action_services.evidence_add(
        actor=lead,
        action=action,
        description="The neglect deep dive and its learning event, where the tool was launched",
        link=f"/p/{partnership.slug}/audits/{baseline.pk}/",
    )
    _dated(evidence, "added_at", date(year, 3, 10))
    action_services.action_complete(actor=lead, action=action, completed_on=date(year, 3, 14))


def _dated(record: Any, field: str, day: date) -> None:
    """Demo only: a closed thread's updates and evidence dated before its completion, as they
    would have been entered at the time (the services stamp them with today)."""
    when = timezone.make_aware(datetime.combine(day, time(10, 0)))
    type(record).unscoped.filter(pk=record.pk).update(**{field: when})


def _indicator_thread(bu: Actor, lead: Actor, year: int) -> None:
    """The 2025/26 audit's action on drift, measured by an indicator (children on a plan for two
    years or more): completed with evidence, so the platform compares the partnership's
    published values before and after it."""
    partnership = bu.partnership
    indicator = Indicator.objects.filter(code="CSC-CPP-2Y").first()
    action = (
        Action.objects_for(partnership)
        .filter(recommendation__audit__title=BASELINE_AUDIT, measure_kind=MeasureKind.INDICATOR)
        .order_by("pk")
        .first()
    )
    if indicator is None or action is None or action.state != ActionState.OPEN:
        return
    action_services.action_edit(
        actor=bu,
        action=action,
        owner=lead.person,
        start_date=date(year, 1, 5),
        delivery_type="task_and_finish",
        indicator=indicator,
        target_value=Decimal("3"),
        measure="Children on a plan for two years or more: 3% or fewer of those on a plan.",
    )
    update = action_services.progress_update_add(
        actor=lead,
        action=action,
        rag="green",
        text="Supervision template changed: every neglect case open six months is reviewed "
        "against the plan's outcomes, and drift escalated to the service manager.",
    )
    _dated(update, "recorded_at", date(year, 2, 20))
    evidence = action_services.evidence_add(
        actor=lead,
        action=action,
        description="The data set page of the indicator, showing the quarterly figures",
        link=reverse("dataset:indicator_detail", args=[partnership.slug, indicator.code]),
    )
    _dated(evidence, "added_at", date(year, 3, 28))
    action_services.action_complete(actor=lead, action=action, completed_on=date(year, 3, 31))


def _plan_in_every_status(bu: Actor, council: Agency, police: Agency, health: Agency) -> None:
    today = timezone.localdate()
    recommendation = (
        Recommendation.objects_for(bu.partnership)
        .filter(title=PLAN_TITLE, status=Recommendation.Status.ACCEPTED)
        .first()
    )
    if recommendation is None:  # the learning cycle's demo accepts it at the executive
        return
    indicator = Indicator.objects.filter(code="CSC-ICPC15").first()
    rows: list[dict[str, Any]] = [
        {  # on track: started, due in five months
            "title": "Reserve conference slots each week so that every conference can be "
            "booked within 15 days",
            "owner_agency": council,
            "start_date": today - timedelta(days=60),
            "due_date": today + timedelta(days=150),
            "delivery_type": "policy",
            "measure_kind": MeasureKind.INDICATOR if indicator else MeasureKind.DESCRIBED,
            "indicator": indicator,
            "target_value": Decimal("85") if indicator else None,
            "measure": "85% of initial conferences held within 15 days.",
            "_update": ("green", "Slots reserved from the start of the month; bookings tracked."),
        },
        {  # at risk: due within four weeks and not started
            "title": "Brief police public protection staff on sending conference reports two "
            "days before the conference",
            "owner_agency": police,
            "due_date": today + timedelta(days=20),
            "delivery_type": "communication",
            "measure_kind": MeasureKind.DESCRIBED,
            "measure": "Reports received two days before in 9 of 10 conferences sampled.",
        },
        {  # overdue
            "title": "Agree with GP practices how they contribute to conferences they cannot "
            "attend",
            "owner_agency": health,
            "due_date": today - timedelta(days=30),
            "delivery_type": "task_and_finish",
            "measure_kind": MeasureKind.DESCRIBED,
            "measure": "A written contribution received for every conference a GP cannot attend.",
        },
        {  # not started: due in four months
            "title": "Hold a learning event on planning conferences around the child",
            "owner_agency": council,
            "due_date": today + timedelta(days=120),
            "delivery_type": "learning_event",
            "measure_kind": MeasureKind.DESCRIBED,
            "measure": "Practitioners attending say they know how to prepare (evaluation forms).",
        },
    ]
    for row in rows:
        update = row.pop("_update", None)
        values = {k: v for k, v in row.items() if v is not None}
        action = action_services.action_plan_add(actor=bu, recommendation=recommendation, **values)
        if update:
            action_services.progress_update_add(
                actor=bu, action=action, rag=update[0], text=update[1]
            )


def load_demo_actions(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None:
        return
    if Action.objects_for(partnership).filter(recommendation__title=PLAN_TITLE).exists():
        return
    agencies = {
        a.statutory_role: a
        for a in Agency.objects_for(partnership).filter(
            statutory_role__in=["local_authority", "police", "health"]
        )
    }
    if len(agencies) < 3:
        return
    bu = _actor(partnership, "business-unit")
    lead = _actor(partnership, "la-lead")
    year = current_business_year()
    with transaction.atomic():
        _closed_thread(bu, lead, agencies["local_authority"], year)
        _indicator_thread(bu, lead, year)
        _plan_in_every_status(
            bu, agencies["local_authority"], agencies["police"], agencies["health"]
        )
    if command is not None:
        count = Action.objects_for(partnership).count()
        command.stdout.write(f"Action plans: {count} actions in Northfield's log")

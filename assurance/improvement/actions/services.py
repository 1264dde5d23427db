"""Writes of action plans: an action added to an accepted recommendation's plan, edited,
updated, evidenced, completed (only with evidence), and its impact measured or judged."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assurance.audits import selectors as audit_selectors
from assurance.core.history import save_as
from assurance.core.permissions import Scope
from assurance.core.registry import delivery_namer, impact_measure
from assurance.dataset.benchmarks import selectors as dataset_selectors
from assurance.dataset.collection.selectors import partnership_series
from assurance.improvement.actions import evidence as evidence_rules
from assurance.improvement.actions import impact
from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionState,
    ActionUpdate,
    ImpactAssessment,
    ImpactMethod,
    MeasureKind,
)
from assurance.improvement.learning.models import Recommendation
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Person


def action_create(
    *,
    actor: Actor,
    title: str,
    owner_agency: Agency,
    due_date: date,
    measure_kind: str = MeasureKind.DESCRIBED,
    measure: str,
    owner: Person | None = None,
    recommendation: Recommendation | None = None,
    delivery_type: str = "",
) -> Action:
    actor.require("action.manage")
    if owner_agency.partnership_id != actor.partnership.pk:
        raise ValueError("The owner agency must belong to the partnership.")
    if owner is not None and owner.agency_id != owner_agency.pk:
        raise ValueError(f"{owner} does not work for {owner_agency}.")
    with transaction.atomic():
        action = Action(
            partnership=actor.partnership,
            recommendation=recommendation,
            title=title,
            owner_agency=owner_agency,
            owner=owner,
            due_date=due_date,
            measure_kind=measure_kind,
            measure=measure,
            delivery_type=delivery_type,
        )
        save_as(action, actor)
    return action


# The fields of an action that its form edits (services check the rules between them).
ACTION_FIELDS = (
    "title",
    "owner_agency",
    "owner",
    "start_date",
    "due_date",
    "delivery_type",
    "measure_kind",
    "measure",
    "indicator",
    "target_value",
    "standard",
    "baseline_audit",
)


def require_on_action(actor: Actor, permission: str, action: Action) -> None:
    """The actor may do ``permission`` on this action (own-agency scope: the owner agency)."""
    scope = actor.require(permission)
    if action.partnership_id != actor.partnership.pk:
        raise PermissionDenied("This action belongs to another partnership.")
    if scope is Scope.OWN_AGENCY and action.owner_agency_id != actor.agency_id:
        raise PermissionDenied("Only the owner agency's lead may change this action.")


def action_problems(values: dict[str, Any], *, partnership_id: int) -> dict[str, str]:
    """Field → what to do, for an action's values that do not fit together."""
    problems: dict[str, str] = {}
    agency: Agency | None = values.get("owner_agency")
    owner: Person | None = values.get("owner")
    if agency is not None and agency.partnership_id != partnership_id:
        problems["owner_agency"] = "Select an agency of this partnership"
    if owner is not None and agency is not None and owner.agency_id != agency.pk:
        problems["owner"] = f"Select someone who works for {agency}, or leave the owner blank"
    start, due = values.get("start_date"), values.get("due_date")
    if start and due and start > due:
        problems["start_date"] = "The start date must be on or before the due date"
    kind = values.get("measure_kind")
    if kind == MeasureKind.INDICATOR:
        if values.get("indicator") is None:
            problems["indicator"] = "Select the indicator that will show success"
        if values.get("target_value") is None:
            problems["target_value"] = "Enter the target value of the indicator"
    if kind == MeasureKind.REAUDIT:
        audit = values.get("baseline_audit")
        standard = values.get("standard")
        if audit is None:
            problems["baseline_audit"] = "Select the audit whose result is the starting point"
        elif audit.partnership_id != partnership_id:
            problems["baseline_audit"] = "Select an audit of this partnership"
        if standard is None:
            problems["standard"] = "Select the standard the re-audit will look at"
        elif (
            audit is not None
            and audit.framework is not None
            and standard.section.framework.family != audit.framework.family
        ):
            problems["standard"] = (
                f"Select a standard of the tool used in “{audit}” ({audit.framework})"
            )
    return problems


def _check(values: dict[str, Any], *, partnership_id: int) -> None:
    problems = action_problems(values, partnership_id=partnership_id)
    if problems:
        raise ValidationError(problems)


def _clear_unused_measure(action: Action) -> None:
    if action.measure_kind != MeasureKind.INDICATOR:
        action.indicator, action.target_value = None, None
    if action.measure_kind != MeasureKind.REAUDIT:
        action.standard, action.baseline_audit = None, None


def action_plan_add(
    *, actor: Actor, recommendation: Recommendation | None, **values: Any
) -> Action:
    """A SMART action in the plan of an accepted recommendation (or, with no recommendation,
    straight into the action log)."""
    actor.require("action.manage")
    if recommendation is not None:
        if recommendation.partnership_id != actor.partnership.pk:
            raise PermissionDenied("This recommendation belongs to another partnership.")
        if recommendation.status != Recommendation.Status.ACCEPTED:
            raise ValidationError(
                "Only an accepted recommendation has an action plan: this one is "
                f"{recommendation.get_status_display().lower()}."
            )
    delivered_by = values.pop("delivered_by", None)
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown action fields: {sorted(unknown)}")
    _check(values, partnership_id=actor.partnership.pk)
    action = Action(partnership=actor.partnership, recommendation=recommendation, **values)
    _clear_unused_measure(action)
    with transaction.atomic():
        save_as(action, actor)
        _name_delivery(actor, action, delivered_by)
    return action


def _name_delivery(actor: Actor, action: Action, key: str | None) -> None:
    """Name what delivers the action (a training course), through the capability that owns it
    (``core.registry``); ``None`` leaves it as it is."""
    namer = delivery_namer()
    if key is None or namer is None or namer.assign is None or namer.current is None:
        return
    if key != namer.current(action):
        namer.assign(actor, action, key)


def action_edit(*, actor: Actor, action: Action, **values: Any) -> Action:
    """Change an action. The owner agency's lead may change everything but the owner agency
    (which would hand the action to someone else: the business unit does that)."""
    require_on_action(actor, "action.update", action)
    if "owner_agency" in values and values["owner_agency"] != action.owner_agency:
        actor.require("action.manage")
    delivered_by = values.pop("delivered_by", None)
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown action fields: {sorted(unknown)}")
    merged = {name: getattr(action, name) for name in ACTION_FIELDS} | values
    _check(merged, partnership_id=actor.partnership.pk)
    for name, value in values.items():
        setattr(action, name, value)
    _clear_unused_measure(action)
    with transaction.atomic():
        save_as(action, actor)
        _name_delivery(actor, action, delivered_by)
    return action


def progress_update_add(*, actor: Actor, action: Action, rag: str, text: str) -> ActionUpdate:
    """A progress update; the first one marks the action as started."""
    require_on_action(actor, "action.update", action)
    if action.state != ActionState.OPEN:
        raise ValidationError("This action is closed: it takes no more progress updates.")
    with transaction.atomic():
        update = ActionUpdate(
            partnership=actor.partnership,
            action=action,
            rag=rag,
            text=text,
            recorded_by=actor.person,
        )
        save_as(update, actor)
        if not action.started:
            action.started = True
            action.start_date = action.start_date or timezone.localdate()
            save_as(action, actor, update_fields=["started", "start_date"])
    return update


def evidence_add(
    *,
    actor: Actor,
    action: Action,
    description: str,
    file: UploadedFile | None = None,
    link: str = "",
) -> ActionEvidence:
    """Evidence of delivery: a document (checked for type and size) or a link to a record of
    this partnership on the platform. Exactly one of the two."""
    require_on_action(actor, "action.update", action)
    if bool(file) == bool(link.strip()):
        raise ValidationError(
            {"file": "Choose a file or enter a link to a record on the platform, not both"}
            if file
            else {"file": "Choose a file, or enter a link to a record on the platform"}
        )
    evidence = ActionEvidence(
        partnership=actor.partnership, action=action, description=description, added_by=actor.person
    )
    if file:
        head = file.read(16)
        file.seek(0)
        problem = evidence_rules.file_problem(name=file.name or "", size=file.size or 0, head=head)
        if problem:
            raise ValidationError({"file": problem})
        evidence.file_name = (file.name or "evidence")[:200]
        evidence.file.save(_safe_name(file.name or "evidence"), file, save=False)
    else:
        path = evidence_rules.platform_path(link, partnership_slug=actor.partnership.slug)
        if path is None:
            raise ValidationError(
                {
                    "link": "Enter the address of a page of this partnership on the platform, "
                    f"starting /p/{actor.partnership.slug}/"
                }
            )
        evidence.link = path
    return save_as(evidence, actor)


def _safe_name(name: str) -> str:
    stem, _, extension = name.rpartition(".")
    token = timezone.now().strftime("%Y%m%d%H%M%S%f")
    return f"{token}.{extension.lower()}" if stem else token


# The measures the platform assesses itself once an action is complete
MEASURED = frozenset({MeasureKind.INDICATOR, MeasureKind.REAUDIT, MeasureKind.TRAINING})


def action_complete(*, actor: Actor, action: Action, completed_on: date | None = None) -> Action:
    """Mark an action complete: only with evidence attached. Its impact is then assessed
    automatically where the measure is an indicator or a re-audit."""
    require_on_action(actor, "action.update", action)
    if action.state != ActionState.OPEN:
        raise ValidationError("This action is already closed.")
    if not ActionEvidence.unscoped.filter(action=action).exists():
        raise ValidationError(
            "Add evidence that the action was delivered before marking it complete."
        )
    completed_on = completed_on or timezone.localdate()
    if completed_on > timezone.localdate():
        raise ValidationError(
            {"completed_on": "The date it was completed must be today or in the past"}
        )
    with transaction.atomic():
        action.state = ActionState.COMPLETE
        action.completed_at = completed_on
        action.started = True
        save_as(action, actor, update_fields=["state", "completed_at", "started"])
        if action.measure_kind in MEASURED:
            impact_assess(action=action, user=actor.user)
    return action


# --- impact -------------------------------------------------------------------------------------


def _indicator_points(action: Action) -> tuple[list[Any], str]:
    """The values to compare: the partnership's own published values of the indicator (its
    data set collection) when there are any, else the published national statistics for its
    local authority."""

    assert action.indicator is not None
    own = [
        p
        for p in partnership_series(partnership=action.partnership, indicator=action.indicator)
        if p.value is not None
    ]
    if own:
        return own, "the partnership's own published values"
    la_code = action.partnership.la_code
    if not la_code:
        return [], ""
    published = [
        r
        for r in dataset_selectors.benchmark_series(indicator=action.indicator, area_code=la_code)
        if r.value is not None
    ]
    return published, "the published national statistics for the local authority"


def indicator_impact(*, action: Action) -> impact.Verdict:
    """Compare the indicator's values before the action began and after it was completed."""
    indicator = action.indicator
    if indicator is None:
        return impact.Verdict(impact.NOT_YET, "The action names no indicator.")
    began = action.start_date or action.created_at.date()
    finished = action.completed_at or timezone.localdate()
    points, source = _indicator_points(action)
    before = [r for r in points if r.period_end <= began]
    after = [r for r in points if r.period_end > finished]
    b = max(before, key=lambda r: r.period_end, default=None)
    a = max(after, key=lambda r: r.period_end, default=None)
    verdict = impact.indicator_verdict(
        before=b.value if b else None,
        after=a.value if a else None,
        target=action.target_value,
        polarity=indicator.polarity,
        before_period=b.time_period if b else "",
        after_period=a.time_period if a else "",
    )
    verdict.figures.update(indicator=indicator.code, source=source)
    return verdict


def reaudit_impact(*, action: Action) -> impact.Verdict:
    """Compare the standard in the baseline audit with the latest later audit of its theme,
    carried out after the action was completed."""
    baseline, standard = action.baseline_audit, action.standard
    if baseline is None or standard is None:
        return impact.Verdict(impact.NOT_YET, "The action names no baseline audit or standard.")
    finished = action.completed_at or timezone.localdate()
    later = (
        audit_selectors.later_audits_of_theme(audit=baseline)
        .filter(planned_month__gte=finished.replace(day=1))
        .first()
    )
    key = (standard.section.code, standard.code)
    before = audit_selectors.standard_totals(audit=baseline).get(key, (0, 0))
    if later is None:
        return impact.Verdict(
            impact.NOT_YET,
            f"No audit of the same theme has been closed since the action was completed; "
            f"the baseline in “{baseline}” was {before[0]} of {before[1]} cases meeting "
            f"standard {standard.code}.",
            {"baseline_audit": baseline.pk, "standard": standard.code},
        )
    after = audit_selectors.standard_totals(audit=later).get(key, (0, 0))
    verdict = impact.reaudit_verdict(
        before_meeting=before[0],
        before_assessed=before[1],
        after_meeting=after[0],
        after_assessed=after[1],
        before_label=f"“{baseline}”",
        after_label=f"“{later}”",
        target=action.target_value,
    )
    verdict.figures.update(baseline_audit=baseline.pk, later_audit=later.pk, standard=standard.code)
    return verdict


def delivered_impact(*, action: Action) -> impact.Verdict:
    """The impact measured by the capability that delivers the action (training: the
    three-month change in the practitioners of the course that delivers it), through the
    registry: the learning cycle does not import the capabilities above it."""
    measure = impact_measure(action.measure_kind)
    if measure is None:
        return impact.Verdict(impact.NOT_YET, "Nothing measures this kind of action yet.")
    measured = measure.measure(action)
    return impact.Verdict(measured.outcome, measured.summary, dict(measured.figures))


def impact_assess(*, action: Action, user: Any = None) -> ImpactAssessment | None:
    """Measure a completed action's impact and record it (indicator, re-audit or training
    measures).

    Idempotent: a new record is kept only when the outcome or the figures changed."""
    if action.state != ActionState.COMPLETE:
        return None
    if action.measure_kind == MeasureKind.INDICATOR:
        verdict, method = indicator_impact(action=action), ImpactMethod.INDICATOR
    elif action.measure_kind == MeasureKind.REAUDIT:
        verdict, method = reaudit_impact(action=action), ImpactMethod.REAUDIT
    elif action.measure_kind == MeasureKind.TRAINING:
        verdict, method = delivered_impact(action=action), ImpactMethod.TRAINING
    else:
        return None
    latest = ImpactAssessment.unscoped.filter(action=action, method=method).first()
    if latest and latest.outcome == verdict.outcome and latest.summary == verdict.summary:
        return latest
    assessment = ImpactAssessment(
        partnership_id=action.partnership_id,
        action=action,
        method=method,
        outcome=verdict.outcome,
        summary=verdict.summary,
        figures=verdict.figures,
    )
    return save_as(assessment, user)


def impact_judgement_record(
    *, actor: Actor, action: Action, outcome: str, summary: str
) -> ImpactAssessment:
    """The business unit's judgement of a completed action's impact (for a described test, or
    to add what the figures cannot say)."""
    actor.require("impact.record")
    if action.partnership_id != actor.partnership.pk:
        raise PermissionDenied("This action belongs to another partnership.")
    if action.state != ActionState.COMPLETE:
        raise ValidationError("Impact can be judged once the action is complete.")
    assessment = ImpactAssessment(
        partnership=actor.partnership,
        action=action,
        method=ImpactMethod.JUDGEMENT,
        outcome=outcome,
        summary=summary,
        assessed_by=actor.person,
    )
    return save_as(assessment, actor)

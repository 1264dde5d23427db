"""The partnership's action log: SMART actions (planned for accepted recommendations), their
progress updates, evidence and impact assessments, and the log of reminders sent."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.improvement.learning.models import Recommendation
from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person


class DeliveryType(models.TextChoices):
    TRAINING = "training", "Multi-agency training"
    LEARNING_EVENT = "learning_event", "Learning event"
    POLICY = "policy", "Policy or procedure"
    COMMUNICATION = "communication", "Communication"
    TASK_AND_FINISH = "task_and_finish", "Task and finish work"


class MeasureKind(models.TextChoices):
    INDICATOR = "indicator", "An indicator reaching a target"
    REAUDIT = "reaudit", "A re-audit standard improving"
    DESCRIBED = "described", "A described test"
    TRAINING = "training", "The change in the practitioners trained (the course that delivers it)"


class ActionState(models.TextChoices):
    """What the owner records; 'on track', 'at risk' and 'overdue' are computed from dates."""

    OPEN = "open", "Open"
    COMPLETE = "complete", "Complete"
    CANCELLED = "cancelled", "Cancelled"


class Action(PartnershipScoped):
    """A SMART action in the partnership's action log."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="actions")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    title = models.CharField("what", max_length=300)
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="actions")
    owner = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="owned_actions"
    )
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField()
    delivery_type = models.CharField(max_length=20, choices=DeliveryType.choices, blank=True)
    measure_kind = models.CharField(
        "measure of success", max_length=20, choices=MeasureKind.choices
    )
    measure = models.TextField("how success will be measured")
    # What the measure compares (see impact.py): an indicator and its target, or a standard of
    # an audit tool and the audit whose result is the baseline.
    indicator = models.ForeignKey(
        "dataset.Indicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
    )
    target_value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    standard = models.ForeignKey(
        "frameworks.Item", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    baseline_audit = models.ForeignKey(
        "audits.Audit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="baseline_for_actions",
    )
    state = models.CharField(max_length=20, choices=ActionState.choices, default=ActionState.OPEN)
    started = models.BooleanField(default=False)
    completed_at = models.DateField(null=True, blank=True)
    completion_evidence = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "title"]

    def __str__(self) -> str:
        return self.title


class Rag(models.TextChoices):
    GREEN = "green", "Green: on course"
    AMBER = "amber", "Amber: some risk to delivery"
    RED = "red", "Red: will not be delivered on time without help"


class ActionUpdate(PartnershipScoped):
    """A progress update by the action's owner or their agency lead."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(
        "improvement.Action", on_delete=models.CASCADE, related_name="updates"
    )
    rag = models.CharField("rating", max_length=5, choices=Rag.choices)
    text = models.TextField("progress")
    recorded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"Update on {self.action_id} ({self.rag})"


def evidence_path(instance: ActionEvidence, filename: str) -> str:
    """Stored under the partnership, never under the name the user gave (kept separately)."""
    return f"evidence/{instance.partnership_id}/{instance.action_id}/{filename}"


class ActionEvidence(PartnershipScoped):
    """Evidence that an action was delivered: an uploaded document or a link to a record on the
    platform (an audit report, an indicator, a meeting)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(
        "improvement.Action", on_delete=models.CASCADE, related_name="evidence"
    )
    description = models.CharField(max_length=300)
    file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    file_name = models.CharField(max_length=200, blank=True)
    link = models.CharField("link to a record on the platform", max_length=300, blank=True)
    added_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.description


class ImpactMethod(models.TextChoices):
    INDICATOR = "indicator", "Indicator compared before and after"
    REAUDIT = "reaudit", "Re-audit of the standard compared with the baseline audit"
    JUDGEMENT = "judgement", "Recorded judgement"
    TRAINING = "training", "Training evaluation: the same practitioners before and three months on"


class ImpactOutcome(models.TextChoices):
    ACHIEVED = "achieved", "Achieved"
    IMPROVED = "improved", "Some improvement"
    NO_CLEAR_CHANGE = "no_clear_change", "No clear change"
    WORSE = "worse", "Worse"
    NOT_YET = "not_yet", "Not yet measurable"


IMPACT_OUTCOME_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    ImpactOutcome.ACHIEVED: "green",
    ImpactOutcome.IMPROVED: "turquoise",
    ImpactOutcome.NO_CLEAR_CHANGE: "yellow",
    ImpactOutcome.WORSE: "red",
    ImpactOutcome.NOT_YET: "grey",
}


class ImpactAssessment(PartnershipScoped):
    """The effect of a completed action, measured by the platform or judged by the business
    unit. The latest one stands; earlier ones stay as the record of how it was assessed."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(
        "improvement.Action", on_delete=models.CASCADE, related_name="impact_assessments"
    )
    method = models.CharField(max_length=20, choices=ImpactMethod.choices)
    outcome = models.CharField(max_length=20, choices=ImpactOutcome.choices)
    summary = models.TextField()
    figures = models.JSONField(default=dict, blank=True)
    assessed_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessed_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.get_method_display().lower()})"


class ReminderSent(PartnershipScoped):
    """A reminder or digest that has been sent, so that none is sent twice (a send log, not a
    domain record: no history). ``period`` is the due date a reminder was about, or the Monday
    of a digest's week."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Before the due date"
        OVERDUE = "overdue", "Overdue"
        DIGEST = "digest", "Weekly digest"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(
        "improvement.Action", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    period = models.DateField()
    recipients = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "period"],
                condition=models.Q(action__isnull=False),
                name="reminder_once_per_action",
            ),
            models.UniqueConstraint(
                fields=["partnership", "kind", "period"],
                condition=models.Q(action__isnull=True),
                name="digest_once_per_week",
            ),
        ]

"""The learning and improvement cycle: recommendations and the partnership's action log.

Begun by the audits capability (an audit's recommendations become actions); the learning-cycle
capability adds learning items, themes, meetings and decisions that point at these same records.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person


class Recommendation(PartnershipScoped):
    """Something the partnership is asked to do, and where the ask came from."""

    class Source(models.TextChoices):
        AUDIT = "audit", "Multi-agency case file audit"
        DATASET = "dataset", "Data set exception"
        REVIEW = "review", "Rapid review or practice review"
        INSPECTION = "inspection", "Inspection or peer review"
        SELF_ASSESSMENT = "self_assessment", "Single-agency or Section 11 audit"
        FEEDBACK = "feedback", "Feedback from children and families"
        NATIONAL = "national", "National review, regional developments or legislation"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Awaiting decision"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        DEFERRED = "deferred", "Deferred"
        MORE_INFO = "more_info", "More information asked for"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="recommendations"
    )
    title = models.CharField(max_length=200)
    text = models.TextField()
    source = models.CharField(max_length=20, choices=Source.choices)
    audit = models.ForeignKey(
        "audits.Audit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


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


# Progress updates, evidence and impact assessments of actions (issue 5: action plans and impact).
from assurance.improvement.action_models import (  # noqa: E402, F401
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
    ReminderSent,
)

# Learning items, themes, meetings, decisions and challenges (issue 5: the learning cycle).
from assurance.improvement.learning_models import (  # noqa: E402, F401
    AgendaItem,
    Attendance,
    Challenge,
    Decision,
    DecisionVote,
    LearningDocument,
    LearningItem,
    LearningTheme,
    Meeting,
    MeetingPaper,
)

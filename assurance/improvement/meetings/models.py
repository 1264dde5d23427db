"""Meetings of the partnership's groups (agenda, attendance, papers as links to the platform's
reports, minutes) and the decisions taken there on recommendations, with the quorum and the
votes as they stood. The pure rules of quorum and votes are in ``partnerships/terms.py``."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.improvement.learning.models import LearningItem
from assurance.partnerships.models import (
    Agency,
    Group,
    Partnership,
    PartnershipScoped,
    Person,
)

# --- meetings ----------------------------------------------------------------------------------


class Meeting(PartnershipScoped):
    """A meeting of one of the partnership's groups."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="meetings")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("date")
    location = models.CharField(max_length=200, blank=True)
    minutes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "group__short_name"]

    def __str__(self) -> str:
        return f"{self.group.short_name} meeting, {self.held_on:%-d %B %Y}"


class AgendaKind(models.TextChoices):
    LEARNING = "learning", "New learning"
    RECOMMENDATION = "recommendation", "Recommendation awaiting decision"
    ACTION = "action", "Action due or overdue"
    EXCEPTION = "exception", "Data set exception"
    OTHER = "other", "Other business"


class AgendaItem(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=AgendaKind.choices)
    title = models.CharField(max_length=300)
    learning_item = models.ForeignKey(
        LearningItem, on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items"
    )
    recommendation = models.ForeignKey(
        "improvement.Recommendation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    action = models.ForeignKey(
        "improvement.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title


class Attendance(PartnershipScoped):
    """Who came (or sent apologies), for which agency, and whether they hold a seat."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="attendances")
    is_member = models.BooleanField(
        "member of the group", default=True, help_text="Holds a seat (not just invited)."
    )
    present = models.BooleanField(default=True, help_text="Unticked: sent apologies.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.agency.short_name})"


class PaperKind(models.TextChoices):
    AUDIT_REPORT = "audit_report", "Multi-agency audit report"
    HIGHLIGHT_REPORT = "highlight_report", "Highlight report"
    INDICATOR = "indicator", "Data set indicator"


class MeetingPaper(PartnershipScoped):
    """A paper for the meeting: a link to a report the platform generates, never a copy."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    kind = models.CharField(max_length=20, choices=PaperKind.choices)
    audit = models.ForeignKey(
        "audits.Audit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        "dataset.Indicator", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


# --- decisions ---------------------------------------------------------------------------------


class DecisionOutcome(models.TextChoices):
    ACCEPT = "accept", "Accept"
    REJECT = "reject", "Reject"
    DEFER = "defer", "Defer"
    MORE_INFO = "more_info", "Ask for more information"


class Decision(PartnershipScoped):
    """A group's decision on a recommendation, with the quorum and the vote as they stood."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="decisions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    recommendation = models.ForeignKey(
        "improvement.Recommendation", on_delete=models.PROTECT, related_name="decisions"
    )
    outcome = models.CharField(max_length=20, choices=DecisionOutcome.choices)
    reasons = models.TextField()
    quorate = models.BooleanField()
    quorum_explanation = models.TextField()
    voted = models.BooleanField(default=False)
    votes_for = models.PositiveSmallIntegerField(default=0)
    votes_against = models.PositiveSmallIntegerField(default=0)
    abstentions = models.PositiveSmallIntegerField(default=0)
    carried = models.BooleanField(null=True, blank=True)
    tally_explanation = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.recommendation}"

    @property
    def takes_effect(self) -> bool:
        """Whether the decision stands: no vote was needed, or the motion was carried."""
        return self.carried is not False


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"


class DecisionVote(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    attendance = models.ForeignKey(Attendance, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=10, choices=VoteChoice.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["attendance__agency__name"]

    def __str__(self) -> str:
        return f"{self.attendance}: {self.get_choice_display()}"

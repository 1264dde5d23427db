"""The independent scrutineer's challenges to agencies, their answers and outcomes."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.models import (
    Agency,
    Partnership,
    PartnershipScoped,
    Person,
)

# --- independent scrutiny ----------------------------------------------------------------------


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Awaiting an answer"
    ANSWERED = "answered", "Answered: awaiting the scrutineer"
    CLOSED = "closed", "Closed"


CHALLENGE_STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    ChallengeStatus.OPEN: "blue",
    ChallengeStatus.ANSWERED: "yellow",
    ChallengeStatus.CLOSED: "green",
    "overdue": "red",  # an open challenge past its answer date shows "Answer overdue"
}


class ChallengeOutcome(models.TextChoices):
    RESOLVED = "resolved", "Resolved: the answer gives assurance"
    PARTLY = "partly", "Partly resolved: further work agreed"
    NOT_RESOLVED = "not_resolved", "Not resolved: escalated to the safeguarding partners"


class Challenge(PartnershipScoped):
    """The independent scrutineer's challenge to an agency (and, if named, a person)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="challenges"
    )
    raised_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="challenges", verbose_name="to agency"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges_received",
        verbose_name="to person",
    )
    subject = models.CharField("about", max_length=200)
    detail = models.TextField("the challenge")
    raised_on = models.DateField()
    respond_by = models.DateField("answer by")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="challenges"
    )
    recommendation = models.ForeignKey(
        "improvement.Recommendation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges",
    )
    answer = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    outcome = models.CharField(max_length=20, choices=ChallengeOutcome.choices, blank=True)
    outcome_notes = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["respond_by", "pk"]

    def __str__(self) -> str:
        return self.subject

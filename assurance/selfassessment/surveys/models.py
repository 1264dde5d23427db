"""What staff say: the practitioners' survey of each organisation taking part in a round.

A ``StaffSurvey`` is one organisation's (a participant's) open link: a random token, open until
the round's deadline or until the business unit closes it. A ``StaffResponse`` is one
practitioner's answers, stored with nothing that identifies them: no name, no e-mail, no
address, no time of day (the date only), and free text only when it holds no identifier."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped
from assurance.selfassessment.rounds.models import Participant


class StaffAnswer(models.TextChoices):
    """The practitioners' scale for each standard, asked as "In my organisation …"."""

    AGREE = "agree", "Agree"
    PARTLY = "partly", "Partly agree"
    DISAGREE = "disagree", "Disagree"
    DONT_KNOW = "dont_know", "I don't know"


class StaffSurvey(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_staff_surveys"
    )
    participant = models.OneToOneField(
        Participant, on_delete=models.PROTECT, related_name="staff_survey"
    )
    token = models.CharField(max_length=43, unique=True, editable=False)
    closed_at = models.DateTimeField("closed by the business unit", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["participant__round", "participant__pk"]

    def __str__(self) -> str:
        return f"Practitioners' survey: {self.participant.name}"


class StaffResponse(PartnershipScoped):
    """One practitioner's answers: {standard code: answer} and an optional comment."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_staff_responses"
    )
    survey = models.ForeignKey(StaffSurvey, on_delete=models.PROTECT, related_name="responses")
    answered_on = models.DateField()
    answers = models.JSONField(default=dict)
    comment = models.TextField(blank=True)

    history = HistoricalRecords()
    # When set, the date of the history row being written (django-simple-history): the day
    # the response was sent, never its time, which could tell who sent it
    _history_date: datetime

    class Meta:
        ordering = ["survey", "pk"]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.survey}"


class SurveyRequests(PartnershipScoped):
    """How many responses were taken through a survey's link from one network in one clock
    hour: the rate limit's counter (``core.rate_limits``, as the child's feedback form counts).
    Not a domain record, so no history: earlier hours' rows are deleted as new ones are
    counted, and the network is a keyed digest, never its address."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(StaffSurvey, on_delete=models.CASCADE, related_name="+")
    client_digest = models.CharField(max_length=64)  # HMAC-SHA256, hex
    hour = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "client_digest", "hour"], name="sa_survey_requests_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} responses in the hour from {self.hour:%H:00}"

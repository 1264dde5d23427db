"""The evaluation of a course on the assessment engine: a questionnaire per stage (a framework
generated from the course's learning outcomes), a personal invitation per attendee (or their
manager) and stage, and each response kept against the practitioner's pseudonymous respondent
id, never their name."""

from __future__ import annotations

import secrets

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.frameworks.models import Assessment, Framework
from assurance.partnerships.models import Partnership, PartnershipScoped
from assurance.training.bookings.models import Booking
from assurance.training.courses.models import Course
from assurance.training.sessions.models import TrainingSession


class Stage(models.TextChoices):
    """The four questionnaires of a course (the values of ``analysis.Stage``)."""

    BEFORE = "before", "Before the course"
    END = "end", "At the end of the course"
    THREE_MONTHS = "three_months", "Three months after"
    MANAGER = "manager", "Line manager, three months after"


def new_invitation_nonce() -> str:
    return secrets.token_hex(16)


class Questionnaire(PartnershipScoped):
    """The questionnaire a course's respondents answer at one stage: the current version of a
    framework generated from its learning outcomes. When the outcomes change, a new version of
    the same framework is made (a version that has answers never changes)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questionnaires")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["course", "stage"], name="training_questionnaire_one_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course}: {self.get_stage_display()}"


class Invitation(PartnershipScoped):
    """A personal link to one stage's questionnaire, for an attendee (or, at the manager's
    stage, their line manager): open from ``opens_at`` to ``closes_at``, answered once."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="invitations")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    # The e-mails sent (the invitation, then reminders) and when the last went.
    sends = models.PositiveSmallIntegerField(default=0)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    nonce = models.CharField(max_length=32, default=new_invitation_nonce)
    history = HistoricalRecords(excluded_fields=["nonce", "sends", "last_sent_at"])

    class Meta:
        ordering = ["opens_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "stage"], name="training_invitation_one_per_stage"
            )
        ]
        indexes = [models.Index(fields=["answered_at", "closes_at"])]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} for {self.booking.respondent_id}"


class Response(PartnershipScoped):
    """One stage's questionnaire answered: the answers are the assessment's; who answered is
    only the pseudonymous respondent id (the manager's answers carry the practitioner's id, so
    they pair with the practitioner's own)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="responses")
    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="responses")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    respondent_id = models.CharField(max_length=20)
    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="training_response"
    )
    submitted_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "respondent_id"], name="training_response_once"
            )
        ]
        indexes = [models.Index(fields=["course", "stage"])]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} by {self.respondent_id}"

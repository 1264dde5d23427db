"""Rounds of self-assessment: a framework (a shipped or uploaded self-assessment tool), a
business year, who takes part (the partnership's agencies, or its open schools and colleges of
the phases and types chosen) and the deadline. Each participant's state is its own row: not
started until its return is begun, then in progress, then submitted."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from assurance.core.business_year import business_year_label
from assurance.frameworks.models import Framework
from assurance.partnerships.models import Agency, Partnership, PartnershipScoped
from assurance.selfassessment.settings.models import Setting


class Audience(models.TextChoices):
    AGENCIES = "agencies", "The partnership's agencies"
    SETTINGS = "settings", "Schools and colleges"


class ParticipantStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"


PARTICIPANT_STATUS_COLOURS = {
    ParticipantStatus.NOT_STARTED: "grey",
    ParticipantStatus.IN_PROGRESS: "blue",
    ParticipantStatus.SUBMITTED: "green",
}


class Round(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_rounds"
    )
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="selfassessment_rounds"
    )
    year = models.PositiveIntegerField(
        "business year", help_text="The year the round starts in: 2025 is 2025/26."
    )
    every_years = models.PositiveSmallIntegerField("runs every (years)", default=1)
    audience = models.CharField("who takes part", max_length=8, choices=Audience.choices)
    phases = models.JSONField(
        "phases of education", default=list, blank=True, help_text="Empty: every phase."
    )
    type_groups = models.JSONField(
        "types of establishment", default=list, blank=True, help_text="Empty: every type."
    )
    deadline = models.DateField()
    opened_at = models.DateTimeField("opened")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "framework__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "framework", "year"], name="sa_round_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.framework.name} {self.year_label}"

    @property
    def year_label(self) -> str:
        return business_year_label(self.year)

    @property
    def is_past_deadline(self) -> bool:
        return self.deadline < timezone.localdate()


class Participant(PartnershipScoped):
    """An agency or a setting asked to assess itself in a round."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_participants"
    )
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="participants")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="selfassessment_participations",
    )
    setting = models.ForeignKey(
        Setting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    status = models.CharField(
        max_length=11, choices=ParticipantStatus.choices, default=ParticipantStatus.NOT_STARTED
    )
    submitted_at = models.DateTimeField("submitted", null=True, blank=True)
    # How many times the row has changed since it was made: each save adds one in the database
    # (``UPDATE … SET version = version + 1``, so that two saves at once both count), and so
    # does a chase. The round's participants' versions added up
    # (``dashboard.selectors.completion``) move on with any change to what the dashboard shows
    # of them: what its drawn rows are kept under (ADR 056). Not a change of its own: not in the
    # history. After a save the instance holds the expression, as Django's F() assignments do:
    # read the number with refresh_from_db.
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False, setting__isnull=True)
                | models.Q(agency__isnull=True, setting__isnull=False),
                name="sa_participant_agency_or_setting",
            ),
            models.UniqueConstraint(fields=["round", "agency"], name="sa_participant_agency"),
            models.UniqueConstraint(fields=["round", "setting"], name="sa_participant_setting"),
        ]
        indexes = [models.Index(fields=["round", "status"], name="sa_participant_status")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            self.version = models.F("version") + 1  # type: ignore[assignment]
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        if self.setting is not None:
            return self.setting.name
        return self.agency.name if self.agency is not None else ""


class ReminderSent(PartnershipScoped):
    """The send log of reminders: one row per participant and kind, so each goes once."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_reminders"
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=13)
    sent_at = models.DateTimeField()
    recipients = models.TextField()

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "kind"], name="sa_reminder_once")
        ]

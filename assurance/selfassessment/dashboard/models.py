"""Chases: the business unit's e-mail to a participant that has not submitted, asking it to.

One row per participant chased, naming who chased, when and to whom the e-mail went, with its
history; the dashboard shows the latest as "last chased". The e-mails themselves are sent by a
django-tasks task (``tasks.send_chases``), which stamps ``sent_at``."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Person
from assurance.selfassessment.rounds.models import Participant


class Chase(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_chases"
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="chases")
    chased_at = models.DateTimeField("chased")
    chased_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, related_name="selfassessment_chases"
    )
    recipients = models.TextField("sent to")
    sent_at = models.DateTimeField("e-mail sent", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-chased_at", "pk"]
        indexes = [
            models.Index(fields=["participant", "chased_at"], name="sa_chase_participant"),
        ]

    def __str__(self) -> str:
        return f"Chase of {self.participant} on {self.chased_at:%d %B %Y}"

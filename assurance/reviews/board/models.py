"""The send log of review reminders, so that none is sent twice (a log, not a domain record:
no history, like the action log's ``ReminderSent``)."""

from __future__ import annotations

from django.db import models

from assurance.partnerships.models import Partnership, PartnershipScoped
from assurance.reviews.notifications.models import SeriousIncident


class ReviewReminderSent(PartnershipScoped):
    class Kind(models.TextChoices):
        BEFORE = "before", "Before the deadline"
        MISSED = "missed", "Deadline missed"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    incident = models.ForeignKey(SeriousIncident, on_delete=models.CASCADE, related_name="+")
    deadline = models.CharField(max_length=20)  # the timeline's key: notification, rapid_review…
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due = models.DateField()
    recipients = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "deadline", "kind", "due"], name="review_reminder_once"
            ),
        ]

"""The rapid review of a serious incident: when it was sent to the Panel, what it recommended,
the review meeting (a meeting of the learning cycle's meetings, with its attendance), what the
safeguarding partners decided there (only at a meeting quorate with all three of them present;
the quorum as it stood is kept with the decision), the Panel's response and the scrutineer's
review of the decision. One per serious incident, made when the first of these is recorded."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Person
from assurance.reviews.notifications.models import SeriousIncident


class Outcome(models.TextChoices):
    CSPR = "cspr", "A local child safeguarding practice review"
    NO_CSPR = "no_cspr", "No practice review"
    OTHER_LEARNING = "other_learning", "Other learning (a single-agency review, a thematic audit)"


class RapidReview(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="rapid_reviews"
    )
    incident = models.OneToOneField(
        SeriousIncident, on_delete=models.PROTECT, related_name="rapid_review"
    )
    sent_on = models.DateField("date sent to the Panel", null=True, blank=True)
    recommendation = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    recommendation_reasons = models.TextField(blank=True)
    meeting = models.ForeignKey(
        "improvement.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="the review meeting",
    )
    decision = models.CharField(
        "the safeguarding partners' decision", max_length=20, choices=Outcome.choices, blank=True
    )
    decided_on = models.DateField("date of the decision", null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    decision_quorum = models.TextField(
        "the review meeting's quorum when the decision was recorded", blank=True
    )
    panel_response = models.TextField("the Panel's response", blank=True)
    panel_response_on = models.DateField("date of the Panel's response", null=True, blank=True)
    scrutineer_review = models.TextField("the scrutineer's review of the decision", blank=True)
    scrutineer_reviewed_on = models.DateField(null=True, blank=True)
    scrutineer = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-incident__became_aware_on", "-pk"]

    def __str__(self) -> str:
        return f"Rapid review of {self.incident.reference}"

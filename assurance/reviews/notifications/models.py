"""A serious incident notification: the facts the partnership needs and no more.

A pseudonymised reference (made by the service, never typed), an age band, the kind of incident,
the date the local authority became aware of it, the area, whether the child was looked after
and the agencies involved; who notified the Child Safeguarding Practice Review Panel and when,
and the Panel's reference. No child's name, date of birth or address is stored. The people named
on it (its panel) may read it and what follows from it; everyone else in the partnership sees
only anonymised counts.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person


class AgeBand(models.TextChoices):
    UNDER_ONE = "under_1", "Under 1"
    ONE_TO_FOUR = "1_4", "1 to 4"
    FIVE_TO_NINE = "5_9", "5 to 9"
    TEN_TO_FIFTEEN = "10_15", "10 to 15"
    SIXTEEN_PLUS = "16_17", "16 or 17"


class IncidentType(models.TextChoices):
    DEATH = "death", "A child died"
    SERIOUS_HARM = "serious_harm", "A child was seriously harmed"


class SeriousIncident(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="serious_incidents"
    )
    reference = models.CharField(max_length=20)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    incident_type = models.CharField(max_length=20, choices=IncidentType.choices)
    summary = models.TextField(
        "what happened", help_text="In a few sentences, without names, dates of birth or addresses."
    )
    became_aware_on = models.DateField("date the local authority became aware")
    area = models.CharField(
        "area where it happened", max_length=100, help_text="The locality or ward, not an address."
    )
    looked_after = models.BooleanField("looked-after child", default=False)
    agencies = models.ManyToManyField(Agency, related_name="serious_incidents", blank=True)
    panel = models.ManyToManyField(
        Person,
        related_name="reviews_on_panel",
        blank=True,
        help_text="The people who may read this review's record and papers.",
    )
    notified_on = models.DateField("date the Panel was notified", null=True, blank=True)
    notified_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    panel_reference = models.CharField("the Panel's reference", max_length=40, blank=True)
    # A looked-after child's death: Ofsted and the Secretary of State are also notified
    ofsted_notified_on = models.DateField("date Ofsted was notified", null=True, blank=True)
    secretary_of_state_notified_on = models.DateField(
        "date the Secretary of State was notified", null=True, blank=True
    )
    recorded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[agencies, panel])

    class Meta:
        ordering = ["-became_aware_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="serious_incident_reference_once"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def needs_regulator_notices(self) -> bool:
        """A looked-after child died: Ofsted and the Secretary of State must be told too."""
        return self.looked_after and self.incident_type == IncidentType.DEATH

"""A partnership's own closure days: days its offices are shut (the days between Christmas
and New Year, say), which the statutory clock does not count as working days."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped


class ClosureDay(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="closure_days"
    )
    day = models.DateField("closure day")
    reason = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "day"], name="closure_day_once"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%-d %B %Y}: {self.reason}"

"""The localities a partnership defines (ward or locality names), so that an indicator can be
collected and shown by locality. Imported by the app's ``models.py``."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped

NAME_LENGTH = 80


class Locality(PartnershipScoped):
    """A ward or locality of the partnership's area. A locality no longer used is kept (its
    figures stay in the breakdowns of the periods it was collected in), not deleted."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=NAME_LENGTH)
    description = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example the wards it covers. Shown to agencies entering figures.",
    )
    is_active = models.BooleanField(
        "in use",
        default=True,
        help_text="Agencies enter a figure for every locality in use.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "localities"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="dataset_locality_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

"""A partnership's use of an indicator in one business year: its target, tolerance and the
priorities whose scorecards show it (``IndicatorSetting``)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.dataset.catalogue.models import Indicator
from assurance.partnerships.models import Partnership, PartnershipScoped, Priority


class IndicatorSetting(PartnershipScoped):
    """A partnership's use of an indicator in one business year: target, tolerance and the
    priorities it reports under."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="settings")
    business_year = models.PositiveSmallIntegerField(
        help_text="The year in which the business year starts: 2026 means April 2026 to March 2027."
    )
    target = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="How far from the target (in the indicator's unit) still counts as amber.",
    )
    priorities = models.ManyToManyField(Priority, blank=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "indicator", "business_year"],
                name="dataset_setting_unique_year",
            )
        ]

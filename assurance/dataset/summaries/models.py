"""How current a partnership's data set summaries are: a version number that every change of
what they are computed from moves on (``SummaryVersion``). The summary rows themselves are the
performance pages' (``performance.models.IndicatorSummary``); each records the version it was
computed at, so a row older than its partnership's version is never shown as current (ADR 023).
"""

from __future__ import annotations

from django.db import models

from assurance.partnerships.models import Partnership, PartnershipScoped


class SummaryVersion(PartnershipScoped):
    """One partnership's data version: moved on by publishing a round, revising a published
    value, importing national statistics, changing a target or the catalogue. A derived
    counter, not a record anyone edits: no history (what moves it has its own)."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.partnership_id}: version {self.version}"

"""The summary rows the performance pages read (ADR 023): for each partnership, business year
and indicator of its data set, what its scorecard row and its exception-report entry say — the
latest value, target and RAG, direction of travel, the SPC verdicts, England, the region and
the statistical neighbours, the last values of the trend, the commentary and the reasons it is
an exception. Computed when the figures change (``services.summaries_refresh``, run by
``tasks.summaries_refresh`` and on a page that finds them stale), never edited."""

from __future__ import annotations

from typing import Any

from django.db import models

from assurance.dataset.benchmarks.rules import DIRECTION_LABELS, RAG_LABELS, Direction, Rag
from assurance.dataset.catalogue.models import Indicator, Source
from assurance.dataset.charts.icons import SpcIcon, variation_icon_of
from assurance.dataset.charts.spc import Polarity, Variation
from assurance.partnerships.models import Partnership, PartnershipScoped

SOURCE_LABELS: dict[str, str] = {
    Source.AGENCY_RETURN: "Partnership's published returns",
    Source.NATIONAL_STATISTICS: "Published national statistics",
}


def _figure(max_digits: int = 16) -> models.DecimalField[Any, Any]:
    return models.DecimalField(max_digits=max_digits, decimal_places=4, null=True, blank=True)


class IndicatorSummary(PartnershipScoped):
    """One indicator's summary for one partnership and business year. Derived from records that
    keep their own history (values, revisions, targets, national statistics): no history of
    its own. ``version`` is the partnership's data version it was computed at and ``inputs``
    the fingerprint of the target, the indicator's definition and the partnership's comparison
    settings it used: a row whose version or fingerprint is not current is never shown."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    business_year = models.PositiveSmallIntegerField()
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField()
    inputs = models.CharField(max_length=64)
    computed_at = models.DateTimeField()
    # the latest value and its verdicts
    time_period = models.CharField(max_length=20, blank=True)
    value = _figure()
    revised = models.BooleanField(default=False)
    target = _figure(14)
    tolerance = _figure(14)
    rag = models.CharField(max_length=8, blank=True)
    direction = models.CharField(max_length=12, blank=True)
    variation = models.CharField(max_length=32, blank=True)
    assurance = models.CharField(max_length=24, blank=True)
    # the published national figures it is compared with (the LA's latest published period)
    compared_period = models.CharField(max_length=20, blank=True)
    england = _figure()
    region_name = models.CharField(max_length=100, blank=True)
    region = _figure()
    neighbours = models.PositiveSmallIntegerField(default=0)
    neighbours_average = _figure()
    # [[period, "value" or null], …] oldest first, the last points of the trend
    trend = models.JSONField(default=list, blank=True)
    # [[agency, text], …] with the latest value
    commentary = models.JSONField(default=list, blank=True)
    # why the executive's exception report lists it (empty: it is not an exception)
    exception_reasons = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "business_year", "indicator"],
                name="dataset_summary_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.business_year} (version {self.version})"

    # what the scorecard and the exception report show: display.py, from these fields

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[Direction(self.direction)] if self.direction else ""

    # what other capabilities read of one row (the annual report); the data set's own pages
    # draw their rows through display.py

    @property
    def rag_label(self) -> str:
        return RAG_LABELS[Rag(self.rag)] if self.rag else ""

    @property
    def value_text(self) -> str:
        return self.indicator.with_unit(self.value)

    @property
    def variation_icon(self) -> SpcIcon:
        return variation_icon_of(
            Variation(self.variation) if self.variation else None,
            Polarity(self.indicator.polarity),
        )

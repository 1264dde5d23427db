"""Published national statistics: one row per indicator, area (England, a region, a local
authority) and period (``Benchmark``). Global and read-only for partnerships, loaded by
``import_benchmarks`` from the shipped DfE files (docs/adr/006-benchmarks-global-values-scoped.md).
Time series are rows, not columns (CONVENTIONS "Data")."""

from __future__ import annotations

from django.db import models

from assurance.dataset.catalogue.models import Frequency, Indicator


class AreaLevel(models.TextChoices):
    NATIONAL = "national", "National"
    REGIONAL = "regional", "Regional"
    LOCAL_AUTHORITY = "local_authority", "Local authority"


class MissingReason(models.TextChoices):
    """Published suppression and not-applicable markers (DfE open-data conventions)."""

    SUPPRESSED = "c", "Suppressed (c)"
    NOT_AVAILABLE = "x", "Not available (x)"
    NOT_APPLICABLE = "z", "Not applicable (z)"
    LESS_THAN_HALF = "k", "Fewer than 0.5 (k)"
    LOW_RELIABILITY = "u", "Low reliability (u)"
    LOW = "low", "Rounds to zero (low)"
    NOT_COLLECTED = ".", "Not collected (.)"
    NOT_PUBLISHED = ":", "Not published (:)"
    BLANK = "blank", "Blank in the source"


class Benchmark(models.Model):
    """One published figure: an indicator for an area (England, a region, a local authority)
    and a period. Global and read-only for partnerships; loaded by ``import_benchmarks``."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="benchmarks")
    area_code = models.CharField(
        max_length=30,
        help_text="ONS code, e.g. E92000001 (England); a joint service of two LAs is published "
        "as both codes, e.g. 'E06000061 / E06000062'.",
    )
    area_level = models.CharField(max_length=16, choices=AreaLevel.choices)
    area_name = models.CharField(max_length=100)
    la_number = models.CharField(max_length=3, blank=True, help_text="DfE 3-digit LA number.")
    region_code = models.CharField(max_length=9, blank=True)
    period_type = models.CharField(max_length=10, choices=Frequency.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    time_period = models.CharField(max_length=20, help_text="As published, e.g. 2025.")
    numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    missing_reason = models.CharField(
        max_length=5, choices=MissingReason.choices, blank=True, help_text="Why value is empty."
    )
    published = models.BooleanField(default=True)
    source_file = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area_code", "period_type", "period_start"],
                name="dataset_benchmark_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False, missing_reason="")
                | models.Q(value__isnull=True) & ~models.Q(missing_reason=""),
                name="dataset_benchmark_value_or_reason",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "area_code", "period_start"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area_code} {self.time_period}"

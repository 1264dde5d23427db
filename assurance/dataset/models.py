"""The multi-agency data set: the indicator catalogue, partnership settings per business year,
and benchmark observations from published national statistics.

Time series are rows, not columns (CONVENTIONS "Data"). National statistics are global and
read-only for partnerships (``Benchmark``); values that partners submit will live in a separate
partnership-scoped model of the same shape (docs/adr/006-benchmarks-global-values-scoped.md).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Priority, Sector

from .spc import Polarity as SpcPolarity


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_10K = "rate_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"
    RATIO = "ratio", "Ratio"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = SpcPolarity.HIGHER_IS_BETTER.value, "Higher is better"
    LOWER_IS_BETTER = SpcPolarity.LOWER_IS_BETTER.value, "Lower is better"
    NEITHER = SpcPolarity.NEITHER.value, "Neither"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"


class Source(models.TextChoices):
    AGENCY_RETURN = "agency_return", "Agency return"
    NATIONAL_STATISTICS = "national_statistics", "Published national statistics"


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


code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$", "Use capital letters, digits and hyphens, like CSC-REF"
)


class Indicator(models.Model):
    """One measure of the data set, with its definition (global: the shared catalogue)."""

    code = models.CharField(max_length=30, unique=True, validators=[code_validator])
    title = models.CharField(max_length=200)
    definition = models.TextField(help_text="Plain-English definition.")
    numerator_definition = models.TextField(blank=True)
    denominator_definition = models.TextField(blank=True)
    unit = models.CharField(max_length=12, choices=Unit.choices)
    polarity = models.CharField(max_length=8, choices=Polarity.choices)
    owning_sector = models.CharField(
        max_length=30, choices=Sector.choices, help_text="The type of agency that reports it."
    )
    phase = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    source = models.CharField(max_length=20, choices=Source.choices)
    national_measure = models.CharField(
        max_length=200,
        blank=True,
        help_text="The published national measure it matches, e.g. 'DfE CIN census: "
        "rereferral_percent'.",
    )
    themes = models.CharField(
        max_length=200,
        blank=True,
        help_text="Comma-separated themes, e.g. 'neglect, exploitation'.",
    )
    decimal_places = models.PositiveSmallIntegerField(default=0)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["phase", "order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def needs_denominator(self) -> bool:
        return self.unit in (Unit.PERCENTAGE, Unit.RATE_10K, Unit.RATIO)


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


# Quarterly collection (rounds, submitted values, sign-offs, revisions) lives in its own module.
from .collection_models import (  # noqa: E402, F401
    AgencySignOff,
    Chase,
    CollectionRound,
    IndicatorValue,
    Revision,
    RoundStatus,
)

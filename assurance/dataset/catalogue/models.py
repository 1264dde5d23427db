"""The indicator catalogue: each measure of the multi-agency data set, with its definition,
unit, polarity, owning sector, phase, frequency and source. National indicators are global
(shared by every partnership); a partnership's local indicators are its own (``partnership``),
versioned: a changed definition is a ``DefinitionChange``, from which its series starts again.
Each partnership chooses the phases it has adopted and from when (``PhaseAdoption``) and which
of its agencies report each indicator (``IndicatorAssignment``)."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from assurance.dataset.charts.spc import Polarity as SpcPolarity
from assurance.partnerships.models import (
    Agency,
    Partnership,
    PartnershipScoped,
    Person,
    Sector,
)


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_10K = "rate_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"
    RATIO = "ratio", "Ratio"


# How a value is written with its unit ("42.5%", "61.3 per 10,000", "38 days") and what the
# value axis of a chart says above it.
UNIT_SUFFIXES = {
    "count": "",
    "percentage": "%",
    "rate_10k": " per 10,000",
    "days": " days",
    "ratio": "",
}
AXIS_UNITS = {
    "count": "Number",
    "percentage": "Per cent (%)",
    "rate_10k": "Rate per 10,000 children",
    "days": "Days",
    "ratio": "Ratio",
}


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


code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$", "Use capital letters, digits and hyphens, like CSC-REF"
)


class Indicator(models.Model):
    """One measure of the data set, with its definition: national (no ``partnership``, the
    shared catalogue) or a partnership's own local indicator."""

    code = models.CharField(max_length=30, validators=[code_validator])
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_indicators",
        help_text="The partnership of a local indicator; empty for a national one.",
    )
    owner = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_indicators",
        help_text="The agency that answers for a local indicator.",
    )
    version = models.PositiveSmallIntegerField(
        default=1, help_text="Its definition's version: a changed definition starts a new one."
    )
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
    benchmark_source = models.CharField(
        max_length=300,
        blank=True,
        help_text="The publication its national benchmark rows come from, with its publisher, "
        "e.g. 'DfE, Characteristics of children in need, table C1'.",
    )
    no_benchmark_reason = models.TextField(
        blank=True,
        help_text="Why no national figure is shown beside the partnership's own, when none is.",
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
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(partnership__isnull=True),
                name="dataset_indicator_national_code",
            ),
            models.UniqueConstraint(
                fields=["partnership", "code"], name="dataset_indicator_local_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_local(self) -> bool:
        return self.partnership_id is not None

    @property
    def axis_unit(self) -> str:
        """What a chart's value axis measures, written above it."""
        return AXIS_UNITS.get(self.unit, self.get_unit_display())

    def with_unit(self, value: Any) -> str:
        """A value of this indicator at its decimal places with its unit: "42.5%", "1,204"."""
        if value is None:
            return ""
        return f"{value:,.{self.decimal_places}f}{UNIT_SUFFIXES.get(self.unit, '')}"

    @property
    def needs_denominator(self) -> bool:
        return self.unit in (Unit.PERCENTAGE, Unit.RATE_10K, Unit.RATIO)


# What the business unit writes of a local indicator, besides its code and the agency that
# answers for it: the one list the form, the services and the API serializer take.
LOCAL_FIELDS = (
    "title",
    "definition",
    "numerator_definition",
    "denominator_definition",
    "unit",
    "polarity",
    "frequency",
    "phase",
    "decimal_places",
)

# The fields of a local indicator whose change makes its figures a different measure.
DEFINITION_FIELDS = (
    "definition",
    "numerator_definition",
    "denominator_definition",
    "unit",
    "polarity",
    "frequency",
)


class DefinitionChange(models.Model):
    """A local indicator's definition changed: from ``starts`` its figures are measured by
    version ``version`` (the fields as they became), so its SPC chart starts a new series
    there rather than read the change as a signal."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="definition_changes"
    )
    version = models.PositiveSmallIntegerField()
    starts = models.DateField(help_text="The first day of the first period it applies to.")
    reason = models.TextField(help_text="Why the definition changed.")
    definition = models.TextField()
    numerator_definition = models.TextField(blank=True)
    denominator_definition = models.TextField(blank=True)
    unit = models.CharField(max_length=12, choices=Unit.choices)
    polarity = models.CharField(max_length=8, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "version"], name="dataset_definition_change_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} version {self.version} from {self.starts}"


PHASES = (1, 2, 3)


class PhaseAdoption(PartnershipScoped):
    """A partnership collects the indicators of a phase of the data set from ``adopted_from``
    (the first day of the first period collected). A phase without a row is not adopted; a
    partnership with no row at all has not chosen yet and collects every phase."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    phase = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    adopted_from = models.DateField(
        help_text="The first day of the first period collected in this phase."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["phase"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "phase"], name="dataset_phase_adoption_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Phase {self.phase} from {self.adopted_from:%-d %B %Y}"


# Who reports an indicator: as the business unit confirmed, or proposed until it does
ASSIGNMENT_STATUS_COLOURS = {"confirmed": "green", "proposed": "yellow"}


class IndicatorAssignment(PartnershipScoped):
    """The agencies of a partnership that report an indicator, as its business unit confirmed
    them. Until it does, the indicator is owed by the agencies proposed from its sector
    (``catalogue.rules.proposed_agencies``)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    agencies = models.ManyToManyField(Agency, blank=True, related_name="+")
    by_locality = models.BooleanField(
        "collected by locality",
        default=False,
        help_text="Each agency enters a figure for every locality in use, adding up to its total.",
    )
    confirmed_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "indicator"], name="dataset_assignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Who reports {self.indicator.code}"

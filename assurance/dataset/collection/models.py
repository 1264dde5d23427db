"""Quarterly collection: rounds, the values agencies submit, sign-offs and revisions.

Imported by ``models.py`` (Django finds them there). Values are partnership-scoped rows of the
same shape as ``Benchmark`` (docs/adr/006-benchmarks-global-values-scoped.md); the value itself
is always computed from the numerator and denominator (``collection.compute_value``).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.dataset.collection.rules import Period
from assurance.dataset.localities.models import Locality
from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person


class RoundStatus(models.TextChoices):
    OPEN = "open", "Open"
    PUBLISHED = "published", "Published"


ROUND_STATUS_COLOURS = {RoundStatus.OPEN: "blue", RoundStatus.PUBLISHED: "green"}


class CollectionRound(PartnershipScoped):
    """One period's collection: it opens, agencies enter and sign off, the business unit
    publishes it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    frequency = models.CharField(
        max_length=10,
        choices=[("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Annual")],
    )
    period_start = models.DateField()
    period_end = models.DateField()
    opens_on = models.DateField()
    due_on = models.DateField("due date")
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default="open")
    change_percent = models.DecimalField(
        "change that needs commentary (%)",
        max_digits=5,
        decimal_places=1,
        default=25,
        help_text="A value that moves more than this from last period needs commentary.",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "frequency"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "frequency", "period_start"],
                name="dataset_round_unique_period",
            )
        ]

    def __str__(self) -> str:
        return self.period.label

    @property
    def period(self) -> Period:
        return Period(self.frequency, self.period_start, self.period_end)

    @property
    def is_published(self) -> bool:
        return self.status == RoundStatus.PUBLISHED


class IndicatorValue(PartnershipScoped):
    """One agency's figure for one indicator in one round (value computed, never typed)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(CollectionRound, on_delete=models.PROTECT, related_name="values")
    indicator = models.ForeignKey(
        "dataset.Indicator", on_delete=models.PROTECT, related_name="values"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    numerator = models.DecimalField(max_digits=16, decimal_places=4)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    value = models.DecimalField(max_digits=16, decimal_places=4)
    commentary = models.TextField(blank=True)
    confirmed_outlier = models.BooleanField(
        default=False, help_text="The agency checked an unusual value and confirmed it."
    )
    entered_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    entered_via = models.CharField(max_length=10, default="web")  # web, workbook, api, demo, system
    # A value a system counted from its own records (``core.registry.CollectionSource``): where
    # it came from and the link to those records; empty for a value an agency entered
    source_label = models.CharField(max_length=100, blank=True)
    source_href = models.CharField(max_length=300, blank=True)
    changed_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__phase", "indicator__order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "indicator", "agency"], name="dataset_value_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.round}"

    @property
    def is_from_system(self) -> bool:
        return bool(self.source_label)


class LocalityValue(PartnershipScoped):
    """One locality's part of an agency's value, for an indicator collected by locality: the
    localities' numerators (and denominators) add up to the value's
    (``localities.rules.breakdown_problems``)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    value = models.ForeignKey(IndicatorValue, on_delete=models.PROTECT, related_name="parts")
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="+")
    numerator = models.DecimalField(max_digits=16, decimal_places=4)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["locality__order", "locality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["value", "locality"], name="dataset_locality_value_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.value} in {self.locality}"


class AgencySignOff(PartnershipScoped):
    """An agency lead's sign-off of their agency's values for a round: it locks them. The
    business unit can unlock with a reason (history keeps every sign-off and unlock)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(CollectionRound, on_delete=models.PROTECT, related_name="sign_offs")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    is_locked = models.BooleanField(default=True)
    signed_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField()
    first_signed_at = models.DateTimeField(help_text="For timeliness: the first sign-off.")
    unlocked_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unlocked_at = models.DateTimeField(null=True, blank=True)
    unlock_reason = models.TextField(blank=True)
    chased_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "agency"], name="dataset_signoff_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency} sign-off of {self.round}"


class Chase(PartnershipScoped):
    """A reminder the business unit sent to an agency's leads about a round."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(CollectionRound, on_delete=models.PROTECT, related_name="chases")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField()
    recipients = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at"]


class Revision(PartnershipScoped):
    """A change to a value after its round was published: who, when, why and the old value."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    value = models.ForeignKey(IndicatorValue, on_delete=models.PROTECT, related_name="revisions")
    old_numerator = models.DecimalField(max_digits=16, decimal_places=4)
    old_denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    old_value = models.DecimalField(max_digits=16, decimal_places=4)
    new_numerator = models.DecimalField(max_digits=16, decimal_places=4)
    new_denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    new_value = models.DecimalField(max_digits=16, decimal_places=4)
    reason = models.TextField()
    revised_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    revised_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-revised_at"]

    def __str__(self) -> str:
        return f"Revision of {self.value}"

"""A partnership's annual report for one business year: the business unit's words for each
section (and the young people's version's), each partner's contribution, the executive's
approval with its quorum as it stood, and, once approved, the frozen snapshot of every figure
and text that publishing makes public. A published report never changes."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.core.business_year import business_year_label
from assurance.partnerships.models import Agency, Partnership, PartnershipScoped


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


REPORT_STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    ReportStatus.DRAFT: "grey",
    ReportStatus.APPROVED: "blue",
    ReportStatus.PUBLISHED: "green",
}


class AnnualReport(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="annual_reports"
    )
    business_year = models.PositiveSmallIntegerField(
        help_text="The year in which the business year starts: 2025 means April 2025 to March 2026."
    )
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default="draft")
    # Section key → the business unit's words (the full report) and the young people's version's.
    narrative = models.JSONField(default=dict, blank=True)
    young_people = models.JSONField(default=dict, blank=True)
    approved_at_meeting = models.ForeignKey(
        "improvement.Meeting", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    quorum_explanation = models.TextField(blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    # Every figure and text as approved: what the public pages show once published.
    snapshot = models.JSONField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-business_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "business_year"], name="annual_report_one_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"Annual report {self.year_label}"

    @property
    def year_label(self) -> str:
        return business_year_label(self.business_year)


class PartnerContribution(PartnershipScoped):
    """What one partner agency contributed to the partnership in the year, as the business
    unit enters it: money, and what it gave in kind."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField("money (£)", max_digits=12, decimal_places=2)
    in_kind = models.CharField("in kind", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["report", "agency"], name="contribution_once")
        ]

    def __str__(self) -> str:
        return f"{self.agency}: £{self.amount:,.2f}"

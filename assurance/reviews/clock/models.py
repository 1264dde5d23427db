"""A partnership's own closure days: days its offices are shut (the days between Christmas
and New Year, say), which the statutory clock does not count as working days; and its settings
of the clock (the notice before a practice review's publication, the working days an agency has
to answer a rapid review's information request)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped
from assurance.reviews.clock.rules import (
    DEFAULT_INFORMATION_WORKING_DAYS,
    DEFAULT_NOTICE_WORKING_DAYS,
)


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


class ReviewSettings(PartnershipScoped):
    """The partnership's own settings of the clock: how many working days' notice the Panel and
    the Department for Education have of a practice review's publication (the default of each
    new practice review) and how many working days an agency has to answer a rapid review's
    information request. A partnership without a row has the defaults."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.PROTECT, related_name="review_settings"
    )
    notice_working_days = models.PositiveSmallIntegerField(
        "working days' notice of publication to the Panel and the Department for Education",
        default=DEFAULT_NOTICE_WORKING_DAYS,
    )
    information_working_days = models.PositiveSmallIntegerField(
        "working days an agency has to answer an information request",
        default=DEFAULT_INFORMATION_WORKING_DAYS,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "reviews settings"
        verbose_name_plural = "reviews settings"

    def __str__(self) -> str:
        return f"Reviews settings of {self.partnership}"

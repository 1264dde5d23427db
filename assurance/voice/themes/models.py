"""The business unit's reading of feedback: the learning cycle's themes it is tagged with, and
the quotes chosen for the quarter's summary.

Themes are the learning cycle's own (``improvement.LearningTheme``), never a second list: a
theme the Assurance and Review Group sees in audits and reviews is the same theme children speak
about. A possible disclosure is never tagged or quoted (the services refuse it)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Person
from assurance.voice.feedback.models import Feedback


class FeedbackTheme(PartnershipScoped):
    """A piece of feedback tagged with one of the learning cycle's themes."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="theme_tags")
    theme = models.ForeignKey(
        "improvement.LearningTheme", on_delete=models.PROTECT, related_name="feedback_tags"
    )
    tagged_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tagged_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["theme__title"]
        constraints = [
            models.UniqueConstraint(fields=["feedback", "theme"], name="feedback_theme_once")
        ]

    def __str__(self) -> str:
        return f"{self.feedback} tagged {self.theme}"


class QuotePart(models.TextChoices):
    GOOD = "good", "What was good"
    BETTER = "better", "What could be better"


class ChosenQuote(PartnershipScoped):
    """Words of a piece of feedback the business unit chose to quote in the quarter's summary
    (the quarter the feedback was received in)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="chosen_quote")
    part = models.CharField("Which words", max_length=10, choices=QuotePart.choices)
    chosen_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-feedback__received_on", "-pk"]

    def __str__(self) -> str:
        return f"Quote from {self.feedback}"

    @property
    def text(self) -> str:
        return str(getattr(self.feedback, self.part))

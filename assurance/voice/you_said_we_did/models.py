"""“You said, we did”: the partnership's answer to what children and families told it about a
theme, linked to the action in the action log that did it, so its measured impact is shown
beside it (the action's impact assessments, never a copy)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Person


class YouSaidWeDid(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    theme = models.ForeignKey(
        "improvement.LearningTheme", on_delete=models.PROTECT, related_name="you_said_we_did"
    )
    you_said = models.TextField(
        "You said",
        help_text="What children and families told us, in their words where you can.",
    )
    we_did = models.TextField("We did", help_text="What changed because of it, in plain words.")
    action = models.ForeignKey(
        "improvement.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="you_said_we_did",
    )
    answered_on = models.DateField("Date of the answer")
    recorded_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-answered_on", "-pk"]
        verbose_name = "“you said, we did” answer"

    def __str__(self) -> str:
        return f"You said, we did: {self.you_said[:60]}"

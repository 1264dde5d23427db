"""What the partnership chooses to make public beside its annual reports: a published child
safeguarding practice review (CSPR) or the summary of a closed multi-agency audit. Only what
was chosen is kept, frozen when it was made public (``content``): a later change to the review
or the audit does not change it. Withdrawing it takes it off the public pages; the record stays,
with its history."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped


class PublicationKind(models.TextChoices):
    PRACTICE_REVIEW = "practice_review", "Child safeguarding practice review"
    AUDIT = "audit", "Multi-agency audit summary"


class Publication(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=15, choices=PublicationKind.choices)
    practice_review = models.ForeignKey(
        "reviews.PracticeReview", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    audit = models.ForeignKey(
        "audits.Audit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=200)
    # What the public reads, as it was made public: title, summary, findings, link.
    content = models.JSONField()
    made_public_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-made_public_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice_review"],
                condition=models.Q(withdrawn_at__isnull=True, practice_review__isnull=False),
                name="publication_review_once",
            ),
            models.UniqueConstraint(
                fields=["audit"],
                condition=models.Q(withdrawn_at__isnull=True, audit__isnull=False),
                name="publication_audit_once",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.withdrawn_at is None

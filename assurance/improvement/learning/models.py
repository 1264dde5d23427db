"""What the partnership learns and recommends: learning items (from audits, the data set,
reviews, inspections, feedback…), grouped into themes, with documents; and the recommendations
the Assurance and Review Group makes from them to the executive."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import (
    Partnership,
    PartnershipScoped,
    Person,
    Priority,
)


class Recommendation(PartnershipScoped):
    """Something the partnership is asked to do, and where the ask came from."""

    class Source(models.TextChoices):
        AUDIT = "audit", "Multi-agency case file audit"
        DATASET = "dataset", "Data set exception"
        REVIEW = "review", "Rapid review or practice review"
        INSPECTION = "inspection", "Inspection or peer review"
        SELF_ASSESSMENT = "self_assessment", "Single-agency or Section 11 audit"
        FEEDBACK = "feedback", "Feedback from children and families"
        NATIONAL = "national", "National review, regional developments or legislation"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Awaiting decision"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        DEFERRED = "deferred", "Deferred"
        MORE_INFO = "more_info", "More information asked for"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="recommendations"
    )
    title = models.CharField(max_length=200)
    text = models.TextField()
    source = models.CharField(max_length=20, choices=Source.choices)
    audit = models.ForeignKey(
        "audits.Audit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


RECOMMENDATION_STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    Recommendation.Status.PROPOSED: "blue",
    Recommendation.Status.ACCEPTED: "green",
    Recommendation.Status.REJECTED: "red",
    Recommendation.Status.DEFERRED: "yellow",
    Recommendation.Status.MORE_INFO: "yellow",
}


class LearningSource(models.TextChoices):
    AUDIT = "audit", "Multi-agency audit finding or recommendation"
    DATASET = "dataset", "Data set exception"
    REVIEW = "review", "Rapid review or practice review"
    INSPECTION = "inspection", "Inspection or peer review"
    SINGLE_AGENCY = "single_agency", "Single-agency or Section 11 audit"
    FEEDBACK = "feedback", "Feedback from children and families"
    NATIONAL_REVIEW = "national_review", "National review"
    REGIONAL = "regional", "Regional developments"
    LEGISLATION = "legislation", "Changes in legislation"


class LearningTheme(PartnershipScoped):
    """A pattern the Assurance and Review Group sees across sources (the same weakness in an
    audit, a review and the data), and the recommendations it makes about it."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="learning_themes"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="What the pattern is, in a sentence.")
    priority = models.ForeignKey(
        Priority,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_themes",
        help_text="The partnership priority this theme bears on, if any.",
    )
    recommendations = models.ManyToManyField(
        "improvement.Recommendation", blank=True, related_name="themes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[recommendations])

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "title"], name="learning_theme_unique_title"
            )
        ]

    def __str__(self) -> str:
        return self.title


class LearningItem(PartnershipScoped):
    """Something the partnership has learned, and where from. Audit findings and indicators are
    linked (never copied), so the item always points at the current record."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="learning_items"
    )
    title = models.CharField(max_length=200)
    what_was_learned = models.TextField()
    source = models.CharField(max_length=20, choices=LearningSource.choices)
    source_reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example the review's name, or the date of the inspection report.",
    )
    learned_on = models.DateField("date learned")
    audit = models.ForeignKey(
        "audits.Audit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="learning_items",
    )
    standard = models.ForeignKey(
        "frameworks.Item",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="learning_items",
        help_text="The audit standard the finding is about.",
    )
    indicator = models.ForeignKey(
        "dataset.Indicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="learning_items",
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="items")
    recommendations = models.ManyToManyField(
        "improvement.Recommendation", blank=True, related_name="learning_items"
    )
    recorded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[themes, recommendations])

    class Meta:
        ordering = ["-learned_on", "title"]

    def __str__(self) -> str:
        return self.title


def learning_document_path(instance: Any, filename: str) -> str:
    """Stored under a random folder, so names never collide and cannot be guessed."""
    return f"learning/{instance.partnership_id}/{uuid.uuid4().hex}/{filename}"


class LearningDocument(PartnershipScoped):
    """A document attached to a learning item for others to read (a review, an inspection
    report). Served only through the permission layer, never as a public media file."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(LearningItem, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=learning_document_path, max_length=300)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return (self.file.name or "").rsplit("/", 1)[-1]

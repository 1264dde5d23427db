"""A local child safeguarding practice review (CSPR), once the safeguarding partners decide to
undertake one: its terms of reference, the reviewers, the milestones with their due dates, the
final report's notice to the Panel and the Department for Education, and its publication, or
the reasons for not publishing it or for delaying. Its findings become learning items of the
learning cycle (``learning_items``), so the golden thread runs from the incident to the impact
of the actions that follow."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped
from assurance.reviews.clock.rules import DEFAULT_NOTICE_WORKING_DAYS
from assurance.reviews.notifications.models import SeriousIncident

MILESTONES = (
    ("practitioner_event", "Practitioner event"),
    ("family_contribution", "Family's contribution"),
    ("draft", "Draft report"),
    ("final", "Final report"),
)


class Publication(models.TextChoices):
    PUBLISH = "publish", "Publish the report"
    DELAY = "delay", "Delay publication"
    NOT_PUBLISH = "not_publish", "Do not publish"


class PracticeReview(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="practice_reviews"
    )
    incident = models.OneToOneField(
        SeriousIncident, on_delete=models.PROTECT, related_name="practice_review"
    )
    terms_of_reference = models.TextField(blank=True)
    reviewers = models.CharField("reviewer or reviewers", max_length=300, blank=True)
    practitioner_event_due = models.DateField(null=True, blank=True)
    practitioner_event_on = models.DateField(null=True, blank=True)
    family_contribution_due = models.DateField(null=True, blank=True)
    family_contribution_on = models.DateField(null=True, blank=True)
    draft_due = models.DateField(null=True, blank=True)
    draft_on = models.DateField(null=True, blank=True)
    final_due = models.DateField(null=True, blank=True)
    final_on = models.DateField(null=True, blank=True)
    notice_working_days = models.PositiveSmallIntegerField(
        "working days' notice to the Panel and the Department for Education",
        default=DEFAULT_NOTICE_WORKING_DAYS,
    )
    planned_publication_on = models.DateField(null=True, blank=True)
    report_sent_on = models.DateField(
        "date the final report went to the Panel and the Department for Education",
        null=True,
        blank=True,
    )
    publication = models.CharField(max_length=20, choices=Publication.choices, blank=True)
    publication_reasons = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    publication_link = models.URLField(max_length=500, blank=True)
    learning_items = models.ManyToManyField(
        "improvement.LearningItem", related_name="practice_reviews", blank=True
    )

    history = HistoricalRecords(m2m_fields=[learning_items])

    class Meta:
        ordering = ["-incident__became_aware_on", "-pk"]

    def __str__(self) -> str:
        return f"Practice review of {self.incident.reference}"

    @property
    def milestones(self) -> list[tuple[str, object, object]]:
        """(label, due, done) of each milestone, in order."""
        return [
            (label, getattr(self, f"{key}_due"), getattr(self, f"{key}_on"))
            for key, label in MILESTONES
        ]

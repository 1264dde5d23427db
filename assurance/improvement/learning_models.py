"""The learning cycle's records: what the partnership learns (learning items, grouped into themes),
the meetings of its groups (agenda, papers, attendance, minutes), the decisions taken there on
recommendations (with the quorum and the votes), and the independent scrutineer's challenges.

Imported by ``models.py`` so that Django finds them; the pure rules (quorum, votes) are in
``partnerships/terms.py`` and the agenda rules in ``improvement/agenda.py``.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import (
    Agency,
    Group,
    Partnership,
    PartnershipScoped,
    Person,
    Priority,
)


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


# --- meetings ----------------------------------------------------------------------------------


class Meeting(PartnershipScoped):
    """A meeting of one of the partnership's groups."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="meetings")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("date")
    location = models.CharField(max_length=200, blank=True)
    minutes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "group__short_name"]

    def __str__(self) -> str:
        return f"{self.group.short_name} meeting, {self.held_on:%-d %B %Y}"


class AgendaKind(models.TextChoices):
    LEARNING = "learning", "New learning"
    RECOMMENDATION = "recommendation", "Recommendation awaiting decision"
    ACTION = "action", "Action due or overdue"
    EXCEPTION = "exception", "Data set exception"
    OTHER = "other", "Other business"


class AgendaItem(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=AgendaKind.choices)
    title = models.CharField(max_length=300)
    learning_item = models.ForeignKey(
        LearningItem, on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items"
    )
    recommendation = models.ForeignKey(
        "improvement.Recommendation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    action = models.ForeignKey(
        "improvement.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title


class Attendance(PartnershipScoped):
    """Who came (or sent apologies), for which agency, and whether they hold a seat."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="attendances")
    is_member = models.BooleanField(
        "member of the group", default=True, help_text="Holds a seat (not just invited)."
    )
    present = models.BooleanField(default=True, help_text="Unticked: sent apologies.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.agency.short_name})"


class PaperKind(models.TextChoices):
    AUDIT_REPORT = "audit_report", "Multi-agency audit report"
    HIGHLIGHT_REPORT = "highlight_report", "Highlight report"
    INDICATOR = "indicator", "Data set indicator"


class MeetingPaper(PartnershipScoped):
    """A paper for the meeting: a link to a report the platform generates, never a copy."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    kind = models.CharField(max_length=20, choices=PaperKind.choices)
    audit = models.ForeignKey(
        "audits.Audit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        "dataset.Indicator", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


# --- decisions ---------------------------------------------------------------------------------


class DecisionOutcome(models.TextChoices):
    ACCEPT = "accept", "Accept"
    REJECT = "reject", "Reject"
    DEFER = "defer", "Defer"
    MORE_INFO = "more_info", "Ask for more information"


class Decision(PartnershipScoped):
    """A group's decision on a recommendation, with the quorum and the vote as they stood."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="decisions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    recommendation = models.ForeignKey(
        "improvement.Recommendation", on_delete=models.PROTECT, related_name="decisions"
    )
    outcome = models.CharField(max_length=20, choices=DecisionOutcome.choices)
    reasons = models.TextField()
    quorate = models.BooleanField()
    quorum_explanation = models.TextField()
    voted = models.BooleanField(default=False)
    votes_for = models.PositiveSmallIntegerField(default=0)
    votes_against = models.PositiveSmallIntegerField(default=0)
    abstentions = models.PositiveSmallIntegerField(default=0)
    carried = models.BooleanField(null=True, blank=True)
    tally_explanation = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.recommendation}"

    @property
    def takes_effect(self) -> bool:
        """Whether the decision stands: no vote was needed, or the motion was carried."""
        return self.carried is not False


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"


class DecisionVote(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    attendance = models.ForeignKey(Attendance, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=10, choices=VoteChoice.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["attendance__agency__name"]

    def __str__(self) -> str:
        return f"{self.attendance}: {self.get_choice_display()}"


# --- independent scrutiny ----------------------------------------------------------------------


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Awaiting an answer"
    ANSWERED = "answered", "Answered: awaiting the scrutineer"
    CLOSED = "closed", "Closed"


class ChallengeOutcome(models.TextChoices):
    RESOLVED = "resolved", "Resolved: the answer gives assurance"
    PARTLY = "partly", "Partly resolved: further work agreed"
    NOT_RESOLVED = "not_resolved", "Not resolved: escalated to the safeguarding partners"


class Challenge(PartnershipScoped):
    """The independent scrutineer's challenge to an agency (and, if named, a person)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="challenges"
    )
    raised_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="challenges", verbose_name="to agency"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges_received",
        verbose_name="to person",
    )
    subject = models.CharField("about", max_length=200)
    detail = models.TextField("the challenge")
    raised_on = models.DateField()
    respond_by = models.DateField("answer by")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="challenges"
    )
    recommendation = models.ForeignKey(
        "improvement.Recommendation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges",
    )
    answer = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    outcome = models.CharField(max_length=20, choices=ChallengeOutcome.choices, blank=True)
    outcome_notes = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["respond_by", "pk"]

    def __str__(self) -> str:
        return self.subject

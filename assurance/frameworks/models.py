"""The one assessment engine: a framework (sections → items with a response type and scale)
completed by someone about something.

* Case audits: an agency's auditor completes the audit tool about a case (audits app).
* An agency about its involvement with a child after a serious incident (reviews app: the rapid
  review's information request).
* Later: an agency about itself (Section 11/175), a practitioner about a course, a child about a
  service. Each of those owns an ``Assessment`` through a one-to-one link, as audits do.

A framework version that has assessments is frozen: editing makes a new version in the same
family (see ``services.framework_new_version``).
"""

from __future__ import annotations

import uuid

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped


class FrameworkKind(models.TextChoices):
    CASE_AUDIT = "case_audit", "Multi-agency case file audit"
    SELF_ASSESSMENT = "self_assessment", "Agency self-assessment"
    TRAINING_EVALUATION = "training_evaluation", "Training evaluation"
    FEEDBACK = "feedback", "Feedback from children and families"
    RAPID_REVIEW = "rapid_review", "Rapid review information request"


class ResponseType(models.TextChoices):
    SCALE = "scale", "Grading scale"
    YES_NO_NA = "yes_no_na", "Yes, no or not applicable"
    NUMBER = "number", "Number"
    DATE = "date", "Date"
    TEXT = "text", "Free text"


class ResponseScale(PartnershipScoped):
    """A configurable grading scale, such as Met / Partially met / Not met / Not applicable."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=120)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="scale_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ScaleOption(models.Model):
    """One answer on a scale, knowing whether it counts as meeting the standard."""

    scale = models.ForeignKey(ResponseScale, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField()
    meets_standard = models.BooleanField(
        default=False, help_text="Counts as meeting the standard in findings."
    )
    is_not_applicable = models.BooleanField(
        default=False, help_text="Not applicable: left out of the number assessed."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "label"], name="option_unique_label"),
            models.UniqueConstraint(fields=["scale", "order"], name="option_unique_order"),
        ]

    def __str__(self) -> str:
        return self.label


class Framework(PartnershipScoped):
    """One version of an audit tool (or other assessment framework)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="frameworks"
    )
    family = models.UUIDField(
        default=uuid.uuid4, help_text="Shared by every version of the same framework."
    )
    version = models.PositiveIntegerField(default=1)
    name = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=30, choices=FrameworkKind.choices, default=FrameworkKind.CASE_AUDIT
    )
    theme = models.CharField(
        max_length=80, blank=True, help_text="For example neglect, domestic abuse, exploitation."
    )
    description = models.TextField(blank=True)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        help_text="The framework this one was copied and adapted from.",
    )
    is_frozen = models.BooleanField(
        default=False, help_text="Set when the first assessment uses it; edits make a new version."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="framework_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version})"


class Section(models.Model):
    """A heading of the framework: for case audits, a Key Line of Enquiry."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(max_length=20, help_text="For example KLOE 1.")
    title = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="section_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Item(models.Model):
    """A standard or question, with its guidance and how it is answered."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(max_length=20, help_text="For example 1.2.")
    text = models.TextField()
    guidance = models.TextField(blank=True)
    response_type = models.CharField(max_length=20, choices=ResponseType.choices)
    scale = models.ForeignKey(
        ResponseScale, on_delete=models.PROTECT, null=True, blank=True, related_name="items"
    )
    evidence_required = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["section__order", "order"]
        constraints = [models.UniqueConstraint(fields=["section", "code"], name="item_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    @property
    def is_graded(self) -> bool:
        """Answered on a scale (including yes/no/not applicable), so it has findings."""
        return self.response_type in {ResponseType.SCALE, ResponseType.YES_NO_NA}


class Assessment(PartnershipScoped):
    """One completion of a framework by someone about something.

    The owning capability links to it one-to-one (an agency return for a case, a self-assessment,
    a training evaluation) and decides who may see and change it.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    revision = models.PositiveIntegerField(
        default=0, help_text="Increases on every save; detects two people editing at once."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Assessment {self.pk} against {self.framework}"


class Answer(models.Model):
    """The answer to one item in one assessment, with its evidence."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(
        ScaleOption, on_delete=models.PROTECT, null=True, blank=True, related_name="answers"
    )
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True)
    evidence = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="answer_unique_item")
        ]

    def __str__(self) -> str:
        return f"Answer to {self.item.code}"

    @property
    def is_empty(self) -> bool:
        return (
            self.option_id is None
            and self.number is None
            and self.date is None
            and not (self.text.strip())
        )

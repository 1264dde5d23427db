"""The partnership's multi-agency training offer: courses and their learning outcomes."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Priority


class CourseLevel(models.TextChoices):
    # The levels of the Working Together multi-agency training offer most partnerships use.
    INTRODUCTORY = "introductory", "Introductory (level 1): everyone who works with children"
    CORE = "core", "Core (level 2): practitioners who work directly with children and families"
    ADVANCED = "advanced", "Advanced (level 3): lead practitioners and managers"


class Course(PartnershipScoped):
    """A course of the partnership's multi-agency training offer. A course can be how an action
    is delivered: it links to the priorities and the learning it answers."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="courses")
    title = models.CharField(max_length=200)
    summary = models.TextField("what the course covers")
    audience = models.CharField("who it is for", max_length=300)
    level = models.CharField(max_length=20, choices=CourseLevel.choices)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="courses")
    learning_items = models.ManyToManyField(
        "improvement.LearningItem", blank=True, related_name="courses"
    )
    # the actions of the action log it delivers: each takes the course's three-month change in
    # its practitioners as its measured impact (an action is delivered by one course at most)
    actions = models.ManyToManyField("improvement.Action", blank=True, related_name="courses")
    is_active = models.BooleanField("offered", default=True)
    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="training_course_title")
        ]

    def __str__(self) -> str:
        return self.title


class LearningOutcome(PartnershipScoped):
    """What a practitioner should know or be able to do after the course; each is rated before,
    at the end and three months on."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["course", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "text"], name="training_outcome_text")
        ]

    def __str__(self) -> str:
        return self.text

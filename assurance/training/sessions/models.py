"""Sessions of a course (when, where, how many places) and the pool of trainers who run them."""

from __future__ import annotations

import secrets

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Agency, Partnership, PartnershipScoped
from assurance.training.courses.models import Course


def new_public_code() -> str:
    """The code in a session's public booking address: random, so addresses cannot be counted
    through (nothing about other sessions or partnerships can be guessed from one)."""
    return secrets.token_urlsafe(9)


class Trainer(PartnershipScoped):
    """Someone in the partnership's trainer pool (often a practitioner of an agency)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="trainers")
    name = models.CharField(max_length=200)
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="trainers"
    )
    email = models.EmailField("e-mail", blank=True)
    specialisms = models.CharField("what they train on", max_length=300, blank=True)
    is_active = models.BooleanField("in the pool", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Mode(models.TextChoices):
    VENUE = "venue", "At a venue"
    ONLINE = "online", "Online"


class TrainingSession(PartnershipScoped):
    """One running of a course, with its places."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="training_sessions"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")
    mode = models.CharField("how", max_length=10, choices=Mode.choices)
    venue = models.CharField(
        "where",
        max_length=300,
        blank=True,
        help_text="The venue's address, or for an online "
        "session how to join (the joining link is sent with the confirmation).",
    )
    capacity = models.PositiveSmallIntegerField("places")
    trainers = models.ManyToManyField(Trainer, blank=True, related_name="sessions")
    public_code = models.CharField(max_length=20, unique=True, default=new_public_code)
    is_cancelled = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.course.title}, {self.starts_at:%-d %B %Y}"

"""Participation events: youth forums, the children in care council, school councils and the
like, with what was heard at each (each point heard is a piece of feedback, source "event")."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Agency, Partnership, PartnershipScoped


class EventKind(models.TextChoices):
    YOUTH_FORUM = "youth_forum", "Youth forum"
    CHILDREN_IN_CARE = "children_in_care", "Children in care council"
    SCHOOL_COUNCIL = "school_council", "School council"
    CARE_LEAVERS = "care_leavers", "Care leavers' forum"
    PARENTS = "parents", "Parents' and carers' group"
    OTHER = "other", "Another event"


class ParticipationEvent(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="participation_events"
    )
    title = models.CharField(
        "Name of the event", max_length=200, help_text="For example, Youth forum: March."
    )
    kind = models.CharField("Kind of event", max_length=20, choices=EventKind.choices)
    held_on = models.DateField("Date held")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Agency that ran it",
    )
    participants = models.PositiveIntegerField(
        "Number of children or parents who took part",
        help_text="A number only: no names.",
    )
    summary = models.TextField("What the event was about", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

"""The groups whose every meeting has the voice of children and families on its agenda, with
the quarter's feedback summary as its paper (seed 000: the voice of the child is on every
Assurance and Review Group agenda). The business unit chooses them."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Group, Partnership, PartnershipScoped


class AgendaGroup(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="voice_agenda")

    history = HistoricalRecords()

    class Meta:
        ordering = ["group__name"]

    def __str__(self) -> str:
        return f"Voice on the agenda of the {self.group}"

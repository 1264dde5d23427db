"""A participant's return: its answers are an ``Assessment`` of the round's tool on the one
assessment engine (``frameworks``), as an audit's agency return and a rapid review's information
request are. Each standard's self-rating is the engine answer's option on the tool's scale and
its narrative the answer's evidence text; files and links are ``ReturnEvidence``. Answers offered
from the organisation's return to the previous round of the same tool wait, marked, until someone
confirms or changes them (``CarriedAnswer``). The organisation's head signs it off, which submits
and locks it; the business unit can unlock it with a reason (kept in the history)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.frameworks.models import Assessment, Item
from assurance.partnerships.models import Partnership, PartnershipScoped, Person
from assurance.selfassessment.rounds.models import Participant


class SelfAssessmentReturn(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_returns"
    )
    participant = models.OneToOneField(
        Participant, on_delete=models.PROTECT, related_name="self_assessment_return"
    )
    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="self_assessment_return"
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The organisation's return to the previous round of the same tool.",
    )
    started_at = models.DateTimeField("started")
    signed_off_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_name = models.CharField(
        "signed off by", max_length=200, blank=True, help_text="Their name when they signed."
    )
    submitted_at = models.DateTimeField("signed off and submitted", null=True, blank=True)
    unlock_reason = models.TextField(
        "why it was unlocked", blank=True, help_text="The latest reason; each is in the history."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["participant"]

    def __str__(self) -> str:
        return f"{self.participant.name}: {self.participant.round}"

    @property
    def is_locked(self) -> bool:
        return self.submitted_at is not None


class CarriedAnswer(PartnershipScoped):
    """An answer copied from the previous round's return, until someone confirms or changes it
    (then ``confirmed_at``). Submitting is refused while any is unconfirmed."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    sa_return = models.ForeignKey(
        SelfAssessmentReturn, on_delete=models.CASCADE, related_name="carried"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sa_return", "item"], name="sa_carried_once")
        ]

    def __str__(self) -> str:
        return f"{self.item.code} carried forward"


def evidence_path(instance: ReturnEvidence, filename: str) -> str:
    """Stored under the partnership and the return, never under the name the user gave."""
    return f"selfassessment/{instance.partnership_id}/{instance.sa_return_id}/{filename}"


class ReturnEvidence(PartnershipScoped):
    """A file (checked by its content when uploaded, as the action log's evidence is) or a link
    to a web page (a published policy, say), attached to one standard of a return."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    sa_return = models.ForeignKey(
        SelfAssessmentReturn, on_delete=models.CASCADE, related_name="evidence"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    description = models.CharField("what this shows", max_length=300)
    file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    file_name = models.CharField(max_length=200, blank=True)
    link = models.URLField("link", max_length=2000, blank=True)
    added_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.description

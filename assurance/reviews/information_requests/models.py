"""An information request of a rapid review: the business unit asks an agency involved with the
child for its chronology summary, its involvement and its early learning, on the shipped rapid
review template of the assessment engine (``frameworks``: the agency's answers are an
``Assessment`` of that framework, as an audit's agency return is). The agency's people answer
it by its due date, counted in working days by the statutory clock; once submitted it is
locked. Only that agency's people, the review's panel, the business unit and the scrutineer
read it."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.frameworks.models import Assessment
from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person
from assurance.reviews.notifications.models import SeriousIncident


class InformationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"


STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    InformationStatus.NOT_STARTED: "grey",
    InformationStatus.IN_PROGRESS: "light-blue",
    InformationStatus.SUBMITTED: "green",
    "late": "red",
}


class InformationRequest(PartnershipScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="information_requests"
    )
    incident = models.ForeignKey(
        SeriousIncident, on_delete=models.PROTECT, related_name="information_requests"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="information_request"
    )
    note = models.TextField(
        "what the review asks of this agency",
        blank=True,
        help_text="Anything the agency should look at in particular.",
    )
    requested_on = models.DateField("date sent")
    due_on = models.DateField("date due")
    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=InformationStatus.choices, default=InformationStatus.NOT_STARTED
    )
    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["incident", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "agency"], name="information_request_once_per_agency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_name} information for {self.incident.reference}"

    @property
    def is_locked(self) -> bool:
        return self.status == InformationStatus.SUBMITTED


class InformationReminderSent(PartnershipScoped):
    """The send log of reminders to an agency about its information request, so that none is
    sent twice (a log, not a domain record: no history, like the review reminders' log)."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Before it is due"
        MISSED = "missed", "Late"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due = models.DateField()
    recipients = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "due"], name="information_reminder_once"
            ),
        ]

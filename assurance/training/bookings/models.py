"""Bookings on a session: made by practitioners of any agency without an account, confirmed by
an e-mailed link, with a waiting list, cancellation and the attendance register."""

from __future__ import annotations

import secrets

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Agency, Partnership, PartnershipScoped
from assurance.training.sessions.models import TrainingSession


def new_respondent_id() -> str:
    """The pseudonymous id a practitioner's evaluation answers are kept against: random, so it
    says nothing about who they are and survives the removal of their name and e-mail."""
    return "R" + secrets.token_hex(6).upper()


def new_nonce() -> str:
    """What a booking's personal links are bound to: changed when the booking is cancelled,
    so its old links stop working."""
    return secrets.token_hex(16)


class BookingStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Awaiting e-mail confirmation"
    CONFIRMED = "confirmed", "Place confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


BOOKING_STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    BookingStatus.UNCONFIRMED: "grey",
    BookingStatus.CONFIRMED: "green",
    BookingStatus.WAITING: "yellow",
    BookingStatus.CANCELLED: "red",
}


class Booking(PartnershipScoped):
    """A practitioner's booking on a session. Their name and e-mail (and their manager's) are
    kept only until the evaluation's retention period ends; ``respondent_id`` stays."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="bookings")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="training_bookings")
    # Personal details: blank once removed at the end of the retention period.
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField("e-mail", blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    manager_name = models.CharField("line manager's name", max_length=200, blank=True)
    manager_email = models.EmailField("line manager's e-mail", blank=True)
    details_removed_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=BookingStatus.choices, default=BookingStatus.UNCONFIRMED
    )
    requested_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True)
    respondent_id = models.CharField(max_length=20, unique=True, default=new_respondent_id)
    # A digest of where the request came from (never the address itself), for the rate limit.
    client_digest = models.CharField(max_length=64, blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce)
    history = HistoricalRecords(excluded_fields=["nonce", "client_digest"])

    class Meta:
        ordering = ["requested_at", "pk"]
        indexes = [
            models.Index(fields=["session", "status"]),
            models.Index(fields=["email", "requested_at"]),
            models.Index(fields=["client_digest", "requested_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.name or self.respondent_id} on {self.session}"

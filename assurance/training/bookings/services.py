"""Writes of bookings. A practitioner books without an account: the request is confirmed from
the e-mailed link (so no one can book in another's name), then takes a place or joins the
waiting list; cancelling frees the place for the first on the waiting list. The business unit
records attendance."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assurance.core.clients import client_digest
from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.dataset.collection.sources import system_values_refresh_on
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency
from assurance.training.bookings import links, retention, rules, selectors
from assurance.training.bookings.models import (
    Booking,
    BookingStatus,
    new_nonce,
    new_respondent_id,
)
from assurance.training.sessions.models import TrainingSession
from assurance.training.sessions.services import session_save


class TooManyRequests(Exception):
    """A booking request over the rate limit; the message says so."""


def session_is_open(session: TrainingSession, now: datetime) -> bool:
    return not session.is_cancelled and session.course.is_active and session.starts_at > now


def link(base_url: str, name: str, booking: Booking, purpose: str) -> str:
    token = links.make_token(booking_pk=booking.pk, nonce=booking.nonce, purpose=purpose)
    return base_url + reverse(name, args=[token])


def booking_request(
    *,
    session: TrainingSession,
    agency: Agency,
    name: str,
    email: str,
    job_title: str,
    manager_name: str,
    manager_email: str,
    client: str,
    base_url: str,
    now: datetime | None = None,
) -> Booking | None:
    """Ask for a place. The page says the same whatever happens next, so it tells no one who
    has booked what: a new request gets an e-mail with its confirmation link; a second request
    by an address that already has a place (or is waiting) gets an e-mail saying so, with its
    cancellation link. Refused (``TooManyRequests``) over the rate limit."""
    now = now or timezone.now()
    if agency.partnership_id != session.partnership_id or not agency.is_active:
        raise ValidationError({"agency": "Select your agency from the list"})
    if not session_is_open(session, now):
        raise ValidationError("This session is no longer taking bookings.")
    digest = client_digest(client)
    by_address, by_client = selectors.recent_requests(
        email=email, client_digest=digest, since=now - rules.RATE_WINDOW
    )
    refusal = rules.rate_limit_refusal(by_address=by_address, by_client=by_client)
    if refusal:
        raise TooManyRequests(refusal)
    existing = (
        Booking.unscoped.filter(session=session, email__iexact=email)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )
    if existing is not None and existing.status != BookingStatus.UNCONFIRMED:
        _send_existing(existing, base_url)
        return None
    booking = existing or Booking(
        partnership_id=session.partnership_id, session=session, respondent_id=new_respondent_id()
    )
    booking.agency = agency
    booking.name, booking.email, booking.job_title = name, email, job_title
    booking.manager_name, booking.manager_email = manager_name, manager_email
    booking.requested_at, booking.client_digest = now, digest
    with transaction.atomic():
        save_as(booking, None)
    _send_confirmation_request(booking, base_url)
    return booking


def booking_confirm(*, booking: Booking, base_url: str, now: datetime | None = None) -> Booking:
    """The practitioner confirmed from their e-mail: a place while any is left, otherwise the
    waiting list. Confirming again changes nothing."""
    now = now or timezone.now()
    if booking.status != BookingStatus.UNCONFIRMED:
        return booking
    with transaction.atomic():
        session = TrainingSession.unscoped.select_for_update().get(pk=booking.session_id)
        if not session_is_open(session, now):
            raise ValidationError("This session is no longer taking bookings.")
        booking.status = rules.place_for(
            confirmed=selectors.confirmed_count(session), capacity=session.capacity
        )
        booking.confirmed_at = now
        save_as(booking, None)
    _send_outcome(booking, base_url)
    return booking


def booking_cancel(
    *, booking: Booking, base_url: str, actor: Actor | None = None, now: datetime | None = None
) -> Booking:
    """Cancel a booking (the practitioner by their link, or the business unit). A place freed
    goes to the first on the waiting list, who is told by e-mail. The booking's links stop
    working."""
    now = now or timezone.now()
    if actor is not None:
        actor.require("booking.manage")
        require_same_partnership(actor, booking)
    if not rules.can_cancel(
        status=booking.status, session_started=booking.session.starts_at <= now
    ):
        raise ValidationError("This booking cannot be cancelled: the session has started.")
    with transaction.atomic():
        session = TrainingSession.unscoped.select_for_update().get(pk=booking.session_id)
        booking.status, booking.cancelled_at = BookingStatus.CANCELLED, now
        booking.nonce = new_nonce()
        save_as(booking, actor)
        promoted = promote_from_waiting_list(session=session, actor=actor)
    for other in promoted:
        _send_outcome(other, base_url)
    return booking


def promote_from_waiting_list(*, session: TrainingSession, actor: Actor | None) -> list[Booking]:
    waiting = list(selectors.waiting_list(session))
    count = rules.promotions(
        confirmed=selectors.confirmed_count(session),
        capacity=session.capacity,
        waiting=len(waiting),
    )
    promoted = waiting[:count]
    for booking in promoted:
        booking.status = BookingStatus.CONFIRMED
        save_as(booking, actor)
    return promoted


def session_change(*, actor: Actor, session: TrainingSession, **fields: Any) -> TrainingSession:
    """Change a session that may have bookings: fewer places than people holding one is
    refused; places added go to the waiting list, who are told by e-mail."""
    base_url = fields.pop("base_url", "")
    with transaction.atomic():
        locked = TrainingSession.unscoped.select_for_update().get(pk=session.pk)
        session = session_save(
            actor=actor,
            course=session.course,
            session=session,
            held=selectors.confirmed_count(locked),
            **fields,
        )
        promoted = promote_from_waiting_list(session=session, actor=actor)
    for booking in promoted:
        _send_outcome(booking, base_url)
    return session


def attendance_record(
    *, actor: Actor, session: TrainingSession, attended: Iterable[Booking]
) -> int:
    """The register: who of those with a place attended (the others did not). Returns how
    many attended."""
    actor.require("attendance.record")
    require_same_partnership(actor, session)
    if session.starts_at > timezone.now():
        raise ValidationError("The register can be taken once the session has started.")
    present = {b.pk for b in attended}
    bookings = Booking.unscoped.filter(session=session, status=BookingStatus.CONFIRMED)
    if present - {b.pk for b in bookings}:
        raise ValidationError("Only people with a place on this session can be marked present.")
    with transaction.atomic():
        changed = False
        for booking in bookings.select_for_update():
            was_there = booking.pk in present
            if booking.attended is not was_there:
                changed = True
                booking.attended = was_there
                save_as(booking, actor)
        if changed:  # the data set's training indicator counts the registers
            system_values_refresh_on(
                partnership=session.partnership,
                day=timezone.localdate(session.starts_at),
                person=actor.person,
                reason=f"The attendance register of {session} was corrected.",
            )
    return len(present)


# --- e-mails -----------------------------------------------------------------------------------


def _when(booking: Booking) -> str:
    session = booking.session
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return f"{start:%A %-d %B %Y}, {start:%H:%M} to {end:%H:%M}"


def _send(name: str, booking: Booking, **context: object) -> None:
    send_email(
        f"training/emails/{name}",
        {
            "booking": booking,
            "session": booking.session,
            "course": booking.session.course,
            "when": _when(booking),
            "confirmed": booking.status == BookingStatus.CONFIRMED,
            **context,
        },
        to=[booking.email],
    )


def _send_confirmation_request(booking: Booking, base_url: str) -> None:
    confirm = link(base_url, "training_public:booking_confirm", booking, "confirm")
    _send("booking_confirm_request", booking, confirm=confirm)


def _send_existing(booking: Booking, base_url: str) -> None:
    cancel = link(base_url, "training_public:booking_cancel", booking, "cancel")
    _send("booking_existing", booking, cancel=cancel)


def _send_outcome(booking: Booking, base_url: str) -> None:
    cancel = link(base_url, "training_public:booking_cancel", booking, "cancel")
    _send("booking_outcome", booking, cancel=cancel)


def personal_details_remove(*, now: datetime | None = None, retention_days: int) -> int:
    """Remove the names, e-mails and job titles (the practitioner's and their manager's) of
    bookings whose session ended more than ``retention_days`` ago, from the bookings and from
    their history. The pseudonymous respondent id, the agency and attendance stay, so the
    evaluation's figures are unchanged. Returns how many bookings were cleared."""
    now = now or timezone.now()
    cutoff = retention.removal_cutoff(now=now, retention_days=retention_days)
    due = Booking.unscoped.filter(session__ends_at__lt=cutoff, details_removed_at__isnull=True)
    blank = dict.fromkeys(retention.PERSONAL_FIELDS, "")
    with transaction.atomic():
        ids = list(due.values_list("pk", flat=True))
        if not ids:
            return 0
        Booking.history.filter(id__in=ids).update(**blank)
        Booking.unscoped.filter(pk__in=ids).update(**blank, details_removed_at=now)
        # The row the removal leaves in the history says when (not who: no one did it).
        for booking in Booking.unscoped.filter(pk__in=ids).iterator():
            save_as(booking, None)
    return len(ids)

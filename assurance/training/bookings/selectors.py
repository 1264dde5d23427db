"""Reads of bookings: the business unit's lists and registers, and the public pages' lookups."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course
from assurance.training.sessions.models import TrainingSession
from assurance.training.sessions.selectors import session_list


def booking_list(*, actor: Actor, session: TrainingSession) -> QuerySet[Booking]:
    """A session's bookings the actor may see (an agency lead: their agency's)."""
    return scoped(
        actor, Booking.unscoped.filter(session=session).select_related("agency"), "booking.view"
    )


def get_booking(*, actor: Actor, pk: Any) -> Booking:
    return get_for_actor(
        actor,
        Booking.unscoped.select_related("session__course", "agency", "partnership"),
        "booking.view",
        pk,
    )


def with_places(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    """Each session with ``confirmed`` and ``waiting`` counts, in one query."""
    return sessions.annotate(
        confirmed=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
        attended=Count("bookings", filter=Q(bookings__attended=True)),
    )


def booking_for_link(pk: int, nonce: str) -> Booking | None:
    """The booking a personal link names, while the link is current."""
    return (
        Booking.unscoped.select_related("session__course", "partnership", "agency")
        .filter(pk=pk, nonce=nonce)
        .first()
    )


def recent_requests(*, email: str, client_digest: str, since: datetime) -> tuple[int, int]:
    """Booking requests since ``since`` for this e-mail address, and from this client."""
    recent = Booking.unscoped.filter(requested_at__gte=since)
    by_address = recent.filter(email__iexact=email).count()
    by_client = recent.filter(client_digest=client_digest).count() if client_digest else 0
    return by_address, by_client


def confirmed_count(session: TrainingSession) -> int:
    return Booking.unscoped.filter(session=session, status=BookingStatus.CONFIRMED).count()


def waiting_list(session: TrainingSession) -> QuerySet[Booking]:
    return Booking.unscoped.filter(session=session, status=BookingStatus.WAITING).order_by(
        "confirmed_at", "pk"
    )


def sessions_of_course(*, actor: Actor, course: Course) -> QuerySet[TrainingSession]:
    return with_places(session_list(actor=actor, course=course))


def get_session_with_places(
    *, actor: Actor, pk: Any, permission: str = "training.view"
) -> TrainingSession:
    return get_for_actor(
        actor,
        with_places(TrainingSession.unscoped.select_related("course")).prefetch_related("trainers"),
        permission,
        pk,
    )


def open_sessions(*, partnership: Partnership, now: datetime) -> QuerySet[TrainingSession]:
    """The sessions a practitioner can book, for the public offer page."""
    return with_places(
        TrainingSession.objects_for(partnership)
        .filter(starts_at__gt=now, is_cancelled=False, course__is_active=True)
        .select_related("course")
    ).order_by("starts_at", "pk")


def session_by_code(code: str) -> TrainingSession | None:
    return (
        with_places(TrainingSession.unscoped.select_related("course", "partnership"))
        .filter(public_code=code)
        .first()
    )


def reach_in(
    *, partnership: Partnership, start: datetime, end: datetime
) -> tuple[int, list[tuple[str, int, int]]]:
    """The training's reach between ``start`` and ``end`` (for the annual report): the sessions
    held (not cancelled), and by agency the confirmed places and the attendance recorded.
    Counts only: no practitioner's name."""
    held = TrainingSession.objects_for(partnership).filter(
        is_cancelled=False, starts_at__gte=start, starts_at__lt=end
    )
    rows = (
        Booking.objects_for(partnership)
        .filter(session__in=held, status=BookingStatus.CONFIRMED)
        .values("agency__name")
        .annotate(places=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by("agency__name")
    )
    return held.count(), [(r["agency__name"], r["places"], r["attended"]) for r in rows]

"""Reads of bookings: the business unit's lists and registers, and the public pages' lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import SourcedValue
from assurance.dataset.collection.rules import Period, period_containing, period_of
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Agency, Partnership
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course
from assurance.training.sessions.models import TrainingSession
from assurance.training.sessions.selectors import session_list


def booking_list(*, actor: Actor, session: TrainingSession) -> QuerySet[Booking]:
    """A session's bookings the actor may see (an agency lead: their agency's)."""
    return scoped(
        actor, Booking.unscoped.filter(session=session).select_related("agency"), "booking.view"
    )


def get_booking(*, actor: Actor, pk: Any, permission: str = "booking.view") -> Booking:
    return get_for_actor(
        actor,
        Booking.unscoped.select_related("session__course", "agency", "partnership"),
        permission,
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


# --- attendance per agency per quarter: the data set's multi-agency training indicator ---------

INDICATOR_CODE = "WF-MA-TRAINING"
SOURCE_LABEL = "Training attendance registers"


def _between(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(first_day, time.min))
    end = timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))
    return start, end


def registered_sessions(
    *, partnership: Partnership, first_day: date, last_day: date
) -> QuerySet[TrainingSession]:
    """The sessions held from ``first_day`` to ``last_day`` (UK dates of their start), in
    date order: the registers that count."""
    start, end = _between(first_day, last_day)
    return TrainingSession.objects_for(partnership).filter(
        is_cancelled=False, starts_at__gte=start, starts_at__lt=end
    )


def attendance_by_agency(
    *, partnership: Partnership, first_day: date, last_day: date
) -> dict[int, tuple[int, int]]:
    """Agency id → how many of its people the registers of the period's sessions show present,
    and absent. An agency whose people were all marked absent counts nought present; one with
    no one on a register taken is not counted."""
    sessions = registered_sessions(partnership=partnership, first_day=first_day, last_day=last_day)
    rows = (
        Booking.objects_for(partnership)
        .filter(session__in=sessions, attended__isnull=False)
        .values("agency_id")
        .annotate(
            present=Count("pk", filter=Q(attended=True)),
            absent=Count("pk", filter=Q(attended=False)),
        )
        .order_by()
    )
    return {r["agency_id"]: (r["present"], r["absent"]) for r in rows}


def quarter_of(day: date) -> tuple[int, int]:
    """The business year (April to March) and quarter (1 = April to June) of ``day``."""
    period = period_containing("quarterly", day)
    return period.business_year, (period.start.month - 4) % 12 // 3 + 1


def attendance_values(partnership: Any, first_day: date, last_day: date) -> list[SourcedValue]:
    """The data set's source for its multi-agency training indicator (``core.registry``): the
    attendance per agency from the registers, each linked to the quarter's attendance page."""
    year, quarter = quarter_of(first_day)
    href = reverse("training:attendance", args=[partnership.slug, year, quarter])
    counts = attendance_by_agency(partnership=partnership, first_day=first_day, last_day=last_day)
    return [SourcedValue(agency_id, present, href) for agency_id, (present, _) in counts.items()]


@dataclass
class AgencyAttendance:
    agency: Agency
    present: int
    absent: int


@dataclass
class QuarterAttendance:
    period: Period
    sessions: list[TrainingSession]  # each with ``confirmed`` and ``attended`` counts
    agencies: list[AgencyAttendance]

    @property
    def present(self) -> int:
        return sum(a.present for a in self.agencies)


def quarter_attendance(*, actor: Actor, business_year: int, quarter: int) -> QuarterAttendance:
    """A quarter's registers: its sessions, and by agency who was present and absent (counts:
    no practitioner's name). The figures the data set's indicator takes."""
    actor.require("training.view")
    try:
        period = period_of("quarterly", business_year, quarter)
    except ValueError as exc:
        raise Http404("No such quarter.") from exc
    partnership = actor.partnership
    sessions = with_places(
        registered_sessions(partnership=partnership, first_day=period.start, last_day=period.end)
    ).select_related("course")
    counts = attendance_by_agency(
        partnership=partnership, first_day=period.start, last_day=period.end
    )
    agencies = Agency.objects_for(partnership).filter(pk__in=list(counts)).order_by("name")
    return QuarterAttendance(
        period=period,
        sessions=list(sessions.order_by("starts_at", "pk")),
        agencies=[AgencyAttendance(a, *counts[a.pk]) for a in agencies],
    )

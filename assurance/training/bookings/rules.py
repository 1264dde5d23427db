"""The booking rules. Pure functions, no database."""

from __future__ import annotations

from datetime import timedelta

from assurance.training.bookings.models import BookingStatus

# Booking requests allowed in RATE_WINDOW: per e-mail address, and from one place (a digest of
# the address the request came from, so a shared office connection still has room).
RATE_WINDOW = timedelta(hours=1)
PER_ADDRESS = 5
PER_CLIENT = 30
# How long an e-mailed confirmation link works.
CONFIRM_FOR = timedelta(days=2)


def place_for(*, confirmed: int, capacity: int) -> str:
    """Where a confirmed booking goes: a place while any is left, otherwise the waiting list."""
    return BookingStatus.CONFIRMED if confirmed < capacity else BookingStatus.WAITING


def promotions(*, confirmed: int, capacity: int, waiting: int) -> int:
    """How many from the top of the waiting list get a place (after a cancellation, or when
    the business unit adds places)."""
    return max(0, min(waiting, capacity - confirmed))


def rate_limit_refusal(*, by_address: int, by_client: int) -> str:
    """Why a booking request is refused for being one too many in the last hour, or ""."""
    if by_address >= PER_ADDRESS:
        return (
            f"There have been {PER_ADDRESS} booking requests for this e-mail address in the "
            "last hour. Try again in an hour, or check your e-mail for the links we sent."
        )
    if by_client >= PER_CLIENT:
        return (
            "There have been too many booking requests from your network in the last hour. "
            "Try again in an hour."
        )
    return ""


def can_cancel(*, status: str, session_started: bool) -> bool:
    return status != BookingStatus.CANCELLED and not session_started


def can_record_attendance(*, status: str) -> bool:
    """Only those with a place are on the register."""
    return status == BookingStatus.CONFIRMED

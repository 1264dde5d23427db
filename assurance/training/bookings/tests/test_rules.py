import pytest

from assurance.training.bookings.models import BookingStatus
from assurance.training.bookings.rules import (
    PER_ADDRESS,
    PER_CLIENT,
    can_cancel,
    place_for,
    promotions,
    rate_limit_refusal,
)


@pytest.mark.parametrize(
    ("confirmed", "capacity", "place"),
    [
        (0, 1, BookingStatus.CONFIRMED),
        (9, 10, BookingStatus.CONFIRMED),
        (10, 10, BookingStatus.WAITING),
        (12, 10, BookingStatus.WAITING),
    ],
)
def test_a_place_while_any_is_left_then_the_waiting_list(confirmed, capacity, place):
    assert place_for(confirmed=confirmed, capacity=capacity) == place


@pytest.mark.parametrize(
    ("confirmed", "capacity", "waiting", "promoted"),
    [(9, 10, 3, 1), (10, 10, 3, 0), (5, 10, 3, 3), (12, 10, 2, 0), (0, 4, 0, 0)],
)
def test_promotions_fill_free_places_from_the_waiting_list(confirmed, capacity, waiting, promoted):
    assert promotions(confirmed=confirmed, capacity=capacity, waiting=waiting) == promoted


@pytest.mark.parametrize(
    ("by_address", "by_client", "refused"),
    [
        (0, 0, ""),
        (PER_ADDRESS - 1, PER_CLIENT - 1, ""),
        (PER_ADDRESS, 0, "e-mail address"),
        (0, PER_CLIENT, "your network"),
    ],
)
def test_rate_limit(by_address, by_client, refused):
    refusal = rate_limit_refusal(by_address=by_address, by_client=by_client)
    assert (refused in refusal) if refused else refusal == ""


@pytest.mark.parametrize(
    ("status", "started", "allowed"),
    [
        (BookingStatus.CONFIRMED, False, True),
        (BookingStatus.WAITING, False, True),
        (BookingStatus.CANCELLED, False, False),
        (BookingStatus.CONFIRMED, True, False),
    ],
)
def test_can_cancel(status, started, allowed):
    assert can_cancel(status=status, session_started=started) is allowed

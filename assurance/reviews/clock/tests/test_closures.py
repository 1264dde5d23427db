"""Closure days: amira (the business unit) adds the partnership's closure day, and the deadlines
of a review move past it; a weekend or a bank holiday is refused with a reason; removing it
moves them back."""

from __future__ import annotations

import pytest

from assurance.reviews.clock.models import ClosureDay

pytestmark = pytest.mark.django_db


def test_a_closure_day_moves_the_deadlines(northfield, incident, amira, farah, client_for):
    client = client_for(amira)
    detail = northfield.url(f"reviews/{incident.pk}/")
    assert "9 Mar 2026" in client.get(detail).content.decode()
    response = client.post(
        northfield.url("reviews/closure-days/new/"),
        {"day": "2026-03-04", "reason": "Office move"},
    )
    assert response.status_code == 302, response.content.decode()
    page = client.get(detail).content.decode()
    assert "10 Mar 2026" in page and "24 Mar 2026" in page
    closure = ClosureDay.unscoped.get()
    assert closure.history.get().history_user == amira.user
    assert "Office move" in client.get(northfield.url("reviews/closure-days/")).content.decode()
    response = client.post(northfield.url(f"reviews/closure-days/{closure.pk}/remove/"), {})
    assert response.status_code == 302
    assert not ClosureDay.unscoped.exists()
    assert "9 Mar 2026" in client.get(detail).content.decode()
    assert client_for(farah).get(northfield.url("reviews/closure-days/")).status_code == 403


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2026-03-07", "at the weekend"),
        ("2026-04-03", "bank holiday (Good Friday)"),
        ("2026-12-28", "bank holiday (Boxing Day (observed))"),
    ],
)
def test_days_that_are_never_working_days_are_refused(northfield, amira, client_for, day, words):
    response = client_for(amira).post(
        northfield.url("reviews/closure-days/new/"), {"day": day, "reason": "Closed"}
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not ClosureDay.unscoped.exists()


def test_the_same_day_twice_is_refused(northfield, amira, client_for):
    client = client_for(amira)
    url = northfield.url("reviews/closure-days/new/")
    client.post(url, {"day": "2026-03-04", "reason": "Office move"})
    response = client.post(url, {"day": "2026-03-04", "reason": "Again"})
    assert "is a closure day already" in response.content.decode()
    assert ClosureDay.unscoped.count() == 1


def test_closure_days_are_read_per_partnership_by_a_query_compiled_once(
    northfield, southvale, monkeypatch
):
    """Each partnership's own closure days, one query for any number of partnerships; its SQL is
    compiled once per process for each number of partnerships (ADR 033), so reading them again
    (every page of the board) builds no query."""
    from datetime import date

    from assurance.reviews.clock import selectors

    ours, theirs = northfield.partnership, southvale.partnership
    ClosureDay.unscoped.create(partnership=ours, day=date(2026, 12, 29), reason="Closed")
    ClosureDay.unscoped.create(partnership=ours, day=date(2026, 12, 30), reason="Closed")
    ClosureDay.unscoped.create(partnership=theirs, day=date(2026, 8, 3), reason="Closed")
    both = selectors.closure_days_by_partnership(partnership_ids=[theirs.pk, ours.pk, ours.pk])
    assert both == {
        ours.pk: frozenset({date(2026, 12, 29), date(2026, 12, 30)}),
        theirs.pk: frozenset({date(2026, 8, 3)}),
    }
    assert selectors.closure_days(partnership=theirs) == frozenset({date(2026, 8, 3)})
    assert selectors.closure_days_by_partnership(partnership_ids=[]) == {}

    class NoQueryset:
        def __getattr__(self, name: str) -> None:
            raise AssertionError(f"A queryset was built again (ClosureDay.{name})")

    monkeypatch.setattr(selectors, "ClosureDay", NoQueryset())
    assert selectors.closure_days(partnership=ours) == both[ours.pk]
    assert selectors.closure_days_by_partnership(partnership_ids=[ours.pk, theirs.pk]) == both

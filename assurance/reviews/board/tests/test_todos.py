"""The business unit's to-do list names reviews whose deadline is missed or close; the
scrutineer's home page lists the decisions they have not yet reviewed."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.core.registry import reviews_for, todos_for
from assurance.partnerships.access import actor_for_person
from assurance.reviews.rapid_reviews import services as rapid_services

pytestmark = pytest.mark.django_db


def test_missed_deadlines_are_on_the_business_units_list(incident, amira, farah):
    todos = [t for t in todos_for(actor_for_person(amira)) if "Serious incident" in t.text]
    assert len(todos) == 1 and todos[0].count == 1  # notification of 2 March 2026 missed
    assert not [t for t in todos_for(actor_for_person(farah)) if "Serious incident" in t.text]


def test_decisions_await_the_scrutineers_review(partners_met, amira, corinne):
    incident = partners_met

    def section():  # type: ignore[no-untyped-def]
        return next(
            s
            for s in reviews_for(actor_for_person(corinne), None)
            if "Review decisions" in s.heading
        )

    assert section().items == ()
    rapid_services.rapid_review_record(
        actor=actor_for_person(amira),
        incident=incident,
        sent_on=date(2026, 3, 20),
        decision="no_cspr",
        decided_on=date(2026, 4, 1),
        decision_reasons="No systemic learning.",
        today=date(2026, 5, 1),
    )
    [item] = section().items
    assert "SI-2026-01" in item.text
    rapid_services.rapid_review_scrutinise(
        actor=actor_for_person(corinne), incident=incident, scrutineer_review="Agreed."
    )
    assert section().items == ()

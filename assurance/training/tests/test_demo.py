"""Northfield's demo year of training meets the issue: 8 courses, 40 sessions, about 600
bookings, fewer answers three months on than before, one course with a clear gain and one with
none, and an action of the log delivered by the neglect course, measured by its three-month
change, shown on the action and on the neglect priority's scorecard."""

from __future__ import annotations

from collections import Counter

import pytest

from assurance.improvement.actions.models import Action, ImpactAssessment
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.training.bookings.models import Booking
from assurance.training.courses.models import Course
from assurance.training.demo import DELIVERED_ACTION
from assurance.training.evaluation import figures, selectors
from assurance.training.evaluation.models import Response
from assurance.training.sessions.models import TrainingSession

pytestmark = pytest.mark.django_db

NEGLECT = "Recognising and responding to neglect"
FATHERS = "Working with fathers and male carers"


def test_the_demo_year_of_training_meets_the_issue(demo, client_for) -> None:
    courses = Course.unscoped.filter(partnership__slug="northfield")
    assert courses.count() == 8
    assert TrainingSession.unscoped.filter(partnership__slug="northfield").count() == 40
    assert 550 <= Booking.unscoped.filter(partnership__slug="northfield").count() <= 700
    answered = Counter(
        Response.unscoped.filter(partnership__slug="northfield").values_list("stage", flat=True)
    )
    # attrition: under half answer three months on, fewer managers still
    assert answered["three_months"] < answered["before"] / 2
    assert answered["manager"] < answered["three_months"]

    neglect, fathers = courses.get(title=NEGLECT), courses.get(title=FATHERS)
    gain = selectors.course_three_month_change(course=neglect)
    assert figures.verdict(gain) == "Clear gain" and not gain.caution
    assert figures.verdict(selectors.course_three_month_change(course=fathers)) == (
        "No clear change"
    )

    action = Action.unscoped.get(partnership__slug="northfield", title=DELIVERED_ACTION)
    assert list(neglect.actions.all()) == [action]
    impact = ImpactAssessment.unscoped.filter(action=action).get()
    assert impact.method == "training" and impact.outcome == "achieved"
    assert impact.figures["n_pairs"] == gain.n_pairs
    assert impact.figures["mean_change"] == pytest.approx(gain.mean_change)

    bu = Person.unscoped.get(email="business-unit@northfield.example")
    client = client_for(bu)
    page = client.get(f"/p/northfield/actions/{action.pk}/").content.decode()
    assert NEGLECT in page and "Clear gain three months after" in page
    priority = neglect.priorities.order_by("-business_year").first()  # one per business year
    scorecard = client.get(f"/p/northfield/data-set/scorecards/{priority.pk}/").content.decode()
    # the year's change, linked to the year's training evaluation report (its figures)
    assert f"/training/report/?year={priority.business_year}" in scorecard
    assert "Clear gain" in scorecard
    assert actor_for_person(bu).can("evaluation.view")

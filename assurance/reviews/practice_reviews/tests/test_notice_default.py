"""The partnership's notice before publication is where each new practice review starts: amira
(the business unit) sets 10 working days, and a new practice review has 10; one already
recorded keeps its own."""

from __future__ import annotations

import pytest

from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.reviews.practice_reviews.selectors import practice_review_of

pytestmark = pytest.mark.django_db

URL = "reviews/settings/"


def test_new_practice_reviews_take_the_partnerships_notice(northfield, amira, client_for):
    incident = SeriousIncidentFactory(partnership=northfield.partnership, recorded_by=amira)
    assert practice_review_of(incident=incident).notice_working_days == 7
    response = client_for(amira).post(
        northfield.url(URL), {"notice_working_days": "10", "information_working_days": "3"}
    )
    assert response.status_code == 302, response.content.decode()
    assert practice_review_of(incident=incident).notice_working_days == 10


def test_a_practice_review_already_recorded_keeps_its_notice(northfield, amira, client_for):
    incident = SeriousIncidentFactory(partnership=northfield.partnership, recorded_by=amira)
    PracticeReview.unscoped.create(
        partnership=northfield.partnership, incident=incident, notice_working_days=7
    )
    client_for(amira).post(
        northfield.url(URL), {"notice_working_days": "12", "information_working_days": "5"}
    )
    assert practice_review_of(incident=incident).notice_working_days == 7

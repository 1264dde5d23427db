"""The review meeting. amira (the business unit) links SI-2026-01's rapid review to a meeting of
the learning cycle; the safeguarding partners' decision is recorded only when that meeting was
quorate with the council (farah), the police (helen) and the health board (joanna) present, by
the partnership's own quorum rule; otherwise she is told who was missing, and nothing is
saved."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.improvement.meetings.models import Attendance
from assurance.partnerships.access import actor_for_person
from assurance.reviews.rapid_reviews import services
from assurance.reviews.rapid_reviews.models import RapidReview
from assurance.reviews.rapid_reviews.tests.factories import review_meeting

pytestmark = pytest.mark.django_db

DECISION = {
    "sent_on": "2026-03-20",
    "decision": "no_cspr",
    "decided_on": "2026-04-01",
    "decision_reasons": "No systemic learning.",
}


def test_no_decision_without_the_review_meeting(northfield, incident, amira, client_for):
    response = client_for(amira).post(
        northfield.url(f"reviews/{incident.pk}/rapid-review/"), DECISION
    )
    assert response.status_code == 200
    assert "Link the review meeting first" in response.content.decode()
    assert not RapidReview.unscoped.exists()


def test_a_decision_waits_for_all_three_partners(
    northfield, incident, amira, farah, helen, joanna, client_for
):
    meeting = review_meeting(northfield.partnership, present=[farah, joanna], apologies=[helen])
    client = client_for(amira)
    url = northfield.url(f"reviews/{incident.pk}/rapid-review/")
    assert client.post(url + "meeting/", {"meeting": meeting.pk}).status_code == 302
    detail = client.get(northfield.url(f"reviews/{incident.pk}/")).content.decode()
    assert "Not quorate" in detail and "no representative of the police" in detail
    response = client.post(url, DECISION)
    page = response.content.decode()
    assert response.status_code == 200
    assert "cannot be recorded as the safeguarding partners&#x27; decision" in page
    assert "was not quorate: no representative of the police is present." in page
    # Said once, by the refusal (in the error summary and beside the decision), not again by
    # its reason nor by the page's lead
    assert "Not quorate" not in page and page.lower().count("not quorate") == 2
    review = RapidReview.unscoped.get()
    assert (review.decision, review.sent_on) == ("", None)  # nothing of the post was saved
    # The police lead was there after all: the attendance is corrected on the meeting
    Attendance.unscoped.filter(meeting=meeting, person=helen).update(present=True)
    response = client.post(url, DECISION)
    assert response.status_code == 302, response.content.decode()
    review.refresh_from_db()
    assert review.decision == "no_cspr"
    assert review.decision_quorum.startswith("Quorate: all three safeguarding partners")
    detail = client.get(northfield.url(f"reviews/{incident.pk}/")).content.decode()
    assert "Quorate" in detail and "At the review meeting" in detail
    # Once decided there, the review meeting stays
    other = review_meeting(northfield.partnership, present=[farah], held_on=date(2026, 4, 8))
    response = client.post(url + "meeting/", {"meeting": other.pk})
    assert "cannot move to another meeting" in response.content.decode()


def test_the_decision_is_not_dated_before_the_meeting(
    northfield, incident, amira, farah, helen, joanna
):
    actor = actor_for_person(amira)
    meeting = review_meeting(northfield.partnership, present=[farah, helen, joanna])
    services.rapid_review_meeting_link(actor=actor, incident=incident, meeting=meeting)
    with pytest.raises(Exception) as refused:
        services.rapid_review_record(
            actor=actor,
            incident=incident,
            decision="no_cspr",
            decided_on=date(2026, 3, 31),
            decision_reasons="No learning.",
            today=date(2026, 5, 1),
        )
    assert "at the review meeting on 1 April 2026" in str(refused.value)


def test_a_meeting_before_the_incident_is_refused(
    northfield, incident, amira, farah, helen, joanna, client_for
):
    earlier = review_meeting(
        northfield.partnership, present=[farah, helen, joanna], held_on=date(2026, 2, 25)
    )
    with pytest.raises(Exception) as refused:
        services.rapid_review_meeting_link(
            actor=actor_for_person(amira), incident=incident, meeting=earlier
        )
    assert "held after the local authority became aware" in str(refused.value)
    # The page offers only meetings since then
    page = client_for(amira).get(northfield.url(f"reviews/{incident.pk}/rapid-review/meeting/"))
    assert "25 February 2026" not in page.content.decode()

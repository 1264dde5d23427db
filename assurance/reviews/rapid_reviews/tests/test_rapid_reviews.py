"""A rapid review: amira (the business unit) records it going to the Panel, the recommendation
and the safeguarding partners' decision; corinne (the scrutineer) reviews the decision; farah,
named on the review, reads it all but changes nothing."""

from __future__ import annotations

import pytest

from assurance.reviews.rapid_reviews.models import RapidReview
from assurance.reviews.rapid_reviews.tests.factories import review_meeting

pytestmark = pytest.mark.django_db


def test_from_rapid_review_to_the_scrutineers_review(
    northfield, incident, amira, corinne, farah, helen, joanna, client_for
):
    bu = client_for(amira)
    url = northfield.url(f"reviews/{incident.pk}/rapid-review/")
    meeting = review_meeting(northfield.partnership, present=[farah, helen, joanna])
    response = bu.post(url + "meeting/", {"meeting": meeting.pk})
    assert response.status_code == 302, response.content.decode()
    # The scrutineer cannot review a decision not yet taken
    page = client_for(corinne).get(url + "scrutiny/").content.decode()
    assert "have not decided yet" in page
    response = client_for(corinne).post(url + "scrutiny/", {"scrutineer_review": "Fine."})
    assert (
        response.status_code == 200
        and not RapidReview.unscoped.filter(decision="").exclude(scrutineer_review="").exists()
    )
    response = bu.post(
        url,
        {
            "sent_on": "2026-03-24",
            "recommendation": "cspr",
            "recommendation_reasons": "Agencies did not share what they knew.",
            "decision": "cspr",
            "decided_on": "2026-04-02",
            "decision_reasons": "The criteria are met.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    review = RapidReview.unscoped.get()
    assert review.sent_on.isoformat() == "2026-03-24" and review.decision == "cspr"
    assert review.decision_quorum == "Quorate: all three safeguarding partners are represented."
    detail = client_for(farah).get(northfield.url(f"reviews/{incident.pk}/")).content.decode()
    # Sent on Tuesday 24 March, a working day after it was due (Monday 23 March)
    assert "Send the rapid review to the Panel" in detail and "Done late" in detail
    assert "Publish the practice review" in detail and "2 Oct 2026" in detail
    assert "Record the rapid review" not in detail  # farah reads, she does not record
    response = client_for(corinne).post(
        url + "scrutiny/", {"scrutineer_review": "The decision follows from the findings."}
    )
    assert response.status_code == 302, response.content.decode()
    review.refresh_from_db()
    assert review.scrutineer == corinne and review.scrutineer_reviewed_on is not None
    assert client_for(farah).get(url).status_code == 403
    assert client_for(amira).get(url + "scrutiny/").status_code == 403


def test_a_half_recorded_decision_is_refused_and_nothing_is_saved(
    northfield, incident, amira, client_for
):
    response = client_for(amira).post(
        northfield.url(f"reviews/{incident.pk}/rapid-review/"),
        {"sent_on": "2026-03-20", "decision": "no_cspr"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the date of the decision" in page and "Enter the reasons" in page
    assert not RapidReview.unscoped.exists()


def test_only_the_business_unit_records_rapid_reviews(northfield, incident, joanna, client_for):
    # joanna is an agency lead: she may not record rapid reviews, on any review
    url = northfield.url(f"reviews/{incident.pk}/rapid-review/")
    assert client_for(joanna).get(url).status_code == 403

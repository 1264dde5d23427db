"""A practice review, from the decision to publication, and its finding on the golden thread:
amira (the business unit) records the review, adds a finding to the learning cycle and records
its publication; farah, named on the review, follows the finding to its learning thread."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.improvement.learning.models import LearningItem
from assurance.partnerships.access import actor_for_person
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.reviews.rapid_reviews import services as rapid_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(partners_met, amira):  # type: ignore[no-untyped-def]
    incident = partners_met
    incident.notified_on = date(2026, 3, 6)
    incident.save()
    rapid_services.rapid_review_record(
        actor=actor_for_person(amira),
        incident=incident,
        sent_on=date(2026, 3, 20),
        recommendation="cspr",
        recommendation_reasons="Learning of national importance.",
        decision="cspr",
        decided_on=date(2026, 4, 2),
        decision_reasons="The criteria are met.",
        today=date(2026, 11, 1),
    )
    return incident


def test_from_decision_to_publication_with_its_learning(
    northfield, decided, amira, farah, client_for
):
    bu = client_for(amira)
    url = northfield.url(f"reviews/{decided.pk}/practice-review/")
    response = bu.post(
        url,
        {
            "terms_of_reference": "How agencies shared what they knew.",
            "reviewers": "An independent reviewer",
            "notice_working_days": "7",
            "practitioner_event_due": "2026-06-01",
            "practitioner_event_on": "2026-06-03",
            "draft_due": "2026-08-01",
            "planned_publication_on": "2026-09-30",
        },
    )
    assert response.status_code == 302, response.content.decode()
    page = bu.get(northfield.url(f"reviews/{decided.pk}/")).content.decode()
    # Six months from 2 April 2026; the notice 7 working days before the planned 30 September
    assert "2 Oct 2026" in page and ("21 Sept 2026" in page or "21 Sep 2026" in page)
    assert "Late" in page  # the practitioner event was held two days after its due date
    response = bu.post(
        url + "findings/new/",
        {
            "title": "Fathers are not seen",
            "what_was_learned": "Nobody asked who cared for the baby.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    item = LearningItem.unscoped.get()
    assert (
        item.source == "review" and item.source_reference == f"Practice review {decided.reference}"
    )
    review = PracticeReview.unscoped.get()
    assert list(review.learning_items.all()) == [item]
    # farah reads the review and follows its learning to the golden thread
    page = client_for(farah).get(northfield.url(f"reviews/{decided.pk}/")).content.decode()
    thread = northfield.url(f"actions/from-learning/{item.pk}/")
    assert thread in page
    assert client_for(farah).get(thread).status_code == 200
    # Published, a week after the report went to the Panel and the Department
    response = bu.post(
        url,
        {
            "terms_of_reference": "How agencies shared what they knew.",
            "reviewers": "An independent reviewer",
            "notice_working_days": "7",
            "planned_publication_on": "2026-09-30",
            "report_sent_on": "2026-09-18",
            "publication": "publish",
            "published_on": "2026-09-30",
            "publication_link": "https://northfield.example/reviews/child-a",
        },
    )
    assert response.status_code == 302, response.content.decode()
    row = client_for(amira).get(f"/api/v1/reviews/{decided.pk}").json()
    assert row["published_on"] == "2026-09-30" and row["publication_due"] == "2026-10-02"
    assert row["stage"] == "closed"


def test_not_publishing_needs_its_reasons(northfield, decided, amira, client_for):
    url = northfield.url(f"reviews/{decided.pk}/practice-review/")
    response = client_for(amira).post(
        url, {"notice_working_days": "7", "publication": "not_publish"}
    )
    assert response.status_code == 200
    assert "Enter the reasons for not publishing" in response.content.decode()
    response = client_for(amira).post(
        url,
        {
            "notice_working_days": "7",
            "publication": "not_publish",
            "publication_reasons": "The family asked that it is not published; a summary is.",
        },
    )
    assert response.status_code == 302
    row = client_for(amira).get(f"/api/v1/reviews/{decided.pk}").json()
    assert row["stage"] == "closed" and row["publication_due"] is None


def test_no_practice_review_without_the_decision(northfield, incident, amira, client_for):
    response = client_for(amira).post(
        northfield.url(f"reviews/{incident.pk}/practice-review/"),
        {"notice_working_days": "7", "terms_of_reference": "x"},
    )
    assert response.status_code == 200
    assert "record that decision on the rapid review first" in response.content.decode()
    assert not PracticeReview.unscoped.exists()

"""The deadline board, a review's page and the reviews API read a fixed number of queries,
whatever the number of reviews: amira (the business unit) with one review, then with six (each
with its rapid review, a practice review and two agencies' information requests)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assurance.reviews.information_requests.tests.factories import InformationRequestFactory
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.reviews.rapid_reviews.models import RapidReview

pytestmark = pytest.mark.django_db

BOARD = 5  # the business unit reads every review: no query of those she may open
BOARD_ALL = 5
BOARD_PANEL = 6  # someone on the panel: and which reviews they are named on
API_LIST = 6  # the caller's partnerships and roles in one query, whatever their number
API_DETAIL = 7  # its facts in one query; the submitted answers of its requests in one
API_DETAIL_PANEL = 8  # someone on the panel: and whether they are named on it
# A review's page: the incident with its rapid and practice reviews in one query, the closure
# days, agencies involved, panel, learning and information requests, and the access log's
# entry (3: its own transaction)
REVIEW_PAGE = 11


def _reviews(northfield, amira, farah, count):  # type: ignore[no-untyped-def]
    made = []
    for n in range(count):
        aware = date(2026, 1, 5) + timedelta(days=20 * n)
        incident = SeriousIncidentFactory(
            partnership=northfield.partnership,
            recorded_by=amira,
            became_aware_on=aware,
            notified_on=aware + timedelta(days=5),
            panel=[farah],
        )
        RapidReview.unscoped.create(
            partnership=northfield.partnership,
            incident=incident,
            sent_on=aware + timedelta(days=18),
            decision="cspr",
            decided_on=aware + timedelta(days=25),
            decision_reasons="Synthetic.",
        )
        PracticeReview.unscoped.create(partnership=northfield.partnership, incident=incident)
        for agency in (northfield.council, northfield.health):
            InformationRequestFactory(incident=incident, agency=agency, requested_by=amira)
        made.append(incident)
    return made


@pytest.mark.parametrize("count", [1, 6])
def test_queries_do_not_grow_with_the_reviews(
    northfield, amira, farah, client_for, django_assert_num_queries, count
):
    incidents = _reviews(northfield, amira, farah, count)
    client = client_for(amira)
    client.get(northfield.url("reviews/"))  # the session and the sign-in, once
    with django_assert_num_queries(BOARD):
        assert client.get(northfield.url("reviews/")).status_code == 200
    with django_assert_num_queries(BOARD_ALL):
        page = client.get(northfield.url("reviews/?show=all"))
    assert page.content.decode().count("SI-2026-") == count
    panel = client_for(farah)
    panel.get(northfield.url("reviews/"))
    with django_assert_num_queries(BOARD_PANEL):
        page = panel.get(northfield.url("reviews/?show=all"))
    assert page.content.decode().count("SI-2026-") == count
    with django_assert_num_queries(API_LIST):
        assert len(client.get("/api/v1/reviews/").json()) == count
    with django_assert_num_queries(API_DETAIL):
        assert client.get(f"/api/v1/reviews/{incidents[-1].pk}").status_code == 200
    with django_assert_num_queries(REVIEW_PAGE):
        page = client.get(northfield.url(f"reviews/{incidents[-1].pk}/"))
    assert page.status_code == 200 and "The practice review" in page.content.decode()
    with django_assert_num_queries(API_DETAIL_PANEL):
        assert panel.get(f"/api/v1/reviews/{incidents[-1].pk}").status_code == 200

"""The deadline board's views. By default it shows the open reviews and those closed in the last
twelve months (the business unit does not read ten years at once); a plain form (no JavaScript)
picks the open ones only, those closed in a year, or every review. The counts always cover the
whole partnership."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assurance.reviews.board.selectors import shown
from assurance.reviews.board.timeline import review_timeline
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory
from assurance.reviews.rapid_reviews.models import RapidReview

TODAY = date(2026, 12, 1)


def _timeline(decided_on: date | None):  # type: ignore[no-untyped-def]
    aware = (decided_on or TODAY) - timedelta(days=30)
    return review_timeline(
        became_aware_on=aware,
        notified_on=aware + timedelta(days=2),
        rapid_review_sent_on=aware + timedelta(days=14),
        decision="no_cspr" if decided_on else "",
        decided_on=decided_on,
        today=TODAY,
    )


@pytest.mark.parametrize(
    ("decided_on", "show", "expected"),
    [
        (None, "", True),  # open: always in the default view
        (None, "open", True),
        (None, "all", True),
        (None, "2026", False),  # a year's view lists the reviews closed that year
        (date(2026, 6, 1), "", True),  # closed within the last twelve months
        (date(2025, 12, 2), "", True),  # 364 days ago
        (date(2025, 12, 1), "", False),  # a year ago to the day: older
        (date(2025, 12, 1), "2025", True),
        (date(2025, 12, 1), "2024", False),
        (date(2019, 5, 1), "", False),
        (date(2019, 5, 1), "open", False),
        (date(2019, 5, 1), "all", True),
        (date(2019, 5, 1), "2019", True),
        (date(2019, 5, 1), "nonsense", False),
    ],
)
def test_which_reviews_a_view_shows(decided_on: date | None, show: str, expected: bool) -> None:
    assert shown(_timeline(decided_on), show, TODAY) is expected


@pytest.mark.django_db
def test_the_board_shows_open_and_recent_reviews_and_older_ones_on_request(
    northfield, amira, farah, client_for
):
    today = date.today()

    def review(reference: str, decided_on: date | None) -> None:
        aware = (decided_on or today) - timedelta(days=30)
        incident = SeriousIncidentFactory(
            partnership=northfield.partnership,
            reference=reference,
            recorded_by=amira,
            became_aware_on=aware,
            notified_on=aware + timedelta(days=2),
            panel=[farah],
        )
        RapidReview.unscoped.create(
            partnership=northfield.partnership,
            incident=incident,
            sent_on=aware + timedelta(days=14),
            decision="no_cspr" if decided_on else "",
            decided_on=decided_on,
            decision_reasons="Synthetic." if decided_on else "",
        )

    old_year = today.year - 5
    review("SI-OPEN-01", None)
    review("SI-RECENT-01", today - timedelta(days=100))
    review("SI-OLD-01", date(old_year, 6, 15))
    client = client_for(amira)
    page = client.get(northfield.url("reviews/")).content.decode()
    assert "SI-OPEN-01" in page and "SI-RECENT-01" in page and "SI-OLD-01" not in page
    assert "(1 more not shown)" in page
    assert "3 serious incidents recorded" in page  # the counts cover every review
    # The form offers the year the old one closed; a GET, so it works without JavaScript
    assert '<form method="get"' in page and f'<option value="{old_year}">' in page
    page = client.get(northfield.url(f"reviews/?show={old_year}")).content.decode()
    assert "SI-OLD-01" in page and "SI-OPEN-01" not in page and "SI-RECENT-01" not in page
    assert f'<option value="{old_year}" selected>' in page
    page = client.get(northfield.url("reviews/?show=open")).content.decode()
    assert "SI-OPEN-01" in page and "SI-RECENT-01" not in page
    page = client.get(northfield.url("reviews/?show=all")).content.decode()
    assert all(ref in page for ref in ("SI-OPEN-01", "SI-RECENT-01", "SI-OLD-01"))


@pytest.mark.django_db
def test_facts_read_only_the_reviews_kept_in_the_incidents_own_partnership(
    northfield, southvale, amira
):
    """A review is read with its incident's partnership in the join (the index PostgreSQL uses
    to read one partnership's reviews), so a rapid review stored against another partnership
    (never made by the service) is no part of the incident's facts, on the board or the API."""
    from assurance.reviews.board.selectors import partnership_facts, review_facts
    from assurance.reviews.notifications.models import SeriousIncident

    ours = SeriousIncidentFactory(partnership=northfield.partnership, recorded_by=amira)
    stray = SeriousIncidentFactory(partnership=northfield.partnership, recorded_by=amira)
    for incident, partnership in ((ours, northfield), (stray, southvale)):
        RapidReview.unscoped.create(
            partnership=partnership.partnership,
            incident=incident,
            sent_on=incident.became_aware_on + timedelta(days=10),
            decision="no_cspr",
            decided_on=incident.became_aware_on + timedelta(days=20),
        )
    compiled_facts = partnership_facts(partnership_id=northfield.partnership.pk)
    queried = review_facts(SeriousIncident.unscoped.filter(partnership=northfield.partnership))
    for facts in (compiled_facts, queried):
        by_pk = {f.pk: f for f in facts}
        assert (by_pk[ours.pk].decision, by_pk[ours.pk].sent_on) == (
            "no_cspr",
            ours.became_aware_on + timedelta(days=10),
        )
        assert (by_pk[stray.pk].decision, by_pk[stray.pk].sent_on) == ("", None)

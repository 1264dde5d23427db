"""The annual summary: its figures as a table (no database), and the page, PDF and Word
document for anyone who may see the board's counts, with no reference in them."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.reviews.board.annual import (
    AnnualFigures,
    Facts,
    annual_figures,
    information_in_time,
    share,
)
from assurance.reviews.information_requests.tests.factories import InformationRequestFactory


def facts(**over: object) -> Facts:
    values: dict[str, object] = {
        "became_aware_on": date(2026, 5, 4),
        "incident_type": "serious_harm",
        "age_band": "under_1",
        "notification_due": date(2026, 5, 11),
        "notified_on": date(2026, 5, 8),
        "rapid_review_due": date(2026, 5, 26),
        "rapid_review_sent_on": date(2026, 5, 26),
        "decision": "",
        "decided_on": None,
        "publication_due": None,
        "published_on": None,
    }
    values.update(over)
    return Facts(**values)  # type: ignore[arg-type]


def test_annual_figures() -> None:
    rows = [
        facts(),
        facts(notified_on=date(2026, 5, 12), rapid_review_sent_on=date(2026, 5, 27)),  # late
        facts(notified_on=None, rapid_review_sent_on=None, incident_type="death"),
        # Aware in March 2026: the year before, but decided and published in this one
        facts(
            became_aware_on=date(2026, 3, 2),
            decision="cspr",
            decided_on=date(2026, 4, 2),
            publication_due=date(2026, 10, 2),
            published_on=date(2026, 9, 30),
        ),
        facts(
            became_aware_on=date(2025, 9, 1),
            decision="cspr",
            decided_on=date(2025, 10, 1),
            publication_due=date(2026, 4, 1),
            published_on=date(2026, 5, 1),  # a month late
        ),
        facts(decision="no_cspr", decided_on=date(2026, 6, 1)),
    ]
    found = annual_figures(rows, 2026)
    assert found == AnnualFigures(
        year=2026,
        notifications=4,
        notified=3,
        notified_in_time=2,
        rapid_reviews_sent=3,
        rapid_reviews_in_time=2,
        decisions={"cspr": 1, "no_cspr": 1},
        published=2,
        published_in_time=1,
        by_type={"serious_harm": 3, "death": 1},
        by_age={"under_1": 4},
    )
    assert annual_figures(rows, 2024).notifications == 0


@pytest.mark.parametrize(
    ("part", "whole", "words"), [(3, 4, "3 of 4 (75%)"), (0, 0, "none"), (2, 3, "2 of 3 (67%)")]
)
def test_share(part: int, whole: int, words: str) -> None:
    assert share(part, whole) == words


@pytest.mark.parametrize(
    ("requests", "expected"),
    [
        ([], (0, 0)),
        # sent, due, submitted: on the due date is in time; the day after is late
        ([(date(2025, 5, 1), date(2025, 5, 8), date(2025, 5, 8))], (1, 1)),
        ([(date(2025, 5, 1), date(2025, 5, 8), date(2025, 5, 9))], (0, 1)),
        ([(date(2025, 5, 1), date(2025, 5, 8), None)], (0, 1)),  # not answered
        # counted in the business year it was sent: 31 March is the year before's
        ([(date(2025, 3, 31), date(2025, 4, 7), date(2025, 4, 2))], (0, 0)),
        (
            [
                (date(2025, 4, 1), date(2025, 4, 8), date(2025, 4, 3)),
                (date(2026, 3, 31), date(2026, 4, 8), date(2026, 4, 9)),
            ],
            (1, 2),
        ),
    ],
)
def test_agencies_information_answered_in_time(
    requests: list[tuple[date, date, date | None]], expected: tuple[int, int]
) -> None:
    assert information_in_time(requests, 2025) == expected


@pytest.mark.django_db
def test_the_summary_as_page_pdf_and_word(northfield, incident, joanna, dev, client_for):
    InformationRequestFactory(  # asked 2 March 2026, due 9 March, answered on the 6th
        incident=incident,
        agency=northfield.health,
        requested_by=incident.recorded_by,
        status="submitted",
        submitted_on=date(2026, 3, 6),
    )
    client = client_for(joanna)  # not named on SI-2026-01: counts are all she gets
    page = client.get(northfield.url("reviews/annual-summary/?year=2025"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Serious incident notifications" in text and "SI-2026-01" not in text
    assert "Notified to the Panel within 5 working days" in text
    # the ICB's information, asked in the year, answered in time (the only share of 1)
    assert "answered by its due date" in text and "1 of 1 (100%)" in text
    pdf = client.get(northfield.url("reviews/annual-summary/pdf/?year=2025"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(northfield.url("reviews/annual-summary/docx/?year=2025"))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert client_for(dev).get(northfield.url("reviews/annual-summary/")).status_code == 403

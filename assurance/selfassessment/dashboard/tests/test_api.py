"""The self-assessment API: Amira (business unit) and Corinne (scrutineer) get Northfield's
rounds with their counts and a round's completion per organisation; Priya (police auditor)
gets an empty list and 403 for the round; Tamsin (Southvale) gets 404 for it; each endpoint
reads a fixed number of queries whatever the number of participants (10 or 600)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.selfassessment.rounds.models import Participant
from assurance.selfassessment.rounds.tests.factories import RoundFactory
from assurance.selfassessment.settings.models import Setting
from assurance.selfassessment.settings.tests.factories import SettingFactory

pytestmark = pytest.mark.django_db


def test_the_rounds_with_their_counts(school_round, amira, corinne, priya, client_for):
    round = school_round["round"]
    rows = client_for(amira).get("/api/v1/self-assessments/rounds/").json()
    assert [r["id"] for r in rows] == [round.pk]
    row = rows[0]
    assert row["tool"] == str(round.framework) and row["year"] == round.year
    assert row["deadline"] == round.deadline.isoformat()
    assert row["counts"] == {
        "not_started": 2,
        "in_progress": 1,
        "submitted": 1,
        "overdue": 3,
        "total": 4,
    }
    assert client_for(corinne).get("/api/v1/self-assessments/rounds/").json() == rows
    assert client_for(priya).get("/api/v1/self-assessments/rounds/").json() == []


def test_a_rounds_completion(school_round, amira, priya, tamsin, client_for):
    round = school_round["round"]
    url = f"/api/v1/self-assessments/rounds/{round.pk}/completion"
    body = client_for(amira).get(url).json()
    assert body["totals"] == {
        "not_started": 2,
        "in_progress": 1,
        "submitted": 1,
        "overdue": 3,
        "total": 4,
    }
    by_name = {o["name"]: o for o in body["organisations"]}
    assert list(by_name) == [
        "Brook Infant School",
        "Fairway Primary School",
        "Larkfield Primary School",
        "Oakhurst High School",
    ]
    fairway = by_name["Fairway Primary School"]
    assert fairway["kind"] == "setting" and fairway["status"] == "submitted"
    assert fairway["submitted_on"] == timezone.localdate().isoformat()
    assert fairway["overdue"] is False
    assert by_name["Oakhurst High School"]["submitted_on"] is None
    assert by_name["Oakhurst High School"]["overdue"] is True
    assert client_for(priya).get(url).status_code == 403
    assert client_for(tamsin).get(url).status_code == 404
    assert (
        client_for(amira).get("/api/v1/self-assessments/rounds/999999/completion").status_code
        == 404
    )


def test_the_schema_describes_the_endpoints(client_for, amira):
    schema = client_for(amira).get("/api/v1/openapi.json").json()
    assert "/api/v1/self-assessments/rounds/" in schema["paths"]
    assert "/api/v1/self-assessments/rounds/{id}/completion" in schema["paths"]
    fields = schema["components"]["schemas"]["CompletionRow"]["properties"]
    for name in ("name", "kind", "status", "submitted_on"):
        assert name in fields, name


def _round_of(northfield, n: int):
    """A round of ``n`` schools, a third submitted and a third in progress."""
    p = northfield.partnership
    round = RoundFactory(partnership=p, deadline=timezone.localdate() + timedelta(days=10))
    first = SettingFactory(partnership=p)
    Setting.unscoped.bulk_create(
        [
            Setting(
                partnership=p,
                urn=first.urn + 1000 + i,
                name=f"School {i:03d}",
                la_number="334",
                establishment_type="Community school",
                type_group="Local authority maintained schools",
                phase="Primary" if i % 2 else "Secondary",
                status="open",
                postcode=f"NF{i % 9 + 1} 1AA",
                imported_at=timezone.now(),
            )
            for i in range(n - 1)
        ]
    )
    statuses = ["not_started", "in_progress", "submitted"]
    bulk_create_with_history(
        [
            Participant(
                partnership=p,
                round=round,
                setting=s,
                status=statuses[i % 3],
                submitted_at=timezone.now() if i % 3 == 2 else None,
            )
            for i, s in enumerate(Setting.unscoped.filter(partnership=p).order_by("pk"))
        ],
        Participant,
    )
    return round


# Queries of each page, once warm: the shell (session; user with person, roles), the round, then
# the page's own (counts, and when the settings were last imported, what its filters' choices
# and rows are kept under), then, the first time, one page of rows with their last activity
# and chase (which, filtered, also says how many match: unfiltered, that is every
# participant), and none once the rows are kept (ADR 032); the export reads the rows each time,
# and the round's staff surveys for its "What staff say" sheet (one query when there is none,
# as here; four when there are)
QUERIES = {
    "": (6, 5),
    "?phase=Primary&status=in_progress&sort=activity": (6, 5),
    "export.xlsx": (6, 6),
}
API_QUERIES = {"rounds/": 4, "rounds/{pk}/completion": 5}


@pytest.mark.parametrize("n", [10, 600])
def test_constant_queries(northfield, amira, client_for, django_assert_num_queries, n):
    """The same number of queries for 10 participants as for 600: the dashboard's first page,
    a filtered page (each drawn, then kept), the export and both API endpoints."""
    round = _round_of(northfield, n)
    assert round.participants.count() == n
    client = client_for(amira)
    base = f"/p/{round.partnership.slug}/self-assessment/rounds/{round.pk}/completion/"
    client.get(base + "?sort=status")  # warm: the session's first reads, the filters' choices
    for tail, (first, again) in QUERIES.items():
        for queries in (first, again):
            with django_assert_num_queries(queries):
                assert client.get(base + tail).status_code == 200
    for tail, queries in API_QUERIES.items():
        with django_assert_num_queries(queries):
            url = "/api/v1/self-assessments/" + tail.format(pk=round.pk)
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("submitted_at", "day"),
    [
        ("2026-06-30T23:30:00+00:00", "2026-07-01"),  # half past midnight in summer time
        ("2026-12-31T23:30:00+00:00", "2026-12-31"),  # in winter, London is on UTC
    ],
)
def test_the_day_submitted_is_the_day_in_england(
    school_round, amira, client_for, submitted_at, day
):
    """``submitted_on`` is the day the return was submitted in the service's time zone (as its
    page shows it), worked out by the database."""
    round = school_round["round"]
    Participant.unscoped.filter(round=round, status="submitted").update(
        submitted_at=datetime.fromisoformat(submitted_at)
    )
    url = f"/api/v1/self-assessments/rounds/{round.pk}/completion"
    by_name = {o["name"]: o for o in client_for(amira).get(url).json()["organisations"]}
    assert by_name["Fairway Primary School"]["submitted_on"] == day

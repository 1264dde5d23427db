"""The heat map, the standards' page, the API and the round's report read a fixed number of
queries, whatever the number of returns (2 or 30 schools): never a query per organisation or
per standard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assurance.selfassessment.returns.tests.factories import s175_round
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
from assurance.selfassessment.settings.tests.factories import SettingFactory
from assurance.selfassessment.standards.tests.factories import rated

pytestmark = pytest.mark.django_db

PHASES = ("Primary", "Secondary", "Nursery")


def pages(round_pk: int) -> list[str]:
    base = f"/p/northfield/self-assessment/rounds/{round_pk}/"
    return [
        base + "standards/",
        base + "heat-map/",
        base + "heat-map/?by=type_group&phase=Primary",
        base + "report/",
        f"/api/v1/self-assessments/rounds/{round_pk}/standards",
    ]


# the heat map (its first request after the returns changed, as here) reads what its choices
# and groups' figures are kept under (2: the submitted returns, the settings' last import),
# then them, and counts its returns by group, not again for its pages;
# the report: its reads, the challenges' agreed ratings (one), the staff surveys (one when the
# round has none, as here); the API reads the round once (rounds/api.py)
EXPECTED = [9, 12, 12, 15, 10]


def queries(client, urls: list[str]) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        counts.append(len(captured))
    return counts


def test_constant_queries(northfield, amira, client_for):
    p = northfield.partnership
    year = timezone.localdate().year
    last = s175_round(p, year=year - 1, deadline=timezone.localdate() - timedelta(days=300))
    round = s175_round(p, year=year, deadline=timezone.localdate() - timedelta(days=1))
    client = client_for(amira)
    client.get(f"/p/northfield/self-assessment/rounds/{round.pk}/")  # warm the session
    measured = []
    for n in (2, 30):
        while round.participants.count() < n:
            i = round.participants.count()
            setting = SettingFactory(partnership=p, phase=PHASES[i % 3])
            rated(ParticipantFactory(round=round, setting=setting), {"1.1": "Not met"})
            rated(ParticipantFactory(round=last, setting=setting))
        measured.append(queries(client, pages(round.pk)))
    # the shell's, the round, then each page's own reads
    assert measured == [EXPECTED, EXPECTED]

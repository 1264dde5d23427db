"""What staff say (issue 11): the pages of a Section 11 round's practitioners' survey in
bench-000 (its 15 agencies, each survey with 40 answers, one with 5): the round's surveys, an
organisation's results, and the practitioner's survey by its open link (no sign-in); beside
the signed-in page shell (the search page with nothing typed, the empty page of the same user).
The results page's queries are compared between 5 and 40 answers."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from assurance.bench.harness import Bench, count_queries, scenario, time_page
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.selfassessment.rounds.models import Audience, Round
from assurance.selfassessment.rounds.services import round_open
from assurance.selfassessment.surveys import selectors, services
from assurance.selfassessment.surveys.models import StaffAnswer, StaffResponse, StaffSurvey
from assurance.selfassessment.tools.services import tools_load

ANSWERS = 40


def _round(partnership: Any) -> Round:
    existing = Round.unscoped.filter(
        partnership=partnership, framework__name__startswith="Section 11"
    ).first()
    if existing is not None:
        return existing
    unit = Person.unscoped.filter(partnership=partnership, is_business_unit=True).first()
    assert unit is not None, "the bench partnership has a business unit"
    actor = actor_for_person(unit)
    tools = tools_load(partnership=partnership)
    framework = next(t for t in tools if t.name.startswith("Section 11"))
    round = round_open(
        actor=actor,
        framework=framework,
        year=timezone.localdate().year,
        audience=Audience.AGENCIES,
        deadline=timezone.localdate() + timedelta(days=30),
    )
    services.surveys_start(actor=actor, round=round)
    codes = [s.code for s in selectors.standards(round=round)]
    rng = random.Random(11)
    scale = list(StaffAnswer.values)
    surveys = list(StaffSurvey.unscoped.filter(participant__round=round).order_by("pk"))
    StaffResponse.unscoped.bulk_create(
        StaffResponse(
            partnership=partnership,
            survey=survey,
            answered_on=timezone.localdate(),
            answers={code: rng.choice(scale) for code in codes},
        )
        for i, survey in enumerate(surveys)
        for _ in range(5 if i == 0 else ANSWERS)
    )
    return round


@scenario("staff_survey", order=85)
def staff_survey(bench: Bench) -> None:
    partnership = bench.partnerships[0]
    round = _round(partnership)
    surveys = list(StaffSurvey.unscoped.filter(participant__round=round).order_by("pk"))
    few, many = surveys[0], surveys[1]
    base = f"/p/{partnership.slug}/"
    client = bench.client(partnership)
    rows = [
        time_page(
            "signed-in shell (search, nothing typed)", client, base + "search/", bench.repeat
        ),
        time_page(
            "round's surveys (15 agencies)",
            client,
            f"{base}self-assessment/rounds/{round.pk}/staff-survey/",
            bench.repeat,
        ),
        time_page(
            f"an organisation's results ({ANSWERS} answers)",
            client,
            f"{base}self-assessment/staff-surveys/{many.pk}/",
            bench.repeat,
        ),
        time_page(
            "practitioner's survey by open link (no sign-in)",
            Client(),
            f"/staff-survey/{many.token}/",
            bench.repeat,
        ),
    ]
    bench.report(
        "What staff say (issue 11): the practitioners' survey's pages, beside the signed-in "
        "page shell",
        rows,
        baseline=rows[0],
    )
    bench.compare_queries(
        "staff survey results",
        "5 answers",
        f"{ANSWERS} answers",
        count_queries(client, f"{base}self-assessment/staff-surveys/{few.pk}/"),
        count_queries(client, f"{base}self-assessment/staff-surveys/{many.pk}/"),
    )

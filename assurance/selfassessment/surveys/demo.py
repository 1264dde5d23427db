"""Northfield's practitioners' survey of its 2024/25 Section 11 round: every agency's link,
started by the business unit when the round opened, and its staff's answers sent through the
same service as the open link, on days while the round was open (the links have closed with
the round's deadline since). Most agencies have 6 to 14 answers, with plausible spreads: staff
are least sure of whistleblowing (3.1) and supervision (4.2), and two agencies' staff mostly
disagree on one standard each. Northshire Fire and Rescue Service has 3, so its page says "2
more responses needed". Idempotent: a round whose surveys have started is left as it is."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Partnership, Person
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.surveys import selectors, services
from assurance.selfassessment.surveys.models import StaffAnswer, StaffSurvey

STARTED = date(2024, 6, 10)
FEW = "Northshire Fire and Rescue Service"  # 3 answers: "2 more responses needed"
# (agency, standard) where most staff disagree: beside a "Fully met" self-rating, a flag
LOW = {("Northshire Police", "3.1"), ("Northfield Homes", "4.2")}
UNSURE = {"3.1", "4.2", "3.4"}  # standards staff are least sure of everywhere
COMMENTS = [
    "Supervision is often cancelled when the team is busy.",
    "I know who our safeguarding lead is but I have never needed to use the escalation policy.",
    "Training is good but mostly online; a face-to-face session would help.",
    "I was not sure where to find the whistleblowing policy.",
]

A, P, D, K = StaffAnswer.AGREE, StaffAnswer.PARTLY, StaffAnswer.DISAGREE, StaffAnswer.DONT_KNOW


def _answer(rng: random.Random, agency: str, code: str) -> str:
    if (agency, code) in LOW:
        weights = (1, 2, 6, 1)
    elif code in UNSURE:
        weights = (4, 3, 1, 2)
    else:
        weights = (7, 2, 1, 1)
    return rng.choices((A, P, D, K), weights=weights)[0]


def load_demo_surveys(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None:
        return
    unit = Person.objects_for(partnership).filter(is_business_unit=True, is_active=True).first()
    round = (
        Round.objects_for(partnership)
        .filter(framework__name__startswith="Section 11", year=2024)
        .select_related("framework")
        .first()
    )
    if unit is None or round is None:
        return
    if StaffSurvey.objects_for(partnership).filter(participant__round=round).exists():
        return
    services.surveys_start(actor=actor_for_person(unit), round=round, today=STARTED)
    codes = [s.code for s in selectors.standards(round=round)]
    rng = random.Random(2024)
    surveys = (
        StaffSurvey.objects_for(partnership)
        .filter(participant__round=round)
        .select_related("participant__agency", "participant__round")
        .order_by("participant__agency__name")
    )
    for survey in surveys:
        agency = survey.participant.name
        n = 3 if agency == FEW else rng.randint(6, 14)
        for i in range(n):
            day = STARTED + timedelta(days=rng.randint(0, 60))
            services.response_submit(
                survey=survey,
                answers={code: _answer(rng, agency, code) for code in codes},
                comment=COMMENTS[i % len(COMMENTS)] if rng.random() < 0.2 else "",
                today=min(day, round.deadline),
            )

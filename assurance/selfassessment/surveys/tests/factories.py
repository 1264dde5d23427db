"""Factories for what staff say: ``section_11_round(tenant, actor)`` opens a Section 11 round of
the shipped tool (12 standards) for the tenant's agencies; ``StaffSurveyFactory(participant=p)``
is one organisation's open link; ``answers(code="agree")`` a response's answers to every
standard of that tool."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

import factory
from django.utils import timezone

from assurance.partnerships.access import Actor
from assurance.selfassessment.rounds.models import Audience, Round
from assurance.selfassessment.rounds.services import round_open
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
from assurance.selfassessment.surveys.models import StaffResponse, StaffSurvey
from assurance.selfassessment.tools.services import tools_load

SECTION_11_CODES = [
    "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2"
]  # fmt: skip


def section_11_round(*, actor: Actor, deadline: date | None = None) -> Round:
    """The partnership's Section 11 round of this business year for all its agencies."""
    tools = tools_load(partnership=actor.partnership)
    framework = next(t for t in tools if t.name.startswith("Section 11"))
    return round_open(
        actor=actor,
        framework=framework,
        year=timezone.localdate().year,
        audience=Audience.AGENCIES,
        deadline=deadline or timezone.localdate() + timedelta(days=30),
    )


def answers(default: str = "agree", **by_code: str) -> dict[str, str]:
    """Answers to every Section 11 standard: ``answers("agree", **{"3.1": "disagree"})``."""
    return {code: by_code.get(code, default) for code in SECTION_11_CODES}


class StaffSurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffSurvey

    participant = factory.SubFactory(ParticipantFactory)
    partnership = factory.SelfAttribute("participant.partnership")
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))


class StaffResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffResponse

    survey = factory.SubFactory(StaffSurveyFactory)
    partnership = factory.SelfAttribute("survey.partnership")
    answered_on = factory.LazyFunction(timezone.localdate)
    answers = factory.LazyFunction(answers)

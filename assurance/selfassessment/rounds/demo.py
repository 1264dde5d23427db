"""Northfield's self-assessment rounds: the Section 175/157 round of 2025/26 for every open
school and college of its local authority (over 120), and the Section 11 round of 2024/25 for
every agency, opened by the business unit through the same service as the page. Idempotent:
a round the partnership already has is left as it is. Returns come with the next slice, so
every participant is still "not started", and, the deadlines having passed, overdue."""

from __future__ import annotations

from datetime import date
from typing import Any

from assurance.frameworks.models import Framework, FrameworkKind
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Partnership, Person
from assurance.selfassessment.rounds.models import Audience, Round
from assurance.selfassessment.rounds.services import round_open

# (tool name starts with, business year, audience, opened on, deadline)
ROUNDS = [
    ("Section 175", 2025, Audience.SETTINGS, date(2025, 9, 8), date(2025, 12, 12)),
    ("Section 11", 2024, Audience.AGENCIES, date(2024, 6, 3), date(2024, 10, 31)),
]


def load_demo_rounds(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None:
        return
    unit = Person.objects_for(partnership).filter(is_business_unit=True, is_active=True).first()
    if unit is None:
        return
    actor = actor_for_person(unit)
    tools = Framework.objects_for(partnership).filter(kind=FrameworkKind.SELF_ASSESSMENT)
    for prefix, year, audience, opened, deadline in ROUNDS:
        framework = tools.filter(name__startswith=prefix).order_by("-version").first()
        if framework is None:
            continue
        if Round.objects_for(partnership).filter(framework__family=framework.family, year=year):
            continue
        round_open(
            actor=actor,
            framework=framework,
            year=year,
            audience=audience,
            deadline=deadline,
            today=opened,
        )

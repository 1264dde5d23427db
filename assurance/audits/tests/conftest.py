"""An audit in Northfield to test with: a small tool (2 KLOEs, 2 standards each, Met / Partially
met / Not met / Not applicable), the police, council and health taking part, and personas from
the root conftest (amira the business unit, priya the police auditor, helen the police lead,
joanna the health lead, corinne the scrutineer)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assurance.audits.models import Audit, AuditKind, AuditProgramme, AuditStatus, Theme
from assurance.core.roles import Role
from assurance.frameworks.models import Framework, Item, ResponseScale, ScaleOption, Section
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PersonFactory


def actor_of(person: Person) -> Actor:
    return Actor(
        user=person.user, partnership=person.partnership, person=person, roles=person.roles
    )


@pytest.fixture
def tool(northfield: Any) -> Framework:
    p = northfield.partnership
    scale = ResponseScale.unscoped.create(partnership=p, name="Met scale")
    for order, (label, meets, na) in enumerate(
        [
            ("Met", True, False),
            ("Partially met", False, False),
            ("Not met", False, False),
            ("Not applicable", False, True),
        ],
        start=1,
    ):
        ScaleOption.objects.create(
            scale=scale, label=label, order=order, meets_standard=meets, is_not_applicable=na
        )
    framework = Framework.unscoped.create(partnership=p, name="Neglect audit tool", theme="neglect")
    for s in (1, 2):
        section = Section.objects.create(
            framework=framework, code=f"KLOE {s}", title=f"Line of enquiry {s}", order=s
        )
        for i in (1, 2):
            Item.objects.create(
                section=section,
                code=f"{s}.{i}",
                text=f"Standard {s}.{i}",
                response_type="scale",
                scale=scale,
                evidence_required=(i == 1),
                order=i,
            )
    return framework


@pytest.fixture
def kwame(northfield: Any) -> Person:
    """kwame: a health auditor in Northfield."""
    return PersonFactory(
        partnership=northfield.partnership,
        agency=northfield.health,
        full_name="Kwame Asante",
        email="kwame@northfield.test",
        roles=[Role.AUDITOR],
    )


@pytest.fixture
def audit(northfield: Any, tool: Framework, amira: Person) -> Audit:
    p = northfield.partnership
    programme = AuditProgramme.unscoped.create(
        partnership=p, business_year=2026, title="Programme 2026/27"
    )
    audit = Audit.unscoped.create(
        partnership=p,
        programme=programme,
        title="Neglect deep dive",
        theme=Theme.NEGLECT,
        kind=AuditKind.DEEP_DIVE,
        planned_month=date(2026, 6, 1),
        framework=tool,
        lead=amira,
        scope="Neglect cases",
        sample_criteria="Open 3 months",
        status=AuditStatus.SAMPLING,
        returns_due=date(2026, 7, 15),
    )
    audit.agencies.set([northfield.council, northfield.police, northfield.health])
    return audit

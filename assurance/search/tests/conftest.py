"""Northfield's records that the search tests look for, and Southvale's that must stay hidden.

Every title carries the word "neglect" so that one search finds one record of each kind; the
audit's cases are known to the police and health (``add_case``), and one more only to health,
so priya (police auditor) must not find that case nor health's return.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from assurance.audits.models import AgencyReturn, Audit, AuditCase, AuditStatus
from assurance.audits.tests.factories import AuditFactory, add_case, neglect_deep_dive
from assurance.dataset.catalogue.tests.factories import IndicatorFactory
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.improvement.actions.tests.factories import ActionFactory
from assurance.improvement.learning.tests.factories import (
    LearningItemFactory,
    RecommendationFactory,
)
from assurance.improvement.meetings.tests.factories import MeetingFactory
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant


@dataclass
class Records:
    audit: Audit
    case: AuditCase
    health_only_case: AuditCase
    police_return: AgencyReturn
    health_return: AgencyReturn
    learning: Any
    recommendation: Any
    action: Any
    health_action: Any
    meeting: Any
    indicator: Any


def _records(tenant: Tenant, business_unit: Person) -> Records:
    tool = NeglectAuditToolFactory(partnership=tenant.partnership)
    audit = neglect_deep_dive(tenant, tool=tool, lead=business_unit)
    case = add_case(audit, tenant, business_unit)
    health_only = add_case(
        audit, tenant, business_unit, agencies=[tenant.health], record_numbers={}
    )
    returns = {r.agency_id: r for r in AgencyReturn.unscoped.filter(case=case)}
    group = GroupFactory(
        partnership=tenant.partnership, name=f"{tenant.partnership.name} neglect sub-group"
    )
    return Records(
        audit=audit,
        case=case,
        health_only_case=health_only,
        police_return=returns[tenant.police.pk],
        health_return=returns[tenant.health.pk],
        learning=LearningItemFactory(
            partnership=tenant.partnership,
            title="Neglect is seen late",
            what_was_learned="Chronologies were missing in most cases.",
        ),
        recommendation=RecommendationFactory(
            partnership=tenant.partnership,
            title="Use the neglect toolkit",
            text="Every agency uses the graded care profile.",
        ),
        action=ActionFactory(
            partnership=tenant.partnership,
            title="Train staff in the neglect toolkit",
            owner_agency=tenant.police,
        ),
        health_action=ActionFactory(
            partnership=tenant.partnership,
            title="Health visitors use the neglect toolkit",
            owner_agency=tenant.health,
        ),
        meeting=MeetingFactory(group=group, minutes="Discussed the audit's findings."),
        indicator=IndicatorFactory(code="NEG-1", title="Children on a plan for neglect"),
    )


@pytest.fixture
def records(northfield: Tenant, amira: Person) -> Records:
    return _records(northfield, amira)


@pytest.fixture
def southvale_records(southvale: Tenant, tamsin: Person) -> Records:
    tool = NeglectAuditToolFactory(partnership=southvale.partnership)
    audit = AuditFactory(
        partnership=southvale.partnership,
        title="Southvale neglect audit",
        framework=tool,
        status=AuditStatus.CLOSED,
        agencies=[southvale.police],
    )
    LearningItemFactory(partnership=southvale.partnership, title="Southvale neglect learning")
    RecommendationFactory(partnership=southvale.partnership, title="Southvale neglect plan")
    ActionFactory(partnership=southvale.partnership, title="Southvale neglect action")
    return audit  # type: ignore[return-value]

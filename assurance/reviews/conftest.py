"""The reviews tests' records: a serious incident in Northfield that farah (the council's lead)
and helen (the police lead) are named on, and joanna (the ICB's lead) is not. The personas come
from the root conftest."""

from __future__ import annotations

import pytest

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory


@pytest.fixture
def incident(northfield: Tenant, amira: Person, farah: Person, helen: Person) -> SeriousIncident:
    """SI-2026-01: a baby's injuries; the council became aware on Monday 2 March 2026."""
    return SeriousIncidentFactory(
        partnership=northfield.partnership,
        reference="SI-2026-01",
        recorded_by=amira,
        panel=[farah, helen],
        agencies=[northfield.council, northfield.police],
    )


@pytest.fixture
def partners_met(
    northfield: Tenant,
    incident: SeriousIncident,
    amira: Person,
    farah: Person,
    helen: Person,
    joanna: Person,
) -> SeriousIncident:
    """SI-2026-01's review meeting (Wednesday 1 April 2026), quorate: the council, the police
    and the health board present. The safeguarding partners' decision can be recorded."""
    from assurance.partnerships.access import actor_for_person
    from assurance.reviews.rapid_reviews.services import rapid_review_meeting_link
    from assurance.reviews.rapid_reviews.tests.factories import review_meeting

    meeting = review_meeting(northfield.partnership, present=[farah, helen, joanna])
    rapid_review_meeting_link(actor=actor_for_person(amira), incident=incident, meeting=meeting)
    return incident

"""Factories of information requests.

``InformationRequestFactory(incident=incident, agency=northfield.health)`` asks the health
board for its information on the incident's rapid review, on the partnership's rapid review
template (loaded from the shipped file the first time), sent on Monday 2 March 2026 and due on
Monday 9 March (5 working days)."""

from __future__ import annotations

from datetime import date

import factory

from assurance.frameworks.assessments import assessment_start
from assurance.partnerships.tests.factories import AgencyFactory, PersonFactory
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.information_requests.services import request_template_load
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory


class InformationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationRequest

    incident = factory.SubFactory(SeriousIncidentFactory)
    partnership = factory.SelfAttribute("incident.partnership")
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    assessment = factory.LazyAttribute(
        lambda o: assessment_start(
            framework=request_template_load(partnership=o.partnership),
            partnership=o.partnership,
        )
    )
    requested_on = date(2026, 3, 2)
    due_on = date(2026, 3, 9)
    requested_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )

"""Factories of serious incidents.

``SeriousIncidentFactory(partnership=p, recorded_by=amira, panel=[farah])`` is an incident the
council became aware of on Monday 2 March 2026, not yet notified, that farah may read.
"""

from __future__ import annotations

from datetime import date

import factory

from assurance.partnerships.tests.factories import PartnershipFactory, PersonFactory
from assurance.reviews.notifications.models import AgeBand, IncidentType, SeriousIncident


class SeriousIncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeriousIncident
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"SI-2026-{n + 1:02d}")
    age_band = AgeBand.UNDER_ONE
    incident_type = IncidentType.SERIOUS_HARM
    summary = "A baby was admitted to hospital with unexplained injuries."
    became_aware_on = date(2026, 3, 2)
    area = "Town centre"
    recorded_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )

    @factory.post_generation
    def panel(self, create: bool, extracted: list | None, **kwargs: object) -> None:  # type: ignore[no-untyped-def]
        if create and extracted:
            self.panel.set(extracted)

    @factory.post_generation
    def agencies(self, create: bool, extracted: list | None, **kwargs: object) -> None:  # type: ignore[no-untyped-def]
        if create and extracted:
            self.agencies.set(extracted)

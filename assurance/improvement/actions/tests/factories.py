"""Factories for the action log: actions, their progress updates, evidence and impact.

``ActionFactory(partnership=p, owner_agency=agency)`` is an open action due in 90 days with a
described measure of success (pass ``recommendation`` for an action of a plan);
``ActionUpdateFactory(action=a, recorded_by=person)``, ``ActionEvidenceFactory(action=a,
added_by=person)`` (a link) and ``ImpactAssessmentFactory(action=a)`` (a recorded judgement) belong
to the action's partnership.
"""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
    ImpactMethod,
    ImpactOutcome,
    MeasureKind,
    Rag,
)
from assurance.partnerships.tests.factories import (
    AgencyFactory,
    PartnershipFactory,
    PersonFactory,
)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    partnership = factory.SubFactory(PartnershipFactory)
    recommendation = None
    title = factory.Sequence(lambda n: f"Action {n + 1}")
    owner_agency = factory.SubFactory(
        AgencyFactory, partnership=factory.SelfAttribute("..partnership")
    )
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=90))
    measure_kind = MeasureKind.DESCRIBED
    measure = "Checked by the business unit."


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    partnership = factory.SelfAttribute("action.partnership")
    rag = Rag.GREEN
    text = "On course."
    recorded_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )


class ActionEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionEvidence

    action = factory.SubFactory(ActionFactory)
    partnership = factory.SelfAttribute("action.partnership")
    description = "Register"
    link = factory.LazyAttribute(lambda o: f"/p/{o.partnership.slug}/actions/{o.action.pk}/")
    added_by = factory.SubFactory(PersonFactory, partnership=factory.SelfAttribute("..partnership"))


class ImpactAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImpactAssessment

    action = factory.SubFactory(ActionFactory)
    partnership = factory.SelfAttribute("action.partnership")
    method = ImpactMethod.JUDGEMENT
    outcome = ImpactOutcome.ACHIEVED
    summary = "Achieved, judged by the business unit."

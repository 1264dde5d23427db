"""Factories for audits: the programme and an audit; and builders that take an audit's cases and
returns through the services, as the business unit and the auditors would.

``AuditFactory(partnership=p, framework=tool, agencies=[...])`` is a neglect deep dive planned for
June 2026 in the partnership's 2026/27 programme; ``neglect_deep_dive(tenant, tool=…, lead=…)`` is
the one the ``audit`` fixtures give. ``add_case(audit, tenant, by=amira)`` adds a
case involving the tenant's police and health (the police's record number given);
``return_submitted(agency_return, auditor=priya, labels=["Met", ...])`` assigns the auditor and
saves and submits the return with those answers, one per standard of the audit's tool.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import factory

from assurance.audits import sample, services
from assurance.audits.models import (
    AgencyReturn,
    Audit,
    AuditCase,
    AuditKind,
    AuditProgramme,
    AuditStatus,
    KeyMessage,
    Theme,
)
from assurance.frameworks.models import Framework, Item, ScaleOption
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PartnershipFactory, Tenant


class AuditProgrammeFactory(factory.django.DjangoModelFactory):
    """The partnership's programme for a business year (one a year: fetched if it exists)."""

    class Meta:
        model = AuditProgramme
        django_get_or_create = ("partnership", "business_year")

    partnership = factory.SubFactory(PartnershipFactory)
    business_year = 2026
    title = factory.LazyAttribute(
        lambda o: f"Programme {o.business_year}/{(o.business_year + 1) % 100:02d}"
    )


class AuditFactory(factory.django.DjangoModelFactory):
    """An audit; ``agencies=[...]`` are the participating agencies (none unless given)."""

    class Meta:
        model = Audit
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    programme = factory.SubFactory(
        AuditProgrammeFactory, partnership=factory.SelfAttribute("..partnership")
    )
    title = factory.Sequence(lambda n: f"Neglect audit {n + 1}")
    theme = Theme.NEGLECT
    kind = AuditKind.DEEP_DIVE
    planned_month = date(2026, 6, 1)
    scope = "Neglect cases"
    sample_criteria = "Open 3 months"
    framework = None
    lead = None
    status = AuditStatus.PLANNED

    @factory.post_generation
    def agencies(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.agencies.set(extracted)


class KeyMessageFactory(factory.django.DjangoModelFactory):
    """A key message of an audit (a new audit unless given; the partnership is the audit's)."""

    class Meta:
        model = KeyMessage

    audit = factory.SubFactory(AuditFactory)
    partnership = factory.SelfAttribute("audit.partnership")
    kind = KeyMessage.Kind.STRENGTH
    aspect = "Voice of the child"
    text = factory.Sequence(lambda n: f"Key message {n + 1}.")
    order = factory.Sequence(lambda n: n + 1)


def neglect_deep_dive(tenant: Tenant, *, tool: Framework, lead: Person) -> Audit:
    """The audit the audit and improvement tests share: "Neglect deep dive" with ``tool``, at
    the sampling step, returns due on 15 July 2026, the council, police and health taking part."""
    return AuditFactory(
        partnership=tenant.partnership,
        title="Neglect deep dive",
        framework=tool,
        lead=lead,
        status=AuditStatus.SAMPLING,
        returns_due=date(2026, 7, 15),
        agencies=[tenant.council, tenant.police, tenant.health],
    )


def add_case(audit: Audit, tenant: Tenant, by: Person, **extra: Any) -> AuditCase:
    """A girl aged 5 to 9 known to the police (record number CRIME/2026/0042) and health, added
    by ``by`` (the business unit) through ``sample.case_add``."""
    values: dict[str, Any] = {
        "age_band": "5-9",
        "gender": "girl",
        "agencies": [tenant.police, tenant.health],
        "record_numbers": {tenant.police.pk: "CRIME/2026/0042"},
        **extra,
    }
    return sample.case_add(actor=actor_for_person(by), audit=audit, **values)


def answers_for(audit: Audit, labels: list[str]) -> dict[int, dict[str, Any]]:
    """Answers to every standard of the audit's tool in order, with evidence: ``labels`` name
    the option of each."""
    items = list(
        Item.objects.filter(section__framework=audit.framework).order_by("section__order", "order")
    )
    options = {o.label: o.pk for o in ScaleOption.objects.filter(scale=items[0].scale)}
    return {
        item.pk: {"option": options[label], "evidence": "Seen in the record."}
        for item, label in zip(items, labels, strict=True)
    }


def return_submitted(
    agency_return: AgencyReturn,
    *,
    auditor: Person,
    labels: list[str],
    narrative: dict[str, str] | None = None,
) -> AgencyReturn:
    """The return assigned to ``auditor``, answered with ``labels`` and submitted by them."""
    agency_return.auditors.add(auditor)
    actor = actor_for_person(auditor)
    services.return_save(
        actor=actor,
        agency_return=agency_return,
        answers=answers_for(agency_return.case.audit, labels),
        narrative=narrative or {},
        expected_revision=0,
    )
    return services.return_submit(actor=actor, agency_return=agency_return)

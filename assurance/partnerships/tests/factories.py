"""Factories for the partnership's records (factory_boy, Faker in British English).

``PersonFactory(roles=[Role.AUDITOR])`` gives a person with a sign-in account and those roles;
the person's agency and the user follow the person's partnership and e-mail address.
``TenantFactory(slug="northfield", name="Northfield")`` gives a partnership with its three
statutory partners and a school (a ``Tenant``), as the ``northfield`` and ``southvale`` fixtures
use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import factory
from django.contrib.auth import get_user_model
from faker import Faker

from assurance.core.roles import Role
from assurance.partnerships.models import (
    Agency,
    AgencyKind,
    Group,
    GroupMember,
    MeetingFrequency,
    Partnership,
    Person,
    Priority,
    QuorumRule,
    Sector,
    StatutoryRole,
    VotingRule,
)

factory.Faker._DEFAULT_LOCALE = "en_GB"
fake = Faker("en_GB")

TEST_PASSWORD = "a-long-test-password-9731"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save()


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"{fake.city()} Safeguarding Children Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    local_authority_name = factory.Faker("city", locale="en_GB")
    require_two_factor = False


class AgencyFactory(factory.django.DjangoModelFactory):
    """A relevant agency; ``AgencyFactory(statutory=StatutoryRole.POLICE)`` for a partner."""

    class Meta:
        model = Agency

    class Params:
        statutory: str = ""

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"{fake.company()} {n}")
    short_name = factory.LazyAttribute(lambda o: o.name[:40])
    kind = factory.LazyAttribute(
        lambda o: AgencyKind.STATUTORY_PARTNER if o.statutory else AgencyKind.RELEVANT_AGENCY
    )
    statutory_role = factory.LazyAttribute(lambda o: o.statutory)
    sector = factory.LazyAttribute(
        lambda o: {
            StatutoryRole.LOCAL_AUTHORITY: Sector.LOCAL_AUTHORITY,
            StatutoryRole.POLICE: Sector.POLICE,
            StatutoryRole.HEALTH: Sector.HEALTH_COMMISSIONER,
        }.get(o.statutory, Sector.OTHER)
    )
    is_active = True


class PersonFactory(factory.django.DjangoModelFactory):
    """A person with a sign-in account; pass ``roles=[...]`` (default: viewer)."""

    class Meta:
        model = Person

    partnership = factory.SubFactory(PartnershipFactory)
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    full_name = factory.Faker("name", locale="en_GB")
    job_title = factory.Faker("job", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    user = factory.SubFactory(
        UserFactory,
        email=factory.SelfAttribute("..email"),
        full_name=factory.SelfAttribute("..full_name"),
    )
    is_active = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs: Any) -> dict[str, Any]:
        roles: Iterable[Role] = kwargs.pop("roles", (Role.VIEWER,))
        for role, field in Person.ROLE_FIELDS.items():
            kwargs.setdefault(field, role in roles)
        return kwargs


class GroupFactory(factory.django.DjangoModelFactory):
    """A group; ``members=[person, ...]`` gives each a seat for their agency.

    ``GroupFactory(decision_making=True)`` is an executive: it decides on recommendations, is
    quorate with all three safeguarding partners and votes one per statutory partner.
    """

    class Meta:
        model = Group
        skip_postgeneration_save = True

    class Params:
        decision_making = factory.Trait(
            is_decision_making=True,
            quorum_rule=QuorumRule.ALL_STATUTORY_PARTNERS,
            voting_rule=VotingRule.ONE_PER_STATUTORY_PARTNER,
        )

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Task and finish group {n}")
    short_name = factory.Sequence(lambda n: f"TFG{n}")
    purpose = factory.Faker("paragraph", locale="en_GB")
    meeting_frequency = MeetingFrequency.QUARTERLY
    quorum_rule = QuorumRule.ALL_STATUTORY_PARTNERS
    quorum_number = None
    voting_rule = VotingRule.CONSENSUS

    @factory.post_generation
    def members(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        for person in extracted or ():
            GroupMemberFactory(group=obj, agency=person.agency, person=person)


class GroupMemberFactory(factory.django.DjangoModelFactory):
    """A seat on a group, held by nobody unless ``person`` is given."""

    class Meta:
        model = GroupMember

    group = factory.SubFactory(GroupFactory)
    partnership = factory.SelfAttribute("group.partnership")
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    position = factory.Faker("job", locale="en_GB")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    partnership = factory.SubFactory(PartnershipFactory)
    business_year = 2026
    title = factory.Sequence(lambda n: f"Priority {n}")
    description = factory.Faker("sentence", locale="en_GB")
    order = factory.Sequence(lambda n: n + 1)


@dataclass
class Tenant:
    """A partnership built by factories, with its three statutory partners and a school."""

    partnership: Partnership
    council: Agency
    police: Agency
    health: Agency
    school: Agency

    @property
    def slug(self) -> str:
        return self.partnership.slug

    def url(self, path: str = "") -> str:
        return f"/p/{self.partnership.slug}/{path}"


def _agency(name: str, statutory: str = "") -> Any:
    """An agency of the tenant's partnership, named after the tenant."""
    return factory.SubFactory(
        AgencyFactory,
        partnership=factory.SelfAttribute("..partnership"),
        name=factory.LazyAttribute(lambda o: f"{o.factory_parent.name} {name}"),
        statutory=statutory,
    )


class TenantFactory(factory.Factory):
    """``TenantFactory(slug="northfield", name="Northfield")``: the partnership, "Northfield
    Council", "Northfield Police", "Northfield Integrated Care Board" (the three statutory
    partners) and "Northfield Learning Trust"."""

    class Meta:
        model = Tenant

    class Params:
        slug = factory.Sequence(lambda n: f"tenant-{n}")
        name = factory.Sequence(lambda n: f"Tenant {n}")

    partnership = factory.SubFactory(
        PartnershipFactory,
        slug=factory.SelfAttribute("..slug"),
        name=factory.SelfAttribute("..name"),
    )
    council = _agency("Council", StatutoryRole.LOCAL_AUTHORITY)
    police = _agency("Police", StatutoryRole.POLICE)
    health = _agency("Integrated Care Board", StatutoryRole.HEALTH)
    school = _agency("Learning Trust")

"""Factories for settings: ``SettingFactory(partnership=p)`` is an open primary school of the
partnership's local authority, with a URN of its own; ``SettingMemberFactory(setting=s)`` its
designated safeguarding lead (a setting user who can sign in)."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.selfassessment.settings.gias import GiasRow
from assurance.selfassessment.settings.models import (
    IMPORTED_FIELDS,
    Setting,
    SettingMember,
    SettingRole,
    SettingStatus,
)


class SettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Setting

    partnership = factory.SubFactory(PartnershipFactory)
    urn = factory.Sequence(lambda n: 980001 + n)
    name = factory.Sequence(lambda n: f"Larkfield Primary School No. {n + 1}")
    la_number = "334"
    la_name = "Northfield"
    establishment_type = "Community school"
    type_group = "Local authority maintained schools"
    phase = "Primary"
    status = SettingStatus.OPEN
    postcode = "NF1 2AB"
    imported_at = factory.LazyFunction(timezone.now)


class SettingUserFactory(factory.django.DjangoModelFactory):
    """A setting user of the partnership: a person with no agency and no other role."""

    class Meta:
        model = Person

    partnership = factory.SubFactory(PartnershipFactory)
    agency = None
    user = factory.LazyAttribute(
        lambda o: get_user_model().objects.create_user(
            email=o.email, password="correct horse battery", full_name=o.full_name
        )
    )
    full_name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"dsl{n + 1}@school.example")
    job_title = "Designated safeguarding lead"
    is_setting_user = True


class SettingMemberFactory(factory.django.DjangoModelFactory):
    """``SettingMemberFactory(setting=s)``: the setting's designated safeguarding lead, a user
    of the setting's partnership who can sign in."""

    class Meta:
        model = SettingMember

    setting = factory.SubFactory(SettingFactory)
    partnership = factory.SelfAttribute("setting.partnership")
    person = factory.SubFactory(
        SettingUserFactory, partnership=factory.SelfAttribute("..setting.partnership")
    )
    role = SettingRole.DSL
    invited_at = factory.LazyFunction(timezone.now)


def gias_row_of(setting: Setting, **changes: object) -> GiasRow:
    """The row of a GIAS extract that imports ``setting`` as it is, but for ``changes`` (a
    re-import of the school: ``services.settings_import``)."""
    values = {name: getattr(setting, name) for name in IMPORTED_FIELDS} | changes
    return GiasRow(line=2, urn=setting.urn, **values)  # type: ignore[arg-type]

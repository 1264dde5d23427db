"""The demo's schools and colleges: the shipped synthetic GIAS extract, imported into every demo
partnership (each keeps the rows of its own local authority; idempotent), and the users of two
Northfield schools, who sign in as ``school-dsl@northfield.example`` (Northfield Primary
School's safeguarding lead), ``school-head@northfield.example`` (its head) and
``other-school-dsl@northfield.example`` (Ashby Vale Free School's lead) with DEMO_PASSWORD."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.partnerships.models import Partnership, Person
from assurance.selfassessment.settings.models import Setting, SettingMember, SettingRole
from assurance.selfassessment.settings.services import gias_rows_from, settings_import

SAMPLE = Path(__file__).parent / "data" / "gias_sample.csv"

# (login, name, URN of the school, role)
SETTING_USERS = [
    ("school-dsl", "Hannah Okafor", 990001, SettingRole.DSL),
    ("school-head", "Gareth Lindqvist", 990001, SettingRole.HEAD),
    ("other-school-dsl", "Priti Mahmood", 990002, SettingRole.DSL),
]


def load_demo_settings(command: Any = None) -> None:
    rows = gias_rows_from(SAMPLE)
    for slug in ("northfield", "southvale"):
        partnership = Partnership.unscoped.filter(slug=slug).first()
        if partnership is not None:
            settings_import(partnership=partnership, rows=rows, source=SAMPLE.name)
    northfield = Partnership.unscoped.filter(slug="northfield").first()
    if northfield is not None:
        load_demo_setting_users(northfield)


@transaction.atomic
def load_demo_setting_users(partnership: Partnership) -> None:
    """The demo schools' users, with the demo password (idempotent)."""
    user_model = get_user_model()
    for login, name, urn, role in SETTING_USERS:
        email = f"{login}@{partnership.slug}.example"
        if Person.unscoped.filter(partnership=partnership, email=email).exists():
            continue
        setting = Setting.objects_for(partnership).get(urn=urn)
        user, _ = user_model.objects.get_or_create(email=email, defaults={"full_name": name})
        user.set_password(django_settings.DEMO_PASSWORD)
        user.save()
        person = save_as(
            Person(
                partnership=partnership,
                user=user,
                full_name=name,
                job_title=role.label,
                email=email,
                is_setting_user=True,
            ),
            user,
        )
        save_as(
            SettingMember(
                partnership=partnership,
                setting=setting,
                person=person,
                role=role,
                invited_at=timezone.now(),
            ),
            user,
        )

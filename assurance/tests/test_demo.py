"""manage.py demo: idempotent, and every demo role exists in Northfield."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from assurance.core.roles import Role
from assurance.partnerships.models import Agency, Partnership, Person

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    """Rows in every table of our apps (and users), history tables excluded."""
    counts = {"users": get_user_model().objects.count()}
    for model in apps.get_models():
        if model.__module__.startswith("assurance.") and not model.__name__.startswith(
            "Historical"
        ):
            manager = getattr(model, "unscoped", None) or model._default_manager
            counts[model._meta.label] = manager.count()
    return counts


def test_demo_is_idempotent_and_prints_the_logins(demo: None) -> None:
    first = _counts()
    out = StringIO()
    call_command("demo", stdout=out)
    assert _counts() == first
    assert first["partnerships.Partnership"] == 2
    assert "business-unit@northfield.example" in out.getvalue()
    assert settings.DEMO_PASSWORD in out.getvalue()


def test_the_demo_has_every_role_and_keeps_partnerships_apart(demo: None) -> None:
    """One load of the demo (it is not small), several facts about it."""
    northfield = Partnership.unscoped.get(slug="northfield")
    # Every person who signs in, a school's user too (not among objects_for: ADR 027)
    people = list(Person.unscoped.filter(partnership=northfield, is_active=True))
    for role in Role:
        assert any(role in p.roles for p in people), f"no demo {role.label} in Northfield"
    for login in (
        "business-unit",
        "scrutineer",
        "viewer",
        "group-member",
        "police-auditor",
        "health-lead",
        "la-lead",
        "la-auditor",
        "police-lead",
    ):
        assert (
            Person.objects_for(northfield)
            .filter(email=f"{login}@northfield.example", user__isnull=False)
            .exists()
        ), login

    # An auditor and an agency lead in at least three agencies
    both = [
        agency
        for agency in Agency.objects_for(northfield)
        if Person.objects_for(northfield).filter(agency=agency, is_auditor=True).exists()
        and Person.objects_for(northfield).filter(agency=agency, is_agency_lead=True).exists()
    ]
    assert len(both) >= 3, both
    assert Agency.objects_for(northfield).exclude(statutory_role="").count() == 3
    assert Agency.objects_for(northfield).count() >= 12

    # Demo users sign in with the demo password, without two-factor
    response = Client().post(
        "/accounts/sign-in/",
        {
            "username": "police-auditor@northfield.example",
            "password": settings.DEMO_PASSWORD,
        },
    )
    assert response.status_code == 302

    # The two demo partnerships cannot see each other
    client = Client()
    client.force_login(get_user_model().objects.get(email="business-unit@southvale.example"))
    assert client.get("/p/northfield/").status_code == 404
    assert client.get("/p/southvale/").status_code == 200


def test_demo_refuses_production(settings: object) -> None:
    from django.core.management.base import CommandError

    settings.PRODUCTION = True  # type: ignore[attr-defined]
    with pytest.raises(CommandError):
        call_command("demo", quiet_logins=True)

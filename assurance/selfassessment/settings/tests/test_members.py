"""A school's users (ADR 027). Amira (business unit) invites Larkfield Primary School's
designated safeguarding lead, Hannah, by e-mail; Hannah chooses her password through the link,
which then works no more and would have expired after three days. Hannah sees Larkfield and
nothing else: not Oakhurst High School (404), not the partnership's pages (403); the
partnership's home sends her to her school."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from assurance.core.concurrency import REVISION_FIELD
from assurance.core.emails import render_email
from assurance.core.roles import Role
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.settings import services
from assurance.selfassessment.settings.models import SettingMember, SettingRole, SettingStatus
from assurance.selfassessment.settings.tests.factories import (
    SettingFactory,
    SettingMemberFactory,
)

BASE = "https://assurance.example"


@pytest.fixture
def larkfield(northfield: Tenant) -> Any:
    return SettingFactory(partnership=northfield.partnership, name="Larkfield Primary School")


@pytest.fixture
def oakhurst(northfield: Tenant) -> Any:
    return SettingFactory(partnership=northfield.partnership, name="Oakhurst High School")


def _invite(amira: Person, setting: Any, **kwargs: Any) -> SettingMember:
    values = {"full_name": "Hannah Okafor", "email": "h.okafor@larkfield.example", "role": "dsl"}
    values.update(kwargs)
    return services.setting_member_invite(
        actor=actor_for_person(amira), setting=setting, base_url=BASE, **values
    )


def _link(message: Any) -> str:
    found = re.search(r"https://assurance\.example(/\S+)", message.body)
    assert found, message.body
    return found.group(1)


def test_an_invited_lead_is_a_setting_user_with_no_agency_and_gets_a_one_time_link(
    amira: Person, larkfield: Any
) -> None:
    member = _invite(amira, larkfield)
    person = member.person
    assert person.is_setting_user and person.agency_id is None
    assert person.roles == {Role.SETTING_USER}
    assert member.setting == larkfield and member.role == SettingRole.DSL
    assert not person.user.has_usable_password()  # no shared or default password
    (message,) = mail.outbox
    assert message.to == ["h.okafor@larkfield.example"]
    assert "Larkfield Primary School" in message.subject
    assert "designated safeguarding lead of Larkfield Primary School" in message.body
    assert "/accounts/password-reset/" in _link(message)


def test_the_link_sets_a_password_once_and_then_is_refused(amira: Person, larkfield: Any) -> None:
    _invite(amira, larkfield)
    link = _link(mail.outbox[0])
    client = Client()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "a long school password 7", "new_password2": "a long school password 7"},
    )
    assert response.status_code == 302
    person = Person.unscoped.get(email="h.okafor@larkfield.example")
    person.user.refresh_from_db()
    assert person.user.check_password("a long school password 7")
    again = Client().get(link, follow=True).content.decode()
    assert "The link has been used or is too old" in again


def test_the_link_expires(
    amira: Person, larkfield: Any, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    _invite(amira, larkfield)
    link = _link(mail.outbox[0])
    later = default_token_generator._now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)  # type: ignore[attr-defined]
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    page = Client().get(link, follow=True).content.decode()
    assert "The link has been used or is too old" in page


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"email": "amira@northfield.test"}, "email", "already signs in to Northfield as Amira"),
        ({"email": "  AMIRA@northfield.test "}, "email", "already signs in"),
        ({"email": "deputy@larkfield.example", "role": "dsl"}, "role", "already has a designated"),
    ],
)
def test_refused_invitations_name_what_is_wrong(
    amira: Person, larkfield: Any, change: dict[str, str], field: str, words: str
) -> None:
    _invite(amira, larkfield)
    with pytest.raises(ValidationError) as refused:
        _invite(amira, larkfield, **change)
    assert words in " ".join(refused.value.message_dict[field])
    assert SettingMember.unscoped.count() == 1


def test_a_deputy_and_a_head_can_join_the_lead_but_a_closed_school_invites_nobody(
    amira: Person, larkfield: Any, northfield: Tenant
) -> None:
    _invite(amira, larkfield)
    _invite(amira, larkfield, email="d1@larkfield.example", role="deputy")
    _invite(amira, larkfield, email="d2@larkfield.example", role="deputy")
    _invite(amira, larkfield, email="head@larkfield.example", role="head")
    assert SettingMember.unscoped.filter(setting=larkfield).count() == 4
    closed = SettingFactory(partnership=northfield.partnership, status=SettingStatus.CLOSED)
    with pytest.raises(ValidationError, match="is closed"):
        _invite(amira, closed, email="x@closed.example")


def test_a_setting_user_with_an_agency_or_another_role_is_refused_by_the_database(
    larkfield: Any, northfield: Tenant
) -> None:
    member = SettingMemberFactory(setting=larkfield)
    person = member.person
    for field, value in (("agency", northfield.council), ("is_business_unit", True)):
        setattr(person, field, value)
        with pytest.raises(IntegrityError), transaction.atomic():
            person.save()
        person.refresh_from_db()


def test_the_lead_sees_her_school_and_nothing_else(
    client_for: Callable[[Any], Client],
    larkfield: Any,
    oakhurst: Any,
    northfield: Tenant,
    amira: Person,
) -> None:
    hannah = SettingMemberFactory(setting=larkfield).person
    client = client_for(hannah)
    home = client.get(northfield.url())
    assert home.status_code == 302
    assert client.get(home["Location"])["Location"] == northfield.url(
        f"self-assessment/settings/{larkfield.pk}/"
    )
    page = client.get(northfield.url(f"self-assessment/settings/{larkfield.pk}/"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Your school or college" in text and "Invite a user" not in text
    assert "app-header-search" not in text  # search is the partnership's, not the school's
    assert "app-header-search" in client_for(amira).get(northfield.url()).content.decode()
    assert client.get(northfield.url(f"self-assessment/settings/{oakhurst.pk}/")).status_code == 404
    for path in (
        "self-assessment/settings/",
        f"self-assessment/settings/{larkfield.pk}/history/",
        f"self-assessment/settings/{larkfield.pk}/users/invite/",
        "agencies/",
        "priorities/",
        "people/",
    ):
        assert client.get(northfield.url(path)).status_code == 403, path


def test_the_business_unit_invites_and_removes_through_the_pages(
    client_for: Callable[[Any], Client], larkfield: Any, northfield: Tenant, amira: Person
) -> None:
    client = client_for(amira)
    url = northfield.url(f"self-assessment/settings/{larkfield.pk}/users/invite/")
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url, {"full_name": "Hannah Okafor", "email": "h@larkfield.example", "role": "dsl"}
    )
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "Hannah Okafor" in detail and "Invited" in detail
    again = client.post(
        url, {"full_name": "Someone Else", "email": "s@larkfield.example", "role": "dsl"}
    )
    assert again.status_code == 200
    assert "already has a designated safeguarding lead: Hannah Okafor" in again.content.decode()

    member = SettingMember.unscoped.get(setting=larkfield)
    hannah = client_for(member.person)
    assert (
        hannah.get(northfield.url(f"self-assessment/settings/{larkfield.pk}/")).status_code == 200
    )
    remove = northfield.url(f"self-assessment/settings/{larkfield.pk}/users/{member.pk}/remove/")
    page = client.get(remove)
    assert "Hannah Okafor" in page.content.decode()
    token = re.search(rf'name="{REVISION_FIELD}" value="([^"]+)"', page.content.decode())
    assert token, "the removal page carries the revision of the person it changes"
    assert client.post(remove, {REVISION_FIELD: token.group(1)}).status_code == 302
    member.person.refresh_from_db()
    assert not member.person.is_active
    assert (
        hannah.get(northfield.url(f"self-assessment/settings/{larkfield.pk}/")).status_code == 404
    )
    assert (
        "Removed"
        in client.get(northfield.url(f"self-assessment/settings/{larkfield.pk}/")).content.decode()
    )


def test_setting_users_are_not_among_the_partnerships_people(
    client_for: Callable[[Any], Client], larkfield: Any, northfield: Tenant, amira: Person
) -> None:
    hannah = SettingMemberFactory(setting=larkfield).person
    people = client_for(amira).get(northfield.url("people/")).content.decode()
    assert "Amira Holloway" in people and hannah.full_name not in people
    assert client_for(amira).get(northfield.url(f"people/{hannah.pk}/")).status_code == 404


def test_the_invitation_email_renders_both_ways(amira: Person, larkfield: Any) -> None:
    member = SettingMemberFactory(setting=larkfield)
    context = {"member": member, "setting": larkfield, "partnership": larkfield.partnership}
    subject, body = render_email(
        "selfassessment/emails/setting_invitation", {**context, "invited": True, "link": "L1"}
    )
    assert subject == "Larkfield Primary School: your self-assessment sign-in for Northfield"
    assert "Choose a password to sign in: L1" in body and "works once and for 3 days" in body
    _, body = render_email(
        "selfassessment/emails/setting_invitation", {**context, "invited": False, "link": "L2"}
    )
    assert "already have an account" in body and "L2" in body and "Choose a password" not in body

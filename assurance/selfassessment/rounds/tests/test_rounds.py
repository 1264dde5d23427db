"""Rounds. Amira (business unit) opens Northfield's Section 175/157 round for its open primary
schools, and a Section 11 round for its agencies; a second Section 11 round the next year is
refused (every two years). The reminders reach the schools that have not submitted, once each;
Hannah, Larkfield's lead, sees the round on her school's page; Corinne (scrutineer) reads the
round; Priya (police auditor) may not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from assurance.frameworks.models import FrameworkKind
from assurance.frameworks.tests.factories import FrameworkFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.rounds.models import (
    Audience,
    Participant,
    ParticipantStatus,
    ReminderSent,
    Round,
)
from assurance.selfassessment.rounds.services import round_open
from assurance.selfassessment.rounds.tasks import send_round_reminders
from assurance.selfassessment.settings.models import SettingRole, SettingStatus
from assurance.selfassessment.settings.tests.factories import (
    SettingFactory,
    SettingMemberFactory,
)

TODAY = date(2026, 1, 5)


@pytest.fixture
def schools(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    return {
        "larkfield": SettingFactory(partnership=p, name="Larkfield Primary School"),
        "brook": SettingFactory(partnership=p, name="Brook Infant School"),
        "oakhurst": SettingFactory(partnership=p, name="Oakhurst High School", phase="Secondary"),
        "closed": SettingFactory(
            partnership=p, name="Old Mill Primary School", status=SettingStatus.CLOSED
        ),
    }


@pytest.fixture
def tools(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    kind = FrameworkKind.SELF_ASSESSMENT
    return {
        "s175": FrameworkFactory(partnership=p, name="Section 175/157 self-assessment", kind=kind),
        "s11": FrameworkFactory(partnership=p, name="Section 11 self-assessment", kind=kind),
        "audit": FrameworkFactory(partnership=p, name="Neglect audit tool"),
    }


def _open(amira: Person, framework: Any, **kwargs: Any) -> Round:
    values: dict[str, Any] = {
        "year": 2025,
        "audience": Audience.SETTINGS,
        "deadline": date(2026, 3, 31),
        "today": TODAY,
    }
    values.update(kwargs)
    return round_open(actor=actor_for_person(amira), framework=framework, **values)


def test_a_schools_round_takes_the_open_schools_of_the_phases_chosen(
    amira: Person, schools: dict[str, Any], tools: dict[str, Any]
) -> None:
    round = _open(amira, tools["s175"], phases=["Primary"])
    names = {p.name for p in round.participants.all()}
    assert names == {"Larkfield Primary School", "Brook Infant School"}
    assert round.every_years == 1 and round.phases == ["Primary"]
    assert all(p.status == ParticipantStatus.NOT_STARTED for p in round.participants.all())
    # Each participant has its history, naming who opened the round
    participant = round.participants.first()
    assert participant.history.first().history_user == amira.user


def test_an_agencies_round_takes_every_active_agency_and_runs_every_two_years(
    amira: Person, tools: dict[str, Any], northfield: Tenant
) -> None:
    round = _open(amira, tools["s11"], audience=Audience.AGENCIES, year=2024)
    assert round.every_years == 2
    assert (
        round.participants.count() == northfield.partnership.agencies.filter(is_active=True).count()
    )
    assert all(p.agency_id and not p.setting_id for p in round.participants.all())
    with pytest.raises(ValidationError) as refused:
        _open(amira, tools["s11"], audience=Audience.AGENCIES, year=2025)
    assert "the next can be for 2026/27" in refused.value.message_dict["year"][0]
    assert _open(amira, tools["s11"], audience=Audience.AGENCIES, year=2026).year == 2026


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"framework": "audit"}, "framework", "is not a self-assessment tool"),
        ({"deadline": TODAY}, "deadline", "must be after today"),
        ({"phases": ["Nursery"]}, "phases", "No open school or college"),
    ],
)
def test_refusals_name_the_field(
    amira: Person,
    schools: dict[str, Any],
    tools: dict[str, Any],
    change: dict[str, Any],
    field: str,
    words: str,
) -> None:
    framework = tools[change.pop("framework", "s175")]
    with pytest.raises(ValidationError) as refused:
        _open(amira, framework, **change)
    assert words in " ".join(refused.value.message_dict[field])
    assert not Round.unscoped.exists() and not Participant.unscoped.exists()


def test_only_the_business_unit_opens_a_round(
    corinne: Person, schools: dict[str, Any], tools: dict[str, Any]
) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _open(corinne, tools["s175"])


def test_the_pages(
    client_for: Callable[[Any], Client],
    amira: Person,
    corinne: Person,
    priya: Person,
    schools: dict[str, Any],
    tools: dict[str, Any],
    northfield: Tenant,
) -> None:
    client = client_for(amira)
    form = client.get(northfield.url("self-assessment/rounds/open/"))
    assert form.status_code == 200
    page = form.content.decode()
    assert "Section 175/157 self-assessment" in page and "Neglect audit tool" not in page
    deadline = timezone.localdate() + timedelta(days=60)
    response = client.post(
        northfield.url("self-assessment/rounds/open/"),
        {
            "framework": tools["s175"].pk,
            "year": form.context["form"].initial["year"],
            "audience": "settings",
            "phases": ["Primary"],
            "deadline": deadline.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    detail = client.get(response["Location"]).content.decode()
    assert "The round is open: 2 take part." in detail
    assert "Larkfield Primary School" in detail and "Oakhurst High School" not in detail
    assert "Not started: 2" in detail and "Overdue" not in detail
    round = Round.unscoped.get()
    listing = client_for(corinne).get(northfield.url("self-assessment/rounds/")).content.decode()
    assert "0 of 2" in listing
    assert client_for(corinne).get(response["Location"]).status_code == 200
    assert (
        client_for(corinne).get(northfield.url("self-assessment/rounds/open/")).status_code == 403
    )
    assert client_for(priya).get(response["Location"]).status_code == 403
    submitted = client.get(response["Location"] + "?status=submitted").content.decode()
    assert "Larkfield Primary School" not in submitted

    hannah = SettingMemberFactory(setting=schools["larkfield"]).person
    own = client_for(hannah).get(
        northfield.url(f"self-assessment/settings/{schools['larkfield'].pk}/")
    )
    assert str(round) in own.content.decode()
    assert client_for(hannah).get(response["Location"]).status_code == 403


def test_the_date_fields_refuse_a_bad_deadline_on_the_page(
    client_for: Callable[[Any], Client],
    amira: Person,
    schools: dict[str, Any],
    tools: dict[str, Any],
    northfield: Tenant,
) -> None:
    response = client_for(amira).post(
        northfield.url("self-assessment/rounds/open/"),
        {
            "framework": tools["s175"].pk,
            "year": 2026,
            "audience": "settings",
            "deadline": "2026-02-31",
        },
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not Round.unscoped.exists()


def test_reminders_go_once_to_the_leads_of_schools_that_have_not_submitted(
    amira: Person, schools: dict[str, Any], tools: dict[str, Any]
) -> None:
    round = _open(amira, tools["s175"], deadline=date(2026, 3, 31))
    larkfield = SettingMemberFactory(setting=schools["larkfield"], person__email="l@lark.example")
    SettingMemberFactory(
        setting=schools["larkfield"], role=SettingRole.HEAD, person__email="head@lark.example"
    )
    SettingMemberFactory(setting=schools["oakhurst"], person__email="o@oak.example")
    SettingMemberFactory(setting=schools["brook"], person__email="b@brook.example")
    Participant.unscoped.filter(round=round, setting=schools["brook"]).update(
        status=ParticipantStatus.SUBMITTED
    )
    assert send_round_reminders.call(base_url="https://a.example", today="2026-03-10") == 0
    assert send_round_reminders.call(base_url="https://a.example", today="2026-03-17") == 2
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["l@lark.example", "o@oak.example"]  # not the head, not the school that sent
    message = next(m for m in mail.outbox if m.to == ["l@lark.example"])
    assert message.subject == (
        "Larkfield Primary School: your Section 175/157 self-assessment is due in two weeks"
    )
    assert "Tuesday 31 March 2026" in message.body
    assert f"/self-assessment/settings/{schools['larkfield'].pk}/" in message.body
    # Idempotent: the same day again sends nothing; the next reminder comes a week later
    assert send_round_reminders.call(base_url="", today="2026-03-17") == 0
    assert send_round_reminders.call(base_url="", today="2026-03-24") == 2
    assert ReminderSent.unscoped.count() == 4
    larkfield.person.is_active = False
    larkfield.person.save()
    assert send_round_reminders.call(base_url="", today="2026-03-30") == 1

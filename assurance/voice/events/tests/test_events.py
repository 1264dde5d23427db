"""The business unit records a participation event and what was heard at it; a point that
reads like a disclosure goes to the duty inbox, not to the event's page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assurance.partnerships.models import Person
from assurance.voice.events.models import ParticipationEvent
from assurance.voice.feedback.models import Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(amira: Person) -> Client:
    client = Client()
    client.force_login(amira.user)
    return client


def record_event(client: Client, northfield: Any, **changes: Any) -> Any:
    data = {
        "title": "Youth forum: spring",
        "kind": "youth_forum",
        "held_on": (timezone.localdate() - timedelta(days=5)).isoformat(),
        "agency": northfield.council.pk,
        "participants": "14",
        "summary": "Having a social worker.",
        **changes,
    }
    return client.post(reverse("voice:event_create", args=["northfield"]), data)


def test_an_event_is_recorded_then_what_was_heard(client: Client, northfield: Any) -> None:
    response = record_event(client, northfield)
    event = ParticipationEvent.objects_for(northfield.partnership).get()
    add = reverse("voice:event_heard_add", args=["northfield", event.pk])
    assert response["Location"] == add
    response = client.post(
        add, {"heard": "We repeat our story to every worker", "kind": "better", "age_band": "13_15"}
    )
    assert response.status_code == 302
    point = Feedback.objects_for(northfield.partnership).get()
    assert (point.source, point.event, point.better, point.received_on) == (
        "event",
        event,
        "We repeat our story to every worker",
        event.held_on,
    )
    page = client.get(reverse("voice:event_detail", args=["northfield", event.pk]))
    assert "We repeat our story to every worker" in page.content.decode()


def test_what_is_wrong_with_an_event_is_named(client: Client, northfield: Any) -> None:
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    page = record_event(client, northfield, held_on=future, participants="many").content.decode()
    assert "Enter how many took part as a whole number" in page
    page = record_event(client, northfield, held_on=future).content.decode()
    assert "The date held must be today or in the past" in page
    assert not ParticipationEvent.objects_for(northfield.partnership).exists()


def test_a_disclosure_heard_goes_to_the_duty_inbox_not_the_event(
    client: Client, northfield: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    record_event(client, northfield)
    event = ParticipationEvent.objects_for(northfield.partnership).get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("voice:event_heard_add", args=["northfield", event.pk]),
            {
                "heard": "One girl said she is scared to go home",
                "kind": "better",
                "age_band": "8_12",
            },
        )
    assert Feedback.objects_for(northfield.partnership).get().flagged
    assert len(mailoutbox) == 1
    page = client.get(reverse("voice:event_detail", args=["northfield", event.pk]))
    assert "scared to go home" not in page.content.decode()
    listing = client.get(reverse("voice:event_list", args=["northfield"])).content.decode()
    assert ">0</td>" in listing  # no point counted


def test_an_identifier_in_what_was_heard_must_be_kept_with_a_reason(
    client: Client, northfield: Any
) -> None:
    record_event(client, northfield)
    event = ParticipationEvent.objects_for(northfield.partnership).get()
    response = client.post(
        reverse("voice:event_heard_add", args=["northfield", event.pk]),
        {"heard": "Call her on 07700 900123", "kind": "better", "age_band": "8_12"},
    )
    assert "This looks like it contains a phone number" in response.content.decode()
    assert not Feedback.objects_for(northfield.partnership).exists()

"""A message that reads like a disclosure goes to the duty inbox at once (a to-do and an e-mail)
and never appears in a list, a count or a summary; the duty officer records what was done."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from assurance.core.registry import todos_for
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.voice.feedback import selectors, services
from assurance.voice.feedback.models import Feedback, FeedbackLink

pytestmark = pytest.mark.django_db

DISCLOSURE = {
    "feeling": "1",
    "good": "",
    "better": "my dad hit me and I am scared to go home",
    "age_band": "13_15",
    "service": "school",
}


def send(link: FeedbackLink, data: dict, capture) -> Feedback:  # type: ignore[no-untyped-def]
    with capture(execute=True):
        Client().post(reverse("say:feedback_form", args=[link.token]), data)
    return Feedback.objects_for(link.partnership).latest("pk")


def test_a_disclosure_is_flagged_and_e_mailed_to_the_duty_inbox(
    link: FeedbackLink, amira: Person, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:
    services.duty_inbox_save(
        actor=actor_for_person(amira),
        duty_email="duty@northfield.test",
        disclosure_words="hit me\nscared to go home",
        local_help="",
    )
    feedback = send(link, DISCLOSURE, django_capture_on_commit_callbacks)
    assert feedback.flagged
    assert feedback.flag_reasons == "the words “hit me”; the words “scared to go home”"
    [mail] = mailoutbox
    assert mail.to == ["duty@northfield.test"]
    assert feedback.reference in mail.subject
    assert reverse("voice:duty_detail", args=["northfield", feedback.pk]) in mail.body
    assert "my dad" not in mail.body  # the words stay in the service


def test_without_a_duty_address_the_business_unit_is_e_mailed(
    link: FeedbackLink,
    amira: Person,
    helen: Person,
    mailoutbox: list,
    django_capture_on_commit_callbacks,
) -> None:
    send(link, DISCLOSURE, django_capture_on_commit_callbacks)  # the starter words
    [mail] = mailoutbox
    assert mail.to == [amira.email]


def test_an_identifier_flags_a_message_too(
    link: FeedbackLink, amira: Person, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:
    data = {**DISCLOSURE, "better": "please ring me 07700 900123"}
    feedback = send(link, data, django_capture_on_commit_callbacks)
    assert feedback.flagged and "a phone number" in feedback.flag_reasons
    assert len(mailoutbox) == 1


def test_a_disclosure_is_first_on_the_business_unit_s_to_do_list(
    link: FeedbackLink, amira: Person, helen: Person, django_capture_on_commit_callbacks
) -> None:
    send(link, DISCLOSURE, django_capture_on_commit_callbacks)
    [first, *_] = todos_for(actor_for_person(amira))
    assert first.count == 1 and "duty inbox" in first.text
    assert first.href == reverse("voice:duty_list", args=["northfield"])
    assert not [t for t in todos_for(actor_for_person(helen)) if "duty" in t.text]


def test_a_disclosure_never_appears_in_lists_or_counts(
    link: FeedbackLink, amira: Person, helen: Person, django_capture_on_commit_callbacks
) -> None:
    ordinary = send(
        link, {**DISCLOSURE, "better": "more trips"}, django_capture_on_commit_callbacks
    )
    flagged = send(link, DISCLOSURE, django_capture_on_commit_callbacks)
    for person in (amira, helen):
        actor = actor_for_person(person)
        assert list(selectors.reportable(actor=actor)) == [ordinary]
        client = Client()
        client.force_login(person.user)
        page = client.get(reverse("voice:feedback_list", args=["northfield"])).content.decode()
        assert "more trips" in page and "scared to go home" not in page
        detail = reverse("voice:feedback_detail", args=["northfield", flagged.pk])
        assert client.get(detail).status_code == 404
    # Handled, it still never appears.
    services.feedback_handle(actor=actor_for_person(amira), feedback=flagged, note="Referred.")
    assert list(selectors.reportable(actor=actor_for_person(amira))) == [ordinary]


def test_the_duty_officer_reads_it_and_records_what_was_done(
    link: FeedbackLink, amira: Person, django_capture_on_commit_callbacks
) -> None:
    flagged = send(link, DISCLOSURE, django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(amira.user)
    url = reverse("voice:duty_detail", args=["northfield", flagged.pk])
    page = client.get(url).content.decode()
    assert "scared to go home" in page
    assert "What was done (optional)" not in page  # required, as the service says
    response = client.post(url, {"handling_note": ""})
    assert "Enter what was done" in response.content.decode()
    response = client.post(url, {"handling_note": "Passed to the front door at 10:40."})
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.handled_by == amira and flagged.handled_at is not None
    assert flagged.handling_note == "Passed to the front door at 10:40."
    assert not todos_for(actor_for_person(amira)) or all(
        "duty" not in t.text for t in todos_for(actor_for_person(amira))
    )


def test_the_words_are_the_partnership_s_and_a_bad_list_is_named(
    northfield: Tenant, amira: Person
) -> None:
    client = Client()
    client.force_login(amira.user)
    url = reverse("voice:duty_settings", args=["northfield"])
    assert "scared to go home" in client.get(url).content.decode()  # the starter list
    response = client.post(url, {"disclosure_words": "hit me\nno", "duty_email": ""})
    assert "Line 2 (“no”) is too short" in response.content.decode()
    response = client.post(
        url, {"disclosure_words": "Hit me\n\nlocked in", "duty_email": "duty@northfield.test"}
    )
    assert response.status_code == 302
    assert selectors.disclosure_words(partnership=northfield.partnership) == [
        "hit me",
        "locked in",
    ]

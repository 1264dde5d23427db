"""A child answers the form by its open link, without signing in; nothing names them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from assurance.voice.feedback.models import Feedback, FeedbackLink

pytestmark = pytest.mark.django_db

ANSWER = {"feeling": "4", "good": "She listened", "better": "", "age_band": "13_15"}


def form_url(link: FeedbackLink) -> str:
    return reverse("say:feedback_form", args=[link.token])


def test_the_form_asks_no_name_and_says_what_to_do_in_danger(link: FeedbackLink) -> None:
    page = Client().get(form_url(link)).content.decode()
    assert "If you are in danger now, call 999" in page
    assert "0800 1111" in page
    assert 'name="name"' not in page and "Your name" not in page
    for words in ("Really good", "Good", "OK", "Not good", "Really bad"):
        assert f"> {words}</label>" in page  # every picture has its words
    assert 'alt=""' in page  # the faces are decoration beside their words


def test_a_child_answers_without_signing_in(link: FeedbackLink, mailoutbox: list) -> None:
    response = Client().post(form_url(link), {**ANSWER, "service": "social_care"})
    assert response.status_code == 302
    assert response["Location"] == reverse("say:feedback_thanks", args=[link.token])
    feedback = Feedback.objects_for(link.partnership).get()
    assert (feedback.feeling, feedback.good, feedback.age_band) == (4, "She listened", "13_15")
    assert feedback.service == "social_care"
    assert not feedback.flagged
    assert mailoutbox == []
    thanks = Client().get(response["Location"]).content.decode()
    assert "Thank you" in thanks and "If you are in danger now" in thanks


def test_a_link_for_one_service_does_not_ask_which(link: FeedbackLink) -> None:
    link.service = "early_help"
    link.save()
    assert 'name="service"' not in Client().get(form_url(link)).content.decode()
    Client().post(form_url(link), ANSWER)
    assert Feedback.objects_for(link.partnership).get().service == "early_help"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"age_band": "13_15", "service": "police"}, "Choose a face or write something"),
        ({"feeling": "4", "service": "police"}, "Choose how old you are"),
        ({"feeling": "4", "age_band": "13_15"}, "Choose who helped you"),
        ({**ANSWER, "service": "police", "good": "x" * 2001}, "2,000 characters or fewer"),
    ],
)
def test_what_is_missing_is_named(link: FeedbackLink, data: dict[str, Any], message: str) -> None:
    response = Client().post(form_url(link), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Feedback.objects_for(link.partnership).exists()


def test_a_closed_link_takes_no_answers(link: FeedbackLink) -> None:
    link.is_open = False
    link.save()
    response = Client().post(form_url(link), {**ANSWER, "service": "police"})
    assert response.status_code == 410
    assert "This form is closed" in response.content.decode()
    shown = Client().get(form_url(link))
    assert shown.status_code == 410
    assert "This form is closed" in shown.content.decode()
    assert 'type="radio"' not in shown.content.decode()
    assert not Feedback.objects_for(link.partnership).exists()


def test_an_unknown_link_is_not_found(db: None) -> None:
    assert Client().get(reverse("say:feedback_form", args=["no-such-link"])).status_code == 404

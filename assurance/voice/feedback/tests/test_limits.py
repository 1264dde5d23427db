"""The child's form's rate limit: the rule (pure), and the form refusing one too many from one
network in the hour, with words a child understands and the danger help still on the page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from assurance.partnerships.models import Person
from assurance.voice.feedback import limits
from assurance.voice.feedback.limits import PER_LINK, PER_NETWORK, TOO_MANY, rate_limit_refusal
from assurance.voice.feedback.models import Feedback, FeedbackLink, FormRequests


@pytest.mark.parametrize(
    ("from_network", "by_link", "refused"),
    [
        (0, 0, False),
        (PER_NETWORK - 1, 0, False),
        (PER_NETWORK, 0, True),
        (0, PER_LINK - 1, False),
        (0, PER_LINK, True),
    ],
)
def test_the_rule(from_network: int, by_link: int, refused: bool) -> None:
    refusal = rate_limit_refusal(from_network=from_network, by_link=by_link)
    assert refusal == (TOO_MANY if refused else "")


ANSWER = {"feeling": "4", "good": "Nice", "better": "", "age_band": "8_12", "service": "school"}


@pytest.mark.django_db
def test_one_too_many_from_one_network_is_refused_and_nothing_is_stored(
    link: FeedbackLink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "PER_NETWORK", 2)
    url = reverse("say:feedback_form", args=[link.token])
    school, home = Client(REMOTE_ADDR="192.0.2.10"), Client(REMOTE_ADDR="198.51.100.7")
    assert school.post(url, ANSWER).status_code == 302
    assert school.post(url, ANSWER).status_code == 302
    refused = school.post(url, ANSWER)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Lots of forms have been sent from here in the last hour" in html
    assert "999" in html  # the danger help is still there
    assert Feedback.objects_for(link.partnership).count() == 2
    assert home.post(url, ANSWER).status_code == 302  # another network is not held up
    # Only digests are kept, never the address.
    assert not FormRequests.unscoped.filter(client_digest__contains="192.0.2.10").exists()


@pytest.mark.django_db
def test_a_signed_in_person_opening_the_form_sees_no_account_or_sign_in_links(
    link: FeedbackLink, amira: Person, client_for
) -> None:
    html = client_for(amira).get(reverse("say:feedback_form", args=[link.token])).content.decode()
    assert "Sign out" not in html and "Your account" not in html
    assert "accounts/" not in html

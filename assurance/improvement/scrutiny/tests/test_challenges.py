"""Independent scrutiny: corinne (the scrutineer) challenges the police; helen (the police lead)
sees it on her to-do list and answers; corinne judges the answer and closes it. Joanna, the
health lead, does not see the police's challenge; only the scrutineer records challenges."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from assurance.core.registry import todos_for
from assurance.improvement.scrutiny import services
from assurance.improvement.scrutiny.models import Challenge, ChallengeStatus
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def test_a_challenge_from_question_to_outcome(
    northfield, corinne, helen, joanna, amira, client_for
):
    client = client_for(corinne)
    respond_by = timezone.localdate() + timedelta(days=21)
    response = client.post(
        northfield.url("challenges/new/"),
        {
            "agency": northfield.police.pk,
            "person": helen.pk,
            "subject": "Police attendance at the executive",
            "detail": "How will a deputy attend when the commander cannot?",
            "respond_by": respond_by.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()
    challenge = Challenge.unscoped.get()
    assert challenge.raised_by == corinne and challenge.status == ChallengeStatus.OPEN
    # helen's to-do list asks her to answer; joanna's does not, and she cannot see it
    assert any("Answer the scrutineer" in t.text for t in todos_for(actor_for_person(helen)))
    assert not any("scrutineer" in t.text for t in todos_for(actor_for_person(joanna)))
    assert client_for(joanna).get(northfield.url(f"challenges/{challenge.pk}/")).status_code == 404
    assert b"Police attendance" not in client_for(joanna).get(northfield.url("challenges/")).content
    # helen answers
    police = client_for(helen)
    page = police.get(northfield.url(f"challenges/{challenge.pk}/")).content.decode()
    assert "Answer the challenge" in page
    response = police.post(
        northfield.url(f"challenges/{challenge.pk}/answer/"),
        {"answer": "The DCI is the named deputy."},
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.ANSWERED and challenge.answered_by == helen
    assert any("Judge the answers" in t.text for t in todos_for(actor_for_person(corinne)))
    # corinne closes it with the outcome
    response = client.post(
        northfield.url(f"challenges/{challenge.pk}/outcome/"),
        {"outcome": "resolved", "outcome_notes": "The police attended the next meeting."},
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.CLOSED and challenge.outcome == "resolved"
    assert challenge.history.count() == 3
    history = client.get(northfield.url(f"challenges/{challenge.pk}/history/")).content.decode()
    assert "The DCI is the named deputy." in history


def test_only_the_scrutineer_challenges_and_only_the_agency_answers(
    northfield, corinne, helen, farah, amira, client_for
):
    assert client_for(amira).get(northfield.url("challenges/new/")).status_code == 403
    assert client_for(helen).get(northfield.url("challenges/new/")).status_code == 403
    challenge = services.challenge_raise(
        actor=actor_for_person(corinne),
        agency=northfield.police,
        subject="Escalation",
        detail="Why so few?",
        respond_by=timezone.localdate() + timedelta(days=7),
    )
    with pytest.raises(PermissionDenied):
        services.challenge_answer(actor=actor_for_person(farah), challenge=challenge, answer="x")
    # The business unit may record an answer on the agency's behalf
    services.challenge_answer(actor=actor_for_person(amira), challenge=challenge, answer="Sent.")
    with pytest.raises(Exception, match="after the challenge"):
        services.challenge_raise(
            actor=actor_for_person(corinne),
            agency=northfield.police,
            subject="Late",
            detail="x",
            respond_by=timezone.localdate() - timedelta(days=1),
        )


def test_an_overdue_challenge_is_shown_as_such(northfield, corinne, amira, client_for):
    today = timezone.localdate()
    services.challenge_raise(
        actor=actor_for_person(corinne),
        agency=northfield.council,
        subject="Supervision and drift",
        detail="Evidence?",
        raised_on=today - timedelta(days=30),
        respond_by=today - timedelta(days=2),
    )
    page = client_for(amira).get(northfield.url("challenges/?status=open")).content.decode()
    assert "Supervision and drift" in page and "Answer overdue" in page

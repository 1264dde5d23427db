"""A practitioner answers their organisation's survey by its open link, without signing in.
Amira (business unit) starts the Section 11 round's survey: each agency gets its own random
link. Nothing that identifies the practitioner is stored; a comment that holds an identifier is
refused with a clear message; one organisation's token never shows another's survey; the link
closes at the deadline or when Amira closes it; too many answers from one network are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.surveys import services
from assurance.selfassessment.surveys.models import StaffResponse, StaffSurvey
from assurance.selfassessment.surveys.tests.factories import answers, section_11_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(amira: Person) -> Round:
    return section_11_round(actor=actor_for_person(amira))


@pytest.fixture
def surveys(amira: Person, round: Round) -> dict[str, StaffSurvey]:
    made = services.surveys_start(actor=actor_for_person(amira), round=round)
    return {s.participant.agency.name.split()[-1]: s for s in made}  # type: ignore[union-attr]


def form_url(survey: StaffSurvey) -> str:
    return reverse("staff_survey:form", args=[survey.token])


def post_data(answer: str = "agree", comment: str = "", **by_code: str) -> dict[str, str]:
    data = {f"standard_{code}": a for code, a in answers(answer, **by_code).items()}
    return {**data, "comment": comment}


def test_each_organisation_gets_its_own_unguessable_link(
    surveys: dict[str, StaffSurvey], round: Round
) -> None:
    assert round.participants.count() == len(surveys) == 4
    tokens = {s.token for s in surveys.values()}
    assert len(tokens) == 4
    assert all(len(token) >= 40 for token in tokens)  # 32 random bytes


def test_the_survey_asks_each_standard_in_practitioners_words_and_no_name(
    surveys: dict[str, StaffSurvey],
) -> None:
    page = Client().get(form_url(surveys["Police"])).content.decode()
    assert "Safeguarding in Northfield Police: what staff say" in page
    assert "In my organisation, I know how to blow the whistle" in page
    assert page.count('type="radio"') == 12 * 4
    assert "I don&#x27;t know" in page or "I don't know" in page
    assert 'name="name"' not in page and 'name="email"' not in page
    assert "This survey is anonymous" in page


def test_a_practitioner_answers_and_nothing_identifies_them(
    surveys: dict[str, StaffSurvey],
) -> None:
    police = surveys["Police"]
    response = Client(REMOTE_ADDR="192.0.2.10").post(
        form_url(police), post_data("agree", comment="More face-to-face training, please.")
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("staff_survey:thanks", args=[police.token])
    stored = StaffResponse.objects_for(police.partnership).get()
    assert stored.survey == police
    assert stored.answers == answers("agree")
    assert stored.comment == "More face-to-face training, please."
    assert stored.answered_on == timezone.localdate()
    # No time of day, even in the history: the day only
    history = stored.history.get()
    assert (history.history_date.hour, history.history_date.minute) == (0, 0)
    assert history.history_user is None
    assert "Thank you" in Client().get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("comment", "found"),
    [
        ("Ask me: jo.bloggs@police.example", "an e-mail address"),
        ("Call me on 07700 900123 about it", "a phone number"),
        ("The boy at NF1 2AB was not seen", "a postcode"),
    ],
)
def test_a_comment_that_identifies_someone_is_refused_and_nothing_is_stored(
    surveys: dict[str, StaffSurvey], comment: str, found: str
) -> None:
    response = Client().post(form_url(surveys["Police"]), post_data(comment=comment))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Your comment looks like it holds {found}" in html
    assert "this survey is anonymous" in html
    assert "checked" in html  # the answers given are kept on the page
    assert not StaffResponse.objects_for(surveys["Police"].partnership).exists()


def test_every_standard_needs_an_answer(surveys: dict[str, StaffSurvey]) -> None:
    data = post_data()
    del data["standard_3.1"]
    html = Client().post(form_url(surveys["Police"]), data).content.decode()
    assert "Choose an answer for “In my organisation, I know how to blow the whistle" in html
    assert not StaffResponse.objects_for(surveys["Police"].partnership).exists()


def test_a_token_reaches_its_own_organisation_only(surveys: dict[str, StaffSurvey]) -> None:
    police, council = surveys["Police"], surveys["Council"]
    page = Client().get(form_url(council)).content.decode()
    assert "Northfield Council" in page and "Northfield Police" not in page
    Client().post(form_url(council), post_data())
    assert StaffResponse.objects_for(council.partnership).get().survey == council
    assert not StaffResponse.objects_for(police.partnership).filter(survey=police).exists()
    for token in (police.token[:-1] + ("A" if police.token[-1] != "A" else "B"), "x" * 60, "1"):
        assert Client().get(reverse("staff_survey:form", args=[token])).status_code == 404


def test_the_link_closes_with_the_deadline(surveys: dict[str, StaffSurvey], round: Round) -> None:
    round.deadline = timezone.localdate() - timedelta(days=1)
    round.save()
    for response in (
        Client().get(form_url(surveys["Police"])),
        Client().post(form_url(surveys["Police"]), post_data()),
    ):
        # Gone, to GET and POST alike (ADR 045): the link was right, it takes nothing now
        assert response.status_code == 410
        assert "This survey is closed" in response.content.decode()
        assert 'type="radio"' not in response.content.decode()
    assert not StaffResponse.objects_for(round.partnership).exists()
    with pytest.raises(ValidationError, match="closed"):
        services.response_submit(survey=surveys["Police"], answers=answers())


def test_the_business_unit_closes_every_link(
    surveys: dict[str, StaffSurvey], round: Round, amira: Person
) -> None:
    assert services.surveys_close(actor=actor_for_person(amira), round=round) == 4
    closed = Client().post(form_url(surveys["Board"]), post_data())
    assert closed.status_code == 410
    assert "This survey is closed" in closed.content.decode()
    assert not StaffResponse.objects_for(round.partnership).exists()


def test_too_many_answers_from_one_network_are_refused(
    surveys: dict[str, StaffSurvey], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "PER_NETWORK", 2)
    url = form_url(surveys["Police"])
    office, home = Client(REMOTE_ADDR="192.0.2.10"), Client(REMOTE_ADDR="198.51.100.7")
    assert office.post(url, post_data()).status_code == 302
    assert office.post(url, post_data()).status_code == 302
    refused = office.post(url, post_data())
    assert refused.status_code == 429
    assert "Many answers have been sent from this network" in refused.content.decode()
    assert home.post(url, post_data()).status_code == 302
    assert StaffResponse.objects_for(surveys["Police"].partnership).count() == 3


def test_only_the_business_unit_starts_and_closes(
    round: Round, helen: Person, corinne: Person
) -> None:
    for person in (helen, corinne):
        with pytest.raises(Exception) as refused:
            services.surveys_start(actor=actor_for_person(person), round=round)
        assert refused.type.__name__ == "PermissionDenied"


def test_a_survey_cannot_start_after_the_deadline(round: Round, amira: Person) -> None:
    later = round.deadline + timedelta(days=1)
    with pytest.raises(ValidationError, match="deadline has passed"):
        services.surveys_start(actor=actor_for_person(amira), round=round, today=later)
    assert not StaffSurvey.objects_for(round.partnership).exists()


def test_starting_again_gives_a_link_only_to_those_without(round: Round, amira: Person) -> None:
    actor = actor_for_person(amira)
    assert len(services.surveys_start(actor=actor, round=round)) == 4
    assert services.surveys_start(actor=actor, round=round) == []

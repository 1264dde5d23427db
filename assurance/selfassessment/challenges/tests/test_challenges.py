"""The challenge. Larkfield Primary's return is signed off by Grace, its head. The education
group (Helen, the police lead, sits on it) is the round's panel: Helen agrees "Partly met" for a
standard Larkfield rated "Fully met", with the reason, and records the outcome; Amira (business
unit) raises an action in the action log about that standard, which names the challenge it came
from. Farah (council lead, not on the group) and Oliver (another school's lead) get "not found";
Hannah (Larkfield's lead) reads the challenge once it is recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assurance.core.pagination import paginate
from assurance.core.roles import Role
from assurance.improvement.actions.models import Action
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PersonFactory, Tenant
from assurance.selfassessment.challenges import views
from assurance.selfassessment.challenges.models import (
    AgreedRating,
    Challenge,
    ChallengeAction,
    ChallengePanel,
)
from assurance.selfassessment.challenges.tests.factories import REASON, standard, submit
from assurance.selfassessment.challenges.tests.factories import challenge_url as _url
from assurance.selfassessment.challenges.tests.factories import panel_post as _post
from assurance.selfassessment.returns.tests.factories import s175_round
from assurance.selfassessment.rounds.models import Participant
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory

Clients = Callable[[Any], Client]


def test_a_panel_member_agrees_a_different_rating_with_the_reason_and_the_outcome(
    larkfield: Participant, helen: Person, client_for: Clients
) -> None:
    client = client_for(helen)
    page = client.get(_url(larkfield))
    assert page.status_code == 200
    assert "Challenge the return" in page.content.decode()
    form = client.get(_url(larkfield, "record/"))
    assert form.status_code == 200
    assert "Self-rating: Fully met" in form.content.decode()
    response = client.post(
        _url(larkfield, "record/"), _post(larkfield, **{"4_1": ("Partly met", REASON)})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    challenge = Challenge.unscoped.get(sa_return__participant=larkfield)
    assert challenge.outcome == "amended"
    assert challenge.recorded_by == helen
    agreed = AgreedRating.unscoped.get(challenge=challenge)
    assert (agreed.item.code, agreed.option.label, agreed.reason) == ("4.1", "Partly met", REASON)
    assert challenge.history.count() == 1 and agreed.history.count() == 1
    page = client.get(_url(larkfield)).content.decode()
    assert "Confirmed with changes" in page and REASON in page


def test_refusals_name_the_standard_and_store_nothing(
    larkfield: Participant, helen: Person, client_for: Clients
) -> None:
    client = client_for(helen)
    same = client.post(_url(larkfield, "record/"), _post(larkfield, **{"2_1": ("Fully met", "x")}))
    assert same.status_code == 200
    assert "The rating agreed for 2.1 is the same as the self-rating" in same.content.decode()
    no_reason = client.post(
        _url(larkfield, "record/"), _post(larkfield, **{"2_1": ("Not met", "")})
    )
    assert "Give the panel&#x27;s reason for rating 2.1" in no_reason.content.decode()
    data = _post(larkfield, **{"2_1": ("Not met", REASON)})
    data["outcome"] = "confirmed"
    wrong = client.post(_url(larkfield, "record/"), data)
    assert "a different rating for 1 standard" in wrong.content.decode()
    assert not Challenge.unscoped.exists() and not AgreedRating.unscoped.exists()


def test_changing_the_challenge_back_removes_the_agreed_rating_with_history(
    larkfield: Participant, helen: Person, client_for: Clients
) -> None:
    client = client_for(helen)
    client.post(_url(larkfield, "record/"), _post(larkfield, **{"4_1": ("Partly met", REASON)}))
    response = client.post(_url(larkfield, "record/"), _post(larkfield))
    assert response.status_code == 302
    challenge = Challenge.unscoped.get()
    assert challenge.outcome == "confirmed" and not AgreedRating.unscoped.exists()
    assert AgreedRating.history.filter(history_type="-").count() == 1
    assert challenge.history.count() == 2
    assert client.get(_url(larkfield, "history/")).status_code == 200


def test_a_return_not_yet_submitted_cannot_be_challenged(
    northfield: Tenant, school: dict[str, Any], panel: Any, helen: Person, client_for: Clients
) -> None:
    round = s175_round(northfield.partnership, 2025)
    ChallengePanel.unscoped.create(partnership=northfield.partnership, round=round, group=panel)
    open_one = ParticipantFactory(round=round, setting=school["ashby"])
    client = client_for(helen)
    assert client.get(_url(open_one)).status_code == 200
    response = client.get(_url(open_one, "record/"))
    assert response.status_code == 302 and response["Location"] == _url(open_one)
    posted = client.post(_url(open_one, "record/"), {"outcome": "confirmed"})
    assert posted.status_code == 302 and not Challenge.unscoped.exists()


def test_who_may_see_and_record(
    larkfield: Participant,
    school: dict[str, Any],
    farah: Person,
    corinne: Person,
    amira: Person,
    client_for: Clients,
    northfield: Tenant,
) -> None:
    outsider = PersonFactory(
        partnership=northfield.partnership, agency=northfield.council, roles=[Role.GROUP_MEMBER]
    )
    # a group member not on the round's panel, another school's lead, an agency's lead
    for person in (outsider, school["oliver"], farah):
        client = client_for(person)
        assert client.get(_url(larkfield)).status_code == 404, person
    assert client_for(outsider).get(_url(larkfield, "record/")).status_code == 404
    assert client_for(school["oliver"]).get(_url(larkfield, "record/")).status_code == 403
    # the scrutineer reads it but does not record
    assert client_for(corinne).get(_url(larkfield)).status_code == 200
    assert client_for(corinne).get(_url(larkfield, "record/")).status_code == 403
    # the organisation: the page says the panel has not challenged it yet, and shows no ratings
    hannah = client_for(school["hannah"])
    before = hannah.get(_url(larkfield)).content.decode()
    assert "The panel has not challenged this return yet" in before
    assert "standard-1.1" not in before
    client_for(amira).post(
        _url(larkfield, "record/"), _post(larkfield, **{"4_1": ("Partly met", REASON)})
    )
    after = hannah.get(_url(larkfield)).content.decode()
    assert REASON in after and "Challenge the return" not in after


def test_an_action_raised_at_the_challenge_goes_into_the_action_log_linked_back(
    larkfield: Participant, helen: Person, amira: Person, northfield: Tenant, client_for: Clients
) -> None:
    client = client_for(amira)
    item = standard(larkfield, "4.1")
    data = {
        "item": item.pk,
        "title": "record the annual check of filtering",
        "owner_agency": northfield.school.pk,
        "due_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "measure": "The governors' minutes record the check.",
    }
    # not before the challenge is recorded
    early = client.get(_url(larkfield, "actions/add/"))
    assert early.status_code == 302
    client.post(_url(larkfield, "record/"), _post(larkfield, **{"4_1": ("Partly met", REASON)}))
    # a panel member who does not keep the action log may not
    assert client_for(helen).get(_url(larkfield, "actions/add/")).status_code == 403
    page = client.get(_url(larkfield, "actions/add/"))
    assert page.status_code == 200
    response = client.post(_url(larkfield, "actions/add/"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    action = Action.unscoped.get()
    assert action.title == "Larkfield Primary School, 4.1: record the annual check of filtering"
    assert action.owner_agency == northfield.school and action.history.count() == 1
    link = ChallengeAction.unscoped.get()
    assert (link.action, link.item, link.challenge.sa_return.participant) == (
        action,
        item,
        larkfield,
    )
    # the action log's page and the golden thread say where it came from
    detail = client.get(f"/p/northfield/actions/{action.pk}/").content.decode()
    assert "The challenge of Larkfield Primary School&#x27;s self-assessment" in detail
    assert f"{_url(larkfield)}#standard-4.1" in detail
    thread = client.get(f"/p/northfield/actions/{action.pk}/thread/").content.decode()
    assert "standard 4.1" in thread
    assert "record the annual check of filtering" in client.get(_url(larkfield)).content.decode()


def test_an_action_due_in_the_past_is_refused(
    larkfield: Participant, amira: Person, northfield: Tenant, client_for: Clients
) -> None:
    client = client_for(amira)
    client.post(_url(larkfield, "record/"), _post(larkfield))
    response = client.post(
        _url(larkfield, "actions/add/"),
        {
            "item": standard(larkfield, "1.1").pk,
            "title": "something",
            "owner_agency": northfield.school.pk,
            "due_date": timezone.localdate().isoformat(),
            "measure": "m",
        },
    )
    assert response.status_code == 200
    assert "The due date must be in the future" in response.content.decode()
    assert not Action.unscoped.exists() and not ChallengeAction.unscoped.exists()


def test_the_business_unit_chooses_the_rounds_panel(
    northfield: Tenant, amira: Person, panel: Any, client_for: Clients, helen: Person
) -> None:
    round = s175_round(northfield.partnership, 2025)
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/challenge-panel/"
    client = client_for(amira)
    assert client.get(url).status_code == 200
    assert client.post(url, {"group": ""}).status_code == 200
    response = client.post(url, {"group": panel.pk})
    assert response.status_code == 302
    assert ChallengePanel.unscoped.get(round=round).group == panel
    assert ChallengePanel.history.count() == 1
    assert client_for(helen).get(url).status_code == 403


def test_the_challenge_page_reads_in_constant_queries(
    larkfield: Participant, amira: Person, northfield: Tenant, client_for: Clients
) -> None:
    client = client_for(amira)
    client.post(_url(larkfield, "record/"), _post(larkfield, **{"4_1": ("Partly met", REASON)}))
    with CaptureQueriesContext(connection) as one:
        assert client.get(_url(larkfield)).status_code == 200
    client.post(
        _url(larkfield, "record/"),
        _post(
            larkfield,
            **{
                "4_1": ("Partly met", REASON),
                "2_1": ("Not met", REASON),
                "5_1": ("Not met", REASON),
            },
        ),
    )
    for code in ("1.1", "2.1"):
        client.post(
            _url(larkfield, "actions/add/"),
            {
                "item": standard(larkfield, code).pk,
                "title": "act",
                "owner_agency": northfield.school.pk,
                "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
                "measure": "m",
            },
        )
    assert ChallengeAction.unscoped.count() == 2
    with CaptureQueriesContext(connection) as many:
        assert client.get(_url(larkfield)).status_code == 200
    assert len(many) == len(one)


def test_the_list_of_returns_awaiting_challenge_and_challenged(
    larkfield: Participant, helen: Person, farah: Person, client_for: Clients
) -> None:
    url = "/p/northfield/self-assessment/challenges/"
    client = client_for(helen)
    page = client.get(url).content.decode()
    assert "Awaiting challenge (1)" in page and "Larkfield Primary School" in page
    assert "Challenged (0)" in page
    client.post(_url(larkfield, "record/"), _post(larkfield, **{"4_1": ("Partly met", REASON)}))
    page = client.get(url).content.decode()
    assert "Awaiting challenge (0)" in page and "Challenged (1)" in page
    # the challenged returns are their own list (each list is paginated on its own)
    page = client.get(url + "?list=challenged").content.decode()
    assert "Confirmed with changes" in page and "Larkfield Primary School" in page
    # an agency's lead who is not on the panel sees none of the school's
    other = client_for(farah).get(url).content.decode()
    assert "Larkfield Primary School" not in other


def test_a_group_member_on_no_panel_is_told_so(
    larkfield: Participant, helen: Person, northfield: Tenant, client_for: Clients
) -> None:
    """ "Challenge" is in every group member's menu (the menu is drawn per set of roles): one
    whose group challenges no round is told why the list is empty and who decides."""
    url = "/p/northfield/self-assessment/challenges/"
    outsider = PersonFactory(
        partnership=northfield.partnership, agency=northfield.council, roles=[Role.GROUP_MEMBER]
    )
    page = client_for(outsider).get(url).content.decode()
    assert "You are not on the challenge panel of any round" in page
    assert "Larkfield Primary School" not in page
    assert "You are not on the challenge panel" not in client_for(helen).get(url).content.decode()


def test_a_round_without_a_panel_awaits_nobody(
    larkfield: Participant, amira: Person, client_for: Clients
) -> None:
    ChallengePanel.unscoped.all().delete()
    page = client_for(amira).get("/p/northfield/self-assessment/challenges/").content.decode()
    assert "Awaiting challenge (0)" in page
    # the business unit may still challenge it from the return
    assert client_for(amira).get(_url(larkfield, "record/")).status_code == 200


def test_the_challenged_list_is_paginated(
    larkfield: Participant,
    school: dict[str, Any],
    helen: Person,
    client_for: Clients,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One a page here (50 in the service): the second challenged return is on page 2, and the
    pagination keeps the list chosen."""
    ashby = Participant.unscoped.get(round=larkfield.round, setting=school["ashby"])
    submit(ashby, school["oliver"], school["ashby_head"])
    client = client_for(helen)
    for participant in (larkfield, ashby):
        client.post(_url(participant, "record/"), _post(participant))
    monkeypatch.setattr(views, "paginate", partial(paginate, per_page=1))
    url = "/p/northfield/self-assessment/challenges/?list=challenged"
    first = client.get(url).content.decode()
    assert "Challenged (2)" in first and "page 1 of 2" in first
    assert "list=challenged&amp;page=2" in first
    second = client.get(url + "&page=2").content.decode()
    assert "page 2 of 2" in second
    names = {"Larkfield Primary School", "Ashby Vale Free School"}
    assert {n for n in names if n in first.split("<table")[1]} != {
        n for n in names if n in second.split("<table")[1]
    }

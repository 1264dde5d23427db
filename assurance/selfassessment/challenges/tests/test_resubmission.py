"""A challenge and a return submitted again. Helen's panel agreed "Partly met" for Larkfield's
4.1, which Larkfield rated "Fully met". Amira (business unit) unlocks the return; Hannah rates
every standard "Partly met" and Grace signs it off again. The challenge is now about the earlier
submission: its page says so and marks what changed, the return awaits the panel again, and the
round's report marks the agreed rating as about the earlier submission, with the self-rating the
panel read. Recording the challenge again makes it about the new answers."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.selfassessment.challenges import selectors
from assurance.selfassessment.challenges.models import Challenge
from assurance.selfassessment.challenges.tests.factories import (
    REASON,
    challenge_url,
    fill_in,
    panel_post,
    submit,
)
from assurance.selfassessment.returns import services as return_services
from assurance.selfassessment.rounds.models import Participant

pytestmark = pytest.mark.django_db

Clients = Callable[[Any], Client]
LIST = "/p/northfield/self-assessment/challenges/"


def _challenged(larkfield: Participant, helen: Person, client_for: Clients) -> Challenge:
    response = client_for(helen).post(
        challenge_url(larkfield, "record/"),
        panel_post(larkfield, **{"4_1": ("Partly met", REASON)}),
    )
    assert response.status_code == 302
    return Challenge.unscoped.get(sa_return__participant=larkfield)


def _unlock(larkfield: Participant, amira: Person) -> None:
    return_services.return_unlock(
        actor=actor_for_person(amira), participant=larkfield, reason="Section 4 needs a rethink."
    )


def test_the_challenge_keeps_what_the_panel_read(
    larkfield: Participant, helen: Person, client_for: Clients
) -> None:
    challenge = _challenged(larkfield, helen, client_for)
    assert challenge.is_current
    assert challenge.submission_at == larkfield.self_assessment_return.submitted_at
    item = larkfield.round.framework.sections.get(order=4).items.get(code="4.1")
    assert challenge.seen_answer(item.pk) == ("Fully met", "Our evidence for 4.1.")


def test_while_unlocked_the_challenge_is_about_the_earlier_submission(
    larkfield: Participant, helen: Person, amira: Person, client_for: Clients
) -> None:
    _challenged(larkfield, helen, client_for)
    _unlock(larkfield, amira)
    page = client_for(helen).get(challenge_url(larkfield)).content.decode()
    assert "This challenge is about the return submitted on" in page
    assert "The return has been unlocked since" in page
    assert "1 standard" in page.split("Ratings the panel changed")[1].split("</dd>")[0]
    assert "once it has been signed off and submitted" not in page
    # not awaiting the panel while the organisation changes it; still listed as challenged
    assert selectors.awaiting_count(actor=actor_for_person(helen)) == {}
    listed = client_for(helen).get(LIST + "?list=challenged").content.decode()
    assert "Larkfield Primary School" in listed and "About an earlier submission" in listed


def test_a_return_submitted_again_awaits_the_panel_with_what_changed(
    larkfield: Participant,
    helen: Person,
    amira: Person,
    school: dict[str, Any],
    client_for: Clients,
) -> None:
    challenge = _challenged(larkfield, helen, client_for)
    _unlock(larkfield, amira)
    submit(larkfield, school["hannah"], school["grace"], rating="Partly met")
    challenge.refresh_from_db()
    assert not challenge.is_current
    client = client_for(helen)
    page = client.get(challenge_url(larkfield)).content.decode()
    assert "the panel has not judged the new answers" in page
    assert "Changed since the challenge" in page and "The panel read: Fully met" in page
    assert "Challenge the new answers" in page
    # the standards whose answer did not change are not marked
    n_changed = page.count("Changed since the challenge</strong>")
    total = sum(len(s.items.all()) for s in larkfield.round.framework.sections.all())
    assert n_changed == total
    # it awaits the panel again, marked, and is counted on the panel's to-do
    awaiting = client.get(LIST).content.decode()
    assert "Awaiting challenge (1)" in awaiting
    assert "Submitted again since its challenge" in awaiting
    assert selectors.awaiting_count(actor=actor_for_person(helen)) == {larkfield.round_id: 1}
    challenged = client.get(LIST + "?list=challenged").content.decode()
    assert "About an earlier submission" in challenged
    # the panel challenges the new answers: the challenge is about them again
    response = client.post(challenge_url(larkfield, "record/"), panel_post(larkfield))
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.is_current and challenge.history.count() == 2
    assert "Awaiting challenge (0)" in client.get(LIST).content.decode()
    assert (
        "This challenge is about the return"
        not in client.get(challenge_url(larkfield)).content.decode()
    )


def test_an_unchanged_resubmission_says_nothing_changed(
    larkfield: Participant,
    helen: Person,
    amira: Person,
    school: dict[str, Any],
    client_for: Clients,
) -> None:
    _challenged(larkfield, helen, client_for)
    _unlock(larkfield, amira)
    submit(larkfield, school["hannah"], school["grace"])
    page = client_for(helen).get(challenge_url(larkfield)).content.decode()
    assert "No rating or narrative has changed." in page
    assert "Changed since the challenge</strong>" not in page


def test_the_rounds_report_lists_the_agreed_ratings(
    larkfield: Participant,
    helen: Person,
    amira: Person,
    school: dict[str, Any],
    client_for: Clients,
) -> None:
    url = f"/p/northfield/self-assessment/rounds/{larkfield.round_id}/report/"
    client = client_for(amira)
    before = client.get(url).content.decode()
    assert "Where the challenge panel agreed a different rating" in before
    assert "No challenge panel has agreed a rating different" in before
    _challenged(larkfield, helen, client_for)
    page = client.get(url).content.decode()
    table = page.split("Agreed ratings</caption>")[1].split("</table>")[0]
    assert "Larkfield Primary School" in table and "4.1" in table
    assert "Fully met" in table and "Partly met" in table and REASON in table
    assert "earlier submission" not in table
    docx = client.get(url + "report.docx")
    text = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "Agreed ratings" in text and "No record of the check this year" in text
    pdf = client.get(url + "report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # submitted again with 4.1 now "Partly met": the row keeps the self-rating the panel read
    _unlock(larkfield, amira)
    fill_in(larkfield, school["hannah"], rating="Partly met")
    submit(larkfield, school["hannah"], school["grace"], rating="Partly met")
    rows = selectors.round_agreed_ratings(actor=actor_for_person(amira), round=larkfield.round)
    assert [(r.code, r.self_rating, r.agreed, r.earlier) for r in rows] == [
        ("4.1", "Fully met", "Partly met", True)
    ]
    again = client.get(url).content.decode()
    assert "Partly met (about the earlier submission)" in again

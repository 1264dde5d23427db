"""The round's report for the executive and the education group: Amira (business unit) and Helen
(the police's lead, a member of the partnership's groups) read it as a page, a PDF and a Word
document; Priya (a police auditor) is refused; Tamsin (Southvale) finds nothing. It gives the
completion, each standard with its interval and change, the heat map's table, what staff say
beside the self-ratings only where at least five answered, and the organisations to look at."""

from __future__ import annotations

import io
import zipfile

import pytest

from assurance.partnerships.access import actor_for_person
from assurance.selfassessment.standards.tests.factories import rated
from assurance.selfassessment.surveys import services
from assurance.selfassessment.surveys.tests.factories import (
    StaffResponseFactory,
    answers,
    section_11_round,
)

pytestmark = pytest.mark.django_db


def test_the_schools_round_report(rounds, amira, client_for):
    round = rounds["round"]
    html = (
        client_for(amira)
        .get(f"/p/northfield/self-assessment/rounds/{round.pk}/report/")
        .content.decode()
    )
    assert "5 organisations took part; 3 submitted their return (60%)" in html
    assert "2 are overdue" in html
    # each standard, with its interval and the change since last year
    assert "33% (1 of 3)" in html and "Up 8 points (could be chance)" in html
    assert "25% (1 of 4)" in html  # last year's 1.1
    # the heat map's table, by phase
    assert "Primary (2)" in html and "Secondary (1)" in html
    # the organisations to look at: those rating a standard Not met (Brook: Partly met only)
    look = html.split("Organisations to look at</caption>")[1].split("</table>")[0]
    assert "Larkfield Primary School" in look and "Brook Infant School" not in look
    assert "No practitioners&#x27; survey was run in this round." in html


def test_the_report_as_pdf_and_word(rounds, amira, client_for):
    base = f"/p/northfield/self-assessment/rounds/{rounds['round'].pk}/report/"
    client = client_for(amira)
    pdf = client.get(base + "report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = client.get(base + "report.docx")
    text = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "How each standard is met" in text and "Larkfield Primary School" in text


def test_who_reads_the_report(rounds, helen, priya, tamsin, corinne, client_for):
    url = f"/p/northfield/self-assessment/rounds/{rounds['round'].pk}/report/"
    assert client_for(helen).get(url).status_code == 200  # a member of the groups
    assert client_for(corinne).get(url).status_code == 200
    assert client_for(priya).get(url).status_code == 403
    assert client_for(tamsin).get(url.replace("northfield", "southvale")).status_code == 404


def test_what_staff_say_beside_the_self_ratings(northfield, amira, client_for):
    actor = actor_for_person(amira)
    round = section_11_round(actor=actor)
    surveys = {
        s.participant.agency.name: s for s in services.surveys_start(actor=actor, round=round)
    }
    police = next(s for name, s in surveys.items() if "olice" in name)
    council = next(s for name, s in surveys.items() if "ouncil" in name)
    rated(police.participant)  # every standard Fully met, signed off
    rated(council.participant, {"3.1": "Not met"})
    for _ in range(5):  # the police's staff disagree on 3.1: flagged
        StaffResponseFactory(survey=police, answers=answers("agree", **{"3.1": "disagree"}))
    for _ in range(3):  # the council's: too few to show anything
        StaffResponseFactory(survey=council, answers=answers("disagree"))
    html = (
        client_for(amira)
        .get(f"/p/northfield/self-assessment/rounds/{round.pk}/report/")
        .content.decode()
    )
    staff = html.split("Practitioners&#x27; surveys with results</caption>")[1].split("</table>")[0]
    assert police.participant.name in staff and "3.1 staff less positive" in staff
    assert council.participant.name not in staff
    assert "had fewer than 5 answers: no result is shown" in html
    look = html.split("Organisations to look at</caption>")[1].split("</table>")[0]
    assert police.participant.name in look and council.participant.name in look
    # an agencies round's heat map table is each organisation's counts of each rating
    assert "Each organisation&#x27;s ratings" in html


def test_the_groups_members_find_the_reports(rounds, helen, priya, client_for):
    """Helen, a member of the groups, cannot open the rounds' pages but finds each round's
    report from the service navigation."""
    client = client_for(helen)
    home = client.get("/p/northfield/self-assessment/reports/").content.decode()
    assert 'href="/p/northfield/self-assessment/reports/"' in home  # in the navigation
    report = f"/p/northfield/self-assessment/rounds/{rounds['round'].pk}/report/"
    assert f'href="{report}"' in home
    assert (
        client.get(f"/p/northfield/self-assessment/rounds/{rounds['round'].pk}/").status_code == 403
    )
    assert client_for(priya).get("/p/northfield/self-assessment/reports/").status_code == 403

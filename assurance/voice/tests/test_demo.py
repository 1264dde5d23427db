"""Northfield's demo year of feedback: the form's answers, two events, the hospital trust's
upload, and one possible disclosure, handled, that no list shows; the feedback themed, quotes
chosen, "you said, we did" answers linked to actions (one with its measured impact), and voice
on the Assurance and Review Group's agenda."""

from __future__ import annotations

import pytest

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.voice.events.models import ParticipationEvent
from assurance.voice.feedback import selectors
from assurance.voice.feedback.models import Feedback, FeedbackLink, FeedbackUpload
from assurance.voice.summary.models import AgendaGroup
from assurance.voice.themes.models import ChosenQuote, FeedbackTheme
from assurance.voice.you_said_we_did.selectors import answer_rows, answers

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_year_of_feedback_from_every_source(demo: None) -> None:
    feedback = Feedback.unscoped.filter(partnership__slug="northfield")
    assert FeedbackLink.unscoped.filter(partnership__slug="northfield").count() == 2
    assert ParticipationEvent.unscoped.filter(partnership__slug="northfield").count() == 2
    [upload] = FeedbackUpload.unscoped.filter(partnership__slug="northfield")
    assert upload.rows == 6 and upload.agency.name.startswith("Northfield Hospitals")
    assert {f.source for f in feedback} == {"form", "event", "agency"}
    [flagged] = feedback.filter(flagged=True)
    assert flagged.handled and flagged.handling_note
    bu = Person.unscoped.get(email="business-unit@northfield.example")
    reportable = selectors.reportable(actor=actor_for_person(bu))
    assert reportable.count() == feedback.count() - 1
    assert not reportable.filter(pk=flagged.pk).exists()
    days = sorted(feedback.values_list("received_on", flat=True))
    assert (days[-1] - days[0]).days >= 300  # a year of it

    themed = FeedbackTheme.unscoped.filter(partnership__slug="northfield")
    assert themed.count() >= 10 and not themed.filter(feedback__flagged=True).exists()
    assert ChosenQuote.unscoped.filter(partnership__slug="northfield").count() >= 3
    rows = answer_rows(answers(actor=actor_for_person(bu)))
    assert len(rows) == 3 and all(row.action is not None for row in rows)
    assert any(row.impact is not None for row in rows)  # the re-audit's measured change
    [agenda] = AgendaGroup.unscoped.filter(partnership__slug="northfield")
    assert agenda.group.short_name == "ARG"

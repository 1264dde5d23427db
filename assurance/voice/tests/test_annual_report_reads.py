"""What the annual report reads of the voice (``assurance.voice.selectors``, docs/voice.md):
a business year's counts by source, age band and theme, its quotes and its “you said, we did”
answers; never a possible disclosure."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.voice import selectors as voice
from assurance.voice.feedback.models import AgeBand
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.themes.tests.factories import ChosenQuoteFactory, FeedbackThemeFactory
from assurance.voice.you_said_we_did.tests.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db


def test_the_years_figures_quotes_and_answers(northfield: Tenant, amira: Person) -> None:
    p = northfield.partnership
    theme = LearningThemeFactory(partnership=p, title="Hearing the child")
    said = FeedbackFactory(partnership=p, received_on=date(2025, 4, 1), good="She listened")
    FeedbackFactory(partnership=p, received_on=date(2026, 3, 31), age_band=AgeBand.AGE_8_12)
    FeedbackFactory(partnership=p, received_on=date(2026, 4, 1))  # the next year
    flagged = FeedbackFactory(partnership=p, received_on=date(2025, 5, 1), flagged=True)
    FeedbackThemeFactory(partnership=p, feedback=said, theme=theme)
    FeedbackThemeFactory(partnership=p, feedback=flagged, theme=theme)
    ChosenQuoteFactory(partnership=p, feedback=said)
    ChosenQuoteFactory(partnership=p, feedback=flagged)
    YouSaidWeDidFactory(partnership=p, theme=theme, answered_on=date(2025, 9, 1))

    actor = actor_for_person(amira)
    figures = voice.year_figures(actor=actor, year=2025)
    assert figures.total == 2 and figures.untagged == 1
    assert {r.label: r.count for r in figures.by_theme} == {"Hearing the child": 1}
    assert {r.key: r.count for r in figures.by_age_band}["8_12"] == 1
    assert [q.text for q in voice.year_quotes(actor=actor, year=2025)] == ["She listened"]
    [answer] = voice.answers_for_year(actor=actor, year=2025)
    assert answer.theme == "Hearing the child"


def test_the_years_answers_as_plain_lines_are_the_answers(
    northfield: Tenant, amira: Person
) -> None:
    """The annual report reads the answers as plain values: the same answers, in the same
    order, each with its action's latest impact (the later of two assessments)."""
    from datetime import timedelta

    from django.utils import timezone

    from assurance.improvement.actions.models import ImpactAssessment, ImpactOutcome
    from assurance.improvement.actions.tests.factories import (
        ActionFactory,
        ImpactAssessmentFactory,
    )

    p = northfield.partnership
    theme = LearningThemeFactory(partnership=p)
    action = ActionFactory(partnership=p, title="Plans end with what happens next")
    ImpactAssessmentFactory(action=action, outcome=ImpactOutcome.IMPROVED)
    earlier = ImpactAssessmentFactory(action=action, outcome=ImpactOutcome.WORSE)  # made later,
    ImpactAssessment.unscoped.filter(pk=earlier.pk).update(  # but assessed nine days before
        assessed_at=timezone.now() - timedelta(days=9)
    )
    YouSaidWeDidFactory(partnership=p, theme=theme, action=action, answered_on=date(2025, 9, 2))
    YouSaidWeDidFactory(partnership=p, theme=theme, action=None, answered_on=date(2025, 6, 1))
    YouSaidWeDidFactory(partnership=p, theme=theme, answered_on=date(2026, 4, 1))  # next year
    actor = actor_for_person(amira)
    answers = voice.answers_for_year(actor=actor, year=2025)
    lines = voice.answer_lines_for_year(actor=actor, year=2025)
    assert [(a.you_said, a.we_did) for a in answers] == [(x.you_said, x.we_did) for x in lines]
    assert [(x.action_title, x.impact) for x in lines] == [
        ("", ""),
        ("Plans end with what happens next", ImpactOutcome.IMPROVED),
    ]
    assert [a.impact.outcome if a.impact else "" for a in answers] == [x.impact for x in lines]


def test_the_years_figures_take_four_queries_however_much_feedback(
    northfield: Tenant, amira: Person, django_assert_num_queries
) -> None:
    """Source and age band are counted in one grouped query, the total is their sum."""
    p = northfield.partnership
    for band in (AgeBand.AGE_8_12, AgeBand.AGE_13_15, AgeBand.AGE_13_15):
        FeedbackFactory(partnership=p, received_on=date(2025, 6, 1), age_band=band)
    actor = actor_for_person(amira)
    voice.year_figures(actor=actor, year=2025)  # warm: the actor's own reads
    with django_assert_num_queries(4):
        figures = voice.year_figures(actor=actor, year=2025)
    assert figures.total == 3 == sum(c.count for c in figures.by_source)
    assert {c.label: c.count for c in figures.by_age_band if c.count} == {
        AgeBand.AGE_8_12.label: 1,
        AgeBand.AGE_13_15.label: 2,
    }

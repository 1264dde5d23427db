"""“You said, we did”: the business unit answers what children said about a theme and links
the action that did it; the theme's page shows what was said, what was done, and the action's
measured impact. A possible disclosure is never shown or counted there."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assurance.improvement.actions.models import ImpactOutcome
from assurance.improvement.actions.tests.factories import ActionFactory, ImpactAssessmentFactory
from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.themes.tests.factories import FeedbackThemeFactory
from assurance.voice.you_said_we_did import selectors
from assurance.voice.you_said_we_did.models import YouSaidWeDid
from assurance.voice.you_said_we_did.tests.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db


def test_the_business_unit_links_a_we_did_to_an_action_and_the_theme_shows_its_impact(
    northfield: Tenant, amira: Person, corinne: Person, client_for
) -> None:
    p = northfield.partnership
    theme = LearningThemeFactory(partnership=p, title="Hearing the child")
    action = ActionFactory(partnership=p, title="Write to the child after every meeting")
    ImpactAssessmentFactory(
        action=action, outcome=ImpactOutcome.IMPROVED, summary="Letters sent after 9 in 10"
    )
    said = FeedbackFactory(partnership=p, better="Nobody tells me what happens after meetings")
    FeedbackThemeFactory(partnership=p, feedback=said, theme=theme)

    url = reverse("voice:answer_create", args=[northfield.slug, theme.pk])
    response = client_for(amira).post(
        url,
        {
            "theme": theme.pk,
            "you_said": "You said nobody tells you what happens after a meeting about you.",
            "we_did": "Workers now write to you after every meeting.",
            "action": action.pk,
            "answered_on": timezone.localdate().strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    answer = YouSaidWeDid.unscoped.get()
    assert (answer.action, answer.recorded_by) == (action, amira)

    # The scrutineer reads the theme's page: said, done, and the measured impact.
    page = client_for(corinne).get(reverse("voice:theme_detail", args=[northfield.slug, theme.pk]))
    html = page.content.decode()
    assert "Nobody tells me what happens after meetings" in html
    assert "Workers now write to you after every meeting." in html
    assert "Write to the child after every meeting" in html
    assert "Some improvement" in html and "Letters sent after 9 in 10" in html
    assert "Add a “you said, we did” answer" not in html


def test_an_answer_without_an_assessment_says_so(
    northfield: Tenant, amira: Person, client_for
) -> None:
    p = northfield.partnership
    answer = YouSaidWeDidFactory(partnership=p, action=ActionFactory(partnership=p))
    page = client_for(amira).get(
        reverse("voice:theme_detail", args=[northfield.slug, answer.theme.pk])
    )
    assert "Not assessed yet" in page.content.decode()


def test_bad_answers_are_refused_with_a_message_naming_what_is_wrong(
    northfield: Tenant, southvale: Tenant, amira: Person, client_for
) -> None:
    theme = LearningThemeFactory(partnership=northfield.partnership)
    theirs = ActionFactory(partnership=southvale.partnership)
    url = reverse("voice:answer_create", args=[northfield.slug, theme.pk])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_for(amira).post(
        url,
        {
            "theme": theme.pk,
            "you_said": "",
            "we_did": "Something",
            "action": theirs.pk,
            "answered_on": tomorrow.strftime("%d/%m/%Y"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter what children and families said" in html
    assert "Select a valid choice" in html  # another partnership's action is not a choice
    assert not YouSaidWeDid.unscoped.exists()

    response = client_for(amira).post(
        url,
        {
            "theme": theme.pk,
            "you_said": "Said",
            "we_did": "Did",
            "answered_on": tomorrow.strftime("%d/%m/%Y"),
        },
    )
    assert "The date of the answer must be today or in the past" in response.content.decode()
    assert not YouSaidWeDid.unscoped.exists()


def test_a_possible_disclosure_is_never_shown_or_counted_on_a_theme(
    northfield: Tenant, amira: Person, client_for
) -> None:
    p = northfield.partnership
    theme = LearningThemeFactory(partnership=p, title="Hearing the child")
    flagged = FeedbackFactory(partnership=p, flagged=True, better="Something frightening")
    FeedbackThemeFactory(partnership=p, feedback=flagged, theme=theme)  # however it got there
    FeedbackThemeFactory(partnership=p, theme=theme)
    client = client_for(amira)
    page = client.get(reverse("voice:theme_detail", args=[northfield.slug, theme.pk]))
    assert "Something frightening" not in page.content.decode()
    [row] = selectors.themes_heard(actor=actor_for_person(amira))
    assert row.feedback_count == 1


def test_the_years_answers_for_the_annual_report(northfield: Tenant, amira: Person) -> None:
    p = northfield.partnership
    action = ActionFactory(partnership=p)
    ImpactAssessmentFactory(action=action, outcome=ImpactOutcome.ACHIEVED)
    YouSaidWeDidFactory(partnership=p, answered_on=date(2025, 3, 31), we_did="Before")
    YouSaidWeDidFactory(partnership=p, answered_on=date(2025, 4, 1), we_did="First", action=action)
    YouSaidWeDidFactory(partnership=p, answered_on=date(2026, 3, 31), we_did="Last")
    rows = selectors.answers_for_year(actor=actor_for_person(amira), year=2025)
    assert [r.we_did for r in rows] == ["First", "Last"]
    assert rows[0].impact is not None and rows[0].impact.outcome == ImpactOutcome.ACHIEVED
    assert rows[0].action_status and rows[1].action is None and rows[1].impact is None

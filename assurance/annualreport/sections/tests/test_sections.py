"""Each section read from the records of one business year (April to March), compared with
the selector or page it comes from: feedback counted as ``voice.reportable`` counts it (never a
possible disclosure), training reach by agency, the actions overdue or delivered without
impact, the partners and groups, and the year's self-assessment rounds."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from assurance.annualreport.sections import reviews, selectors
from assurance.core.business_year import current_business_year
from assurance.improvement.actions.models import ActionState, ImpactOutcome
from assurance.improvement.actions.tests.factories import ActionFactory, ImpactAssessmentFactory
from assurance.improvement.learning.tests.factories import (
    LearningItemFactory,
    RecommendationFactory,
)
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.selfassessment.rounds.models import ParticipantStatus
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory
from assurance.training.tests.factories import BookingFactory, SessionFactory
from assurance.voice.feedback.models import AgeBand, FeedbackSource
from assurance.voice.feedback.selectors import reportable
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.themes.tests.factories import FeedbackThemeFactory
from assurance.voice.you_said_we_did.tests.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db

YEAR = current_business_year() - 1


def _cells(section: selectors.Section, caption: str) -> list[list[str]]:
    [table] = [t for t in section.tables if t.caption == caption]
    return [[c.text for c in row] for row in table.rows]


def test_voice_counts_the_years_feedback_as_the_reportable_selector_does(
    northfield: Tenant, amira: Person
) -> None:
    p = northfield.partnership
    FeedbackFactory.create_batch(3, partnership=p, received_on=date(YEAR, 4, 1))
    FeedbackFactory(partnership=p, received_on=date(YEAR + 1, 3, 31), age_band=AgeBand.AGE_8_12)
    FeedbackFactory(partnership=p, received_on=date(YEAR, 5, 1), flagged=True)  # a disclosure
    FeedbackFactory(partnership=p, received_on=date(YEAR + 1, 4, 1))  # the next year
    actor = actor_for_person(amira)
    section = selectors.voice_section(actor=actor, year=YEAR)
    in_year = reportable(actor=actor).filter(
        received_on__gte=date(YEAR, 4, 1), received_on__lte=date(YEAR + 1, 3, 31)
    )
    assert section.figures[0].value == str(in_year.count()) == "4"
    assert _cells(section, "How children and families told us") == [
        [FeedbackSource.FORM.label, "4"]
    ]
    assert _cells(section, "Their ages") == [
        [AgeBand.AGE_8_12.label, "1"],
        [AgeBand.AGE_13_15.label, "3"],
    ]


def test_voice_shows_the_years_themes_and_what_was_done_with_each_actions_impact(
    northfield: Tenant, amira: Person
) -> None:
    p = northfield.partnership
    told = FeedbackFactory(partnership=p, received_on=date(YEAR, 6, 1))
    tagged = FeedbackThemeFactory(partnership=p, feedback=told)
    action = ActionFactory(partnership=p, title="Write to the child after every meeting")
    ImpactAssessmentFactory(partnership=p, action=action, outcome=ImpactOutcome.IMPROVED)
    YouSaidWeDidFactory(
        partnership=p, theme=tagged.theme, action=action, answered_on=date(YEAR, 9, 1)
    )
    YouSaidWeDidFactory(partnership=p, theme=tagged.theme, answered_on=date(YEAR + 1, 5, 1))
    section = selectors.voice_section(actor=actor_for_person(amira), year=YEAR)
    assert _cells(section, "What they told us about") == [[tagged.theme.title, "1"]]
    [answer] = next(t for t in section.tables if t.caption == "You said, we did").rows
    assert [c.text for c in answer][2:] == [action.title, ImpactOutcome.IMPROVED.label]
    assert answer[2].href.endswith(f"/actions/{action.pk}/")


def test_training_reach_counts_confirmed_places_and_attendance_by_agency(
    northfield: Tenant, amira: Person
) -> None:
    p = northfield.partnership
    days = (date(YEAR, 10, 1) - timezone.localdate()).days
    held = SessionFactory(partnership=p, days=days)
    SessionFactory(partnership=p, days=days, is_cancelled=True)
    BookingFactory(session=held, agency=northfield.police, attended=True)
    BookingFactory(session=held, agency=northfield.police, attended=False)
    BookingFactory(session=held, agency=northfield.council, attended=True)
    BookingFactory(session=held, agency=northfield.council, status="cancelled")
    section = selectors.training_section(actor=actor_for_person(amira), year=YEAR)
    assert [f.value for f in section.figures] == ["1", "2"]
    assert _cells(section, "Attendance by agency") == [
        [northfield.council.name, "1", "1"],
        [northfield.police.name, "2", "1"],
    ]
    # a session still to come this year has not been held
    SessionFactory(partnership=p, days=1)
    this_year = selectors.training_section(actor=actor_for_person(amira), year=YEAR + 1)
    assert this_year.figures[0].value == "0"


def test_little_progress_lists_actions_overdue_and_delivered_without_impact(
    northfield: Tenant, amira: Person
) -> None:
    p = northfield.partnership
    overdue = ActionFactory(partnership=p, due_date=date(YEAR, 9, 30), title="Late")
    ActionFactory(partnership=p, due_date=date(YEAR, 9, 30), state=ActionState.CANCELLED)
    flat = ActionFactory(
        partnership=p,
        title="Done, no change",
        due_date=date(YEAR, 9, 30),
        state=ActionState.COMPLETE,
        completed_at=date(YEAR, 9, 1),
    )
    ImpactAssessmentFactory(action=flat, outcome=ImpactOutcome.NO_CLEAR_CHANGE)
    worked = ActionFactory(
        partnership=p,
        due_date=date(YEAR, 9, 30),
        state=ActionState.COMPLETE,
        completed_at=date(YEAR, 9, 1),
    )
    ImpactAssessmentFactory(action=worked, outcome=ImpactOutcome.ACHIEVED)
    actor = actor_for_person(amira)
    section = selectors.progress_section(actor=actor, year=YEAR)
    assert [f.value for f in section.figures] == ["1", "1", "0"]
    assert [r[0] for r in _cells(section, "Actions overdue")] == [overdue.title]
    assert _cells(section, "Actions delivered without a measured improvement") == [
        [flat.title, flat.owner_agency.short_name, "No clear change"]
    ]
    # each listed action links to its page, which names it
    client = Client()
    client.force_login(amira.user)
    [[late]] = [[r[0] for r in t.rows] for t in section.tables if t.caption == "Actions overdue"]
    assert overdue.title in client.get(late.href).content.decode()


def test_the_arrangements_name_the_partners_and_link_their_pages(
    northfield: Tenant, amira: Person
) -> None:
    section = selectors.arrangements_section(actor=actor_for_person(amira), year=YEAR)
    rows = section.tables[0].rows
    assert {r[0].text for r in rows} == {
        northfield.council.name,
        northfield.police.name,
        northfield.health.name,
    }
    assert rows[0][0].href.startswith(northfield.url("agencies/"))
    assert "No independent scrutineer's organisation is recorded." in section.notes


def test_the_self_assessment_rounds_of_the_year_are_the_rounds_pages(
    northfield: Tenant, amira: Person
) -> None:
    p = northfield.partnership
    past = RoundFactory(partnership=p, year=YEAR, deadline=date(YEAR, 12, 12))
    ParticipantFactory(round=past, status=ParticipantStatus.SUBMITTED)
    ParticipantFactory(round=past, status=ParticipantStatus.IN_PROGRESS)
    ParticipantFactory(round=past)
    RoundFactory(partnership=p, year=YEAR + 1)  # another year's round
    section = selectors.self_assessment_section(actor=actor_for_person(amira), year=YEAR)
    [row] = _cells(section, "Self-assessment rounds of the year")
    assert row == [str(past), str(past.framework), f"12 December {YEAR}", "3", "1", "2"]
    assert any("ratings are on its return" in note for note in section.notes)
    # each linked figure is on the round's page
    [cells] = section.tables[0].rows
    client = Client()
    client.force_login(amira.user)
    page = client.get(cells[0].href).content.decode()
    assert str(past) in page and "3 participants" in page and "Submitted: 1" in page


def test_a_year_without_rounds_says_so(amira: Person) -> None:
    section = selectors.self_assessment_section(actor=actor_for_person(amira), year=YEAR)
    assert not section.figures and section.tables[0].rows == []
    assert section.notes[0] == (
        f"No Section 11 or Section 175 self-assessment round ran in {YEAR}/{str(YEAR + 1)[-2:]}."
    )


def test_the_actions_on_practice_reviews_recommendations_with_progress_and_impact(
    northfield: Tenant, amira: Person
) -> None:
    """Working Together's record of what was done, or planned, in the year on the practice
    reviews' recommendations: through each review's learning items and their recommendations
    (the golden thread), never naming the case."""
    p = northfield.partnership
    published = PracticeReview.unscoped.create(
        partnership=p,
        incident=SeriousIncidentFactory(partnership=p, reference="SI-SECRET-1"),
        published_on=date(YEAR, 11, 5),
    )
    under_way = PracticeReview.unscoped.create(
        partnership=p,
        incident=SeriousIncidentFactory(
            partnership=p, reference="SI-SECRET-2", became_aware_on=date(YEAR, 6, 1)
        ),
    )
    share = RecommendationFactory(partnership=p, title="Share what is known of fathers")
    supervise = RecommendationFactory(partnership=p, title="Supervise drift in neglect cases")
    published.learning_items.add(LearningItemFactory(partnership=p, recommendations=[share]))
    under_way.learning_items.add(LearningItemFactory(partnership=p, recommendations=[supervise]))
    delivered = ActionFactory(
        partnership=p,
        recommendation=share,
        title="Ask about fathers at every assessment",
        due_date=date(YEAR, 12, 31),
        state=ActionState.COMPLETE,
        completed_at=date(YEAR, 12, 1),
    )
    ImpactAssessmentFactory(action=delivered, outcome=ImpactOutcome.NO_CLEAR_CHANGE)
    ImpactAssessmentFactory(action=delivered, outcome=ImpactOutcome.ACHIEVED)  # the latest
    ActionFactory(
        partnership=p,
        recommendation=supervise,
        title="Audit supervision",
        due_date=date(YEAR, 8, 1),
    )
    planned = ActionFactory(partnership=p, recommendation=supervise, title="Neglect champions")
    for excluded in (
        {"state": ActionState.COMPLETE, "completed_at": date(YEAR - 1, 12, 1)},  # before the year
        {"state": ActionState.CANCELLED},
    ):
        ActionFactory(partnership=p, recommendation=share, due_date=date(YEAR, 5, 1), **excluded)
    ActionFactory(partnership=p, recommendation=RecommendationFactory(partnership=p))  # no review

    section = reviews.reviews_section(actor=actor_for_person(amira), year=YEAR)
    rows = _cells(section, "Actions on the practice reviews' recommendations")
    assert rows == [
        [
            "Not yet published",
            "Supervise drift in neglect cases",
            "Audit supervision",
            f"Overdue: was due 1 August {YEAR}",
            "Not yet assessed",
        ],
        [
            "Not yet published",
            "Supervise drift in neglect cases",
            "Neglect champions",
            f"Due {planned.due_date:%-d %B %Y}",
            "Not yet assessed",
        ],
        [
            f"Published 5 November {YEAR}",
            "Share what is known of fathers",
            "Ask about fathers at every assessment",
            f"Delivered 1 December {YEAR}",
            "Achieved",
        ],
    ]
    assert "SI-SECRET" not in repr(section)

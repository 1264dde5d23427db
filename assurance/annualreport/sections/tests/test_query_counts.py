"""Building a year's report reads the records in a fixed number of queries, however many audits,
courses, actions, rounds, groups or pieces of feedback the year holds (each section reads its
capability's records in bulk; the bench times it at national scale, docs/bench.md)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assurance.annualreport.sections import selectors
from assurance.annualreport.sections.tests.test_training_change import YEAR, _course_run_on
from assurance.audits.models import AuditStatus
from assurance.audits.tests.factories import AuditFactory, KeyMessageFactory
from assurance.frameworks.tests.factories import FrameworkFactory
from assurance.improvement.actions.models import ActionState, ImpactOutcome
from assurance.improvement.actions.tests.factories import ActionFactory, ImpactAssessmentFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant
from assurance.selfassessment.returns.tests.factories import S175, s175_round
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory
from assurance.selfassessment.standards.tests.factories import rated
from assurance.training.evaluation import selectors as evaluation
from assurance.training.evaluation.report import year_period
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.themes.tests.factories import FeedbackThemeFactory
from assurance.voice.you_said_we_did.tests.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db


def _year_of_records(tenant: Tenant, n: int, tag: str) -> None:
    """``n`` of everything a section lists: closed audits (each a re-audit of an earlier one,
    with key messages), courses run with their evaluation, actions delivered and overdue,
    self-assessment rounds (one with a submitted return), groups, feedback themed and answered."""
    p = tenant.partnership
    for i in range(n):
        tool = FrameworkFactory(partnership=p)
        AuditFactory(
            partnership=p,
            programme__business_year=YEAR - 1,
            title=f"{tag} earlier {i}",
            framework=tool,
            status=AuditStatus.CLOSED,
            planned_month=date(YEAR - 1, 6, 1),
        )
        audit = AuditFactory(
            partnership=p,
            programme__business_year=YEAR,
            title=f"{tag} audit {i}",
            framework=tool,
            status=AuditStatus.CLOSED,
            planned_month=date(YEAR, 6, 1),
        )
        KeyMessageFactory.create_batch(2, audit=audit)
        _course_run_on(
            tenant, date(YEAR, 5, 1) + timedelta(days=i), f"{tag[0]}{i} course ({tag})"
        )  # respondents: its first 3
        done = ActionFactory(
            partnership=p,
            due_date=date(YEAR, 9, 30),
            state=ActionState.COMPLETE,
            completed_at=date(YEAR, 9, 1),
        )
        ImpactAssessmentFactory(action=done, outcome=ImpactOutcome.NO_CLEAR_CHANGE)
        ActionFactory(partnership=p, due_date=date(YEAR, 9, 30))
        ParticipantFactory(round=RoundFactory(partnership=p, year=YEAR))
        # results by standard: a round of the shipped tool with one more return each time
        tool_round = Round.objects_for(p).filter(year=YEAR, framework__name=S175).first()
        rated(ParticipantFactory(round=tool_round or s175_round(p, year=YEAR)))
        GroupFactory(partnership=p, name=f"{tag} group {i}")
        told = FeedbackFactory(partnership=p, received_on=date(YEAR, 6, 1))
        theme = FeedbackThemeFactory(partnership=p, feedback=told).theme
        YouSaidWeDidFactory(
            partnership=p, theme=theme, action=done, answered_on=date(YEAR, 9, 1 + i)
        )


def _queries(amira: Person) -> int:
    actor = actor_for_person(amira)
    selectors.record_sections(actor=actor, year=YEAR)  # warm: the actor's own reads
    with CaptureQueriesContext(connection) as captured:
        sections = selectors.record_sections(actor=actor, year=YEAR)
    assert sections["audits"].tables and sections["training"].tables[-1].rows
    assert sections["self_assessment"].tables[-1].rows  # a round's results by standard
    return len(captured.captured_queries)


def test_the_report_takes_the_same_queries_for_one_record_of_each_kind_or_many(
    northfield: Tenant, amira: Person
) -> None:
    _year_of_records(northfield, 1, "First")
    one = _queries(amira)
    _year_of_records(northfield, 3, "More")
    many = _queries(amira)
    assert many == one


def test_the_courses_read_at_once_have_each_courses_own_evaluation(
    northfield: Tenant, amira: Person
) -> None:
    _year_of_records(northfield, 3, "Each")
    period = year_period(YEAR)
    courses = list(evaluation.evaluated_courses(actor=actor_for_person(amira)))
    together = evaluation.outcome_rows(courses=courses, period=period)
    now = timezone.now()
    for course in courses:
        alone = evaluation.course_evaluation(course=course, now=now, period=period).rows
        assert together[course.pk] == alone and alone
        assert alone[0].evaluation.changes  # the paired changes, as the course's page shows

"""Reads of the evaluation: a personal link's invitation, the current questionnaire of a stage,
and a course's figures: every rating of its attendees (pseudonymous) and the analysis of them.
A course's figures take a fixed number of queries whatever its number of sessions or answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet

from assurance.core.stats import Proportion
from assurance.frameworks.models import Answer as EngineAnswer
from assurance.frameworks.models import Framework
from assurance.partnerships.access import Actor, scoped
from assurance.training.bookings.models import Booking
from assurance.training.courses.models import Course, LearningOutcome
from assurance.training.evaluation import analysis, questions, rules
from assurance.training.evaluation.models import Invitation, Questionnaire, Response, Stage
from assurance.training.sessions.models import TrainingSession


def invitation_for_link(pk: int, nonce: str) -> Invitation | None:
    return (
        Invitation.unscoped.select_related("booking__session__course", "partnership")
        .filter(pk=pk, nonce=nonce)
        .first()
    )


def current_questionnaire(*, course: Course, stage: str) -> Framework | None:
    found = (
        Questionnaire.unscoped.select_related("framework")
        .filter(course=course, stage=stage)
        .first()
    )
    return found.framework if found else None


def evaluated_courses(*, actor: Actor) -> QuerySet[Course]:
    return scoped(actor, Course.unscoped.all(), "evaluation.view").order_by("title", "pk")


@dataclass(frozen=True)
class Rating:
    """One rating as the responses API gives it: pseudonymous, with its outcome and measure."""

    respondent: str
    stage: str
    outcome_id: int
    measure: str  # "knowledge" or "confidence"
    score: int

    @property
    def key(self) -> str:
        return outcome_key(self.outcome_id, self.measure)


def outcome_key(outcome_id: int, measure: str) -> str:
    return f"{outcome_id}:{measure}"


Period = tuple[datetime, datetime] | None  # sessions starting from, before; None: all


def _attendees_of(course_ids: list[int], period: Period = None) -> QuerySet[Booking]:
    found = Booking.unscoped.filter(session__course__in=course_ids, attended=True)
    if period is not None:
        found = found.filter(session__starts_at__gte=period[0], session__starts_at__lt=period[1])
    return found


def _of_period(answers: QuerySet[EngineAnswer], period: Period) -> QuerySet[EngineAnswer]:
    if period is None:
        return answers
    return answers.filter(
        assessment__training_response__session__starts_at__gte=period[0],
        assessment__training_response__session__starts_at__lt=period[1],
    )


def course_ratings(*, course: Course, period: Period = None) -> list[Rating]:
    """Every rating of a learning outcome given by (or, at the manager's stage, about) an
    attendee of the course, in one query. Those who answered before the course but did not
    attend are left out: they are not the people the course can have changed."""
    return ratings_of_courses(courses=[course], period=period)[course.pk]


def ratings_of_courses(
    *, courses: Sequence[Course], period: Period = None
) -> dict[int, list[Rating]]:
    """``course_ratings`` of each course, in one query (a report of many courses): a rating
    counts when its respondent attended that course (in ``period``)."""
    ids = [course.pk for course in courses]
    attended = _attendees_of(ids, period).filter(
        respondent_id=OuterRef("assessment__training_response__respondent_id"),
        session__course_id=OuterRef("assessment__training_response__course_id"),
    )
    rows = (
        _of_period(
            EngineAnswer.objects.filter(
                assessment__training_response__course__in=ids,
                option__isnull=False,
                item__section__code__startswith="O",
            ).filter(Exists(attended)),
            period,
        )
        .order_by(
            "assessment__training_response__course_id",
            "assessment__training_response__respondent_id",
            "assessment__training_response__stage",
            "item__section__code",
            "item__code",
        )
        .values_list(
            "assessment__training_response__course_id",
            "assessment__training_response__respondent_id",
            "assessment__training_response__stage",
            "item__section__code",
            "item__code",
            "option__order",
        )
    )
    ratings: dict[int, list[Rating]] = {pk: [] for pk in ids}
    for course_id, respondent, stage, section, item, score in rows:
        outcome = questions.outcome_of(section)
        if outcome is None or item not in questions.MEASURES:
            continue
        ratings[course_id].append(
            Rating(respondent, stage, outcome, questions.MEASURES[item], score)
        )
    return ratings


@dataclass(frozen=True)
class StageRate:
    stage: Stage
    invited: int  # attendees whose questionnaire of this stage has opened
    responded: int
    rate: Proportion


@dataclass(frozen=True)
class OutcomeRow:
    outcome_id: int
    outcome: str
    measure: str
    evaluation: analysis.OutcomeEvaluation


@dataclass(frozen=True)
class CourseEvaluation:
    course: Course
    rates: list[StageRate]
    rows: list[OutcomeRow]
    changed_in_practice: list[str]  # what practitioners said changed, three months on
    attendees: int

    @property
    def cautions(self) -> bool:
        return any(
            change.caution for row in self.rows for change in row.evaluation.changes.values()
        )


def _rates_of(
    courses: Sequence[Course], now: datetime, period: Period
) -> dict[int, tuple[list[StageRate], int]]:
    """Each course's response rate per stage and its attendees (in ``period``), in two queries
    however many courses."""
    ids = [course.pk for course in courses]
    attendees: dict[int, list[tuple[str, datetime]]] = {pk: [] for pk in ids}
    for course_id, respondent, ends in _attendees_of(ids, period).values_list(
        "session__course_id", "respondent_id", "session__ends_at"
    ):
        attendees[course_id].append((respondent, ends))
    answered: dict[tuple[int, str], set[str]] = {}
    for course_id, stage, respondent in Response.unscoped.filter(course__in=ids).values_list(
        "course_id", "stage", "respondent_id"
    ):
        answered.setdefault((course_id, stage), set()).add(respondent)
    found = {}
    for pk in ids:
        rates = []
        for stage in Stage:
            if stage in (Stage.THREE_MONTHS, Stage.MANAGER):
                opened = [r for r, ends in attendees[pk] if ends + rules.THREE_MONTHS <= now]
            else:
                opened = [r for r, _ends in attendees[pk]]
            heard = answered.get((pk, stage), set())
            responded = sum(1 for r in opened if r in heard)
            rates.append(
                StageRate(
                    stage, len(opened), responded, analysis.response_rate(responded, len(opened))
                )
            )
        found[pk] = (rates, len(attendees[pk]))
    return found


def _practice_changes_of(courses: Sequence[Course], period: Period) -> dict[int, list[str]]:
    """What each course's practitioners said changed in their practice three months on, oldest
    first, in one query however many courses."""
    ids = [course.pk for course in courses]
    texts = _of_period(
        EngineAnswer.objects.filter(
            assessment__training_response__course__in=ids,
            assessment__training_response__stage=Stage.THREE_MONTHS,
            item__section__code="PRACTICE",
        ).exclude(text=""),
        period,
    )
    said: dict[int, list[str]] = {pk: [] for pk in ids}
    for course_id, text in texts.order_by(
        "assessment__training_response__submitted_at", "pk"
    ).values_list("assessment__training_response__course_id", "text"):
        said[course_id].append(text)
    return said


def _answers_by_key(ratings: list[Rating]) -> dict[str, list[analysis.Answer]]:
    """The ratings as the analysis' answers, grouped by outcome and measure once (rather than
    each outcome-measure walking every rating)."""
    grouped: dict[str, list[analysis.Answer]] = {}
    for r in ratings:
        answer = analysis.Answer(r.respondent, analysis.Stage(r.stage), r.key, r.score)
        grouped.setdefault(answer.outcome, []).append(answer)
    return grouped


def course_evaluation(*, course: Course, now: datetime, period: Period = None) -> CourseEvaluation:
    """Every figure of a course's evaluation (of its sessions starting in ``period``, or all):
    response rates per stage, and per learning outcome and measure (knowledge, confidence) the
    paired changes and the manager's agreement."""
    return course_evaluations(courses=[course], now=now, period=period)[course.pk]


def course_evaluations(
    *, courses: Sequence[Course], now: datetime, period: Period = None
) -> dict[int, CourseEvaluation]:
    """``course_evaluation`` of each course, in five queries however many courses (the
    evaluation's annual report reads every course run in the year at once)."""
    rows = outcome_rows(courses=courses, period=period)
    rates = _rates_of(courses, now, period)
    said = _practice_changes_of(courses, period)
    return {
        course.pk: CourseEvaluation(
            course, rates[course.pk][0], rows[course.pk], said[course.pk], rates[course.pk][1]
        )
        for course in courses
    }


def outcome_rows(
    *, courses: Sequence[Course], period: Period = None
) -> dict[int, list[OutcomeRow]]:
    """Each course's rows of ``course_evaluation`` (per learning outcome and measure, the paired
    changes and the manager's agreement), in two queries however many courses: a report of the
    courses run in a year reads them all at once."""
    ratings = ratings_of_courses(courses=courses, period=period)
    rows: dict[int, list[OutcomeRow]] = {course.pk: [] for course in courses}
    outcomes = LearningOutcome.unscoped.filter(course__in=list(rows)).order_by(
        "course_id", "order", "pk"
    )
    answers = {pk: _answers_by_key(found) for pk, found in ratings.items()}
    for outcome in outcomes:
        for measure in questions.MEASURES.values():
            key = outcome_key(outcome.pk, measure)
            evaluation = analysis.evaluate_outcome(answers[outcome.course_id].get(key, []), key)
            rows[outcome.course_id].append(
                OutcomeRow(outcome.pk, outcome.text, measure, evaluation)
            )
    return rows


def response_counts(*, courses: list[Course]) -> dict[int, Counter[str]]:
    """Questionnaires answered by attendees, per stage of each course, in one query (the
    courses' list): the same people the evaluation counts."""
    counts: dict[int, Counter[str]] = {c.pk: Counter() for c in courses}
    attended = Booking.unscoped.filter(session__course__in=courses, attended=True)
    for course_id, stage in Response.unscoped.filter(
        course__in=courses, respondent_id__in=attended.values("respondent_id")
    ).values_list("course_id", "stage"):
        counts[course_id][stage] += 1
    return counts


def attendance_by_agency(*, partnership: Any, period: Period) -> dict[int, list[tuple[str, int]]]:
    """Course → (agency, attendees) in ``period``, most first, in one query."""
    found = Booking.objects_for(partnership).filter(attended=True)
    if period is not None:
        found = found.filter(session__starts_at__gte=period[0], session__starts_at__lt=period[1])
    rows = (
        found.values("session__course_id", "agency__name")
        .annotate(n=Count("pk"))
        .order_by("session__course_id", "-n", "agency__name")
    )
    by_course: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        by_course.setdefault(row["session__course_id"], []).append((row["agency__name"], row["n"]))
    return by_course


def sessions_held(*, partnership: Any, period: Period) -> dict[int, int]:
    """Course → sessions held (not cancelled) starting in ``period``, in one query."""
    found = TrainingSession.objects_for(partnership).filter(is_cancelled=False)
    if period is not None:
        found = found.filter(starts_at__gte=period[0], starts_at__lt=period[1])
    return dict(found.values("course_id").annotate(n=Count("pk")).values_list("course_id", "n"))


def course_three_month_change(*, course: Course) -> analysis.PairedChange:
    """The course's change before → three months after in the same attendees (each one's mean
    rating across outcomes and measures): an action it delivers takes it as measured impact."""
    answers = [
        analysis.Answer(r.respondent, analysis.Stage(r.stage), r.key, r.score)
        for r in course_ratings(course=course)
    ]
    return analysis.course_change(answers, analysis.Comparison.BEFORE_THREE_MONTHS)


@dataclass(frozen=True)
class OutcomeChange:
    """One learning outcome and measure's change before → three months after."""

    outcome: str
    measure: str
    change: analysis.PairedChange


@dataclass(frozen=True)
class CourseChanges:
    """A course's three-month change per outcome and measure, as a priority's scorecard shows
    it."""

    course: Course
    rows: list[OutcomeChange]


def priority_course_changes(*, actor: Actor, priority: Any) -> list[CourseChanges]:
    """The courses linked to ``priority`` that the actor may see evaluated, each with its
    change before → three months after per learning outcome and measure, in three queries
    whatever the number of courses (courses, outcomes, ratings)."""
    if not actor.can("evaluation.view"):
        return []
    courses = list(
        scoped(actor, Course.unscoped.filter(priorities=priority), "evaluation.view")
        .select_related("partnership")
        .order_by("title", "pk")
    )
    if not courses:
        return []
    rows = outcome_rows(courses=courses)
    comparison = analysis.Comparison.BEFORE_THREE_MONTHS
    found = []
    for course in courses:
        changes = [
            OutcomeChange(row.outcome, row.measure, row.evaluation.changes[comparison])
            for row in rows[course.pk]
        ]
        found.append(CourseChanges(course, changes))
    return found

"""Reads of the evaluation: a personal link's invitation, the current questionnaire of a stage,
and a course's figures: every rating of its attendees (pseudonymous) and the analysis of them.
A course's figures take a fixed number of queries whatever its number of sessions or answers."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from assurance.core import compiled
from assurance.core.business_year import business_year_bounds
from assurance.core.stats import Proportion
from assurance.frameworks.models import Answer as EngineAnswer
from assurance.frameworks.models import Framework
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
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


def year_period(year: int) -> tuple[datetime, datetime]:
    """The sessions that started in the business year (1 April to 31 March, UK time)."""
    first, last = business_year_bounds(year)
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(last, time.max), zone)
    return start, end


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


def _rating_rows(course_ids: list[int], period: Period) -> QuerySet[Any]:
    """(course, respondent, stage, section code, item code, score) of every rating that counts:
    its respondent attended that course (in ``period``)."""
    attended = _attendees_of(course_ids, period).filter(
        respondent_id=OuterRef("assessment__training_response__respondent_id"),
        session__course_id=OuterRef("assessment__training_response__course_id"),
    )
    return (
        _of_period(
            EngineAnswer.objects.filter(
                assessment__training_response__course__in=course_ids,
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


def _ratings_read(course_ids: list[int], period: Period) -> Iterable[tuple[Any, ...]]:
    """``_rating_rows``; for one course over all its sessions (its evaluation page and API, for
    the first reader after a change: ADR 050) by SQL compiled once per process and prepared
    (ADR 033, ADR 052), where building and planning the query cost a third of reading it."""
    if len(course_ids) != 1 or period is not None:
        return _rating_rows(course_ids, period)
    return _compiled("ratings", course_ids[0])


def ratings_of_courses(
    *, courses: Sequence[Course], period: Period = None
) -> dict[int, list[Rating]]:
    """``course_ratings`` of each course, in one query (a report of many courses): a rating
    counts when its respondent attended that course (in ``period``)."""
    ids = [course.pk for course in courses]
    ratings: dict[int, list[Rating]] = {pk: [] for pk in ids}
    for course_id, respondent, stage, section, item, score in _ratings_read(ids, period):
        outcome = questions.outcome_of(section)
        if outcome is None or item not in questions.MEASURES:
            continue
        ratings[course_id].append(
            Rating(respondent, stage, outcome, questions.MEASURES[item], score)
        )
    return ratings


Scores = dict[str, dict[analysis.Stage, dict[str, float]]]  # outcome key → stage → respondent


def scores_of_courses(*, courses: Sequence[Course], period: Period = None) -> dict[int, Scores]:
    """Each course's ratings grouped as the analysis pairs them (outcome and measure → stage →
    respondent → score), in one query, straight from the rows: no object per rating. A
    respondent who rated an outcome twice at one stage is refused, as the analysis refuses
    it."""
    ids = [course.pk for course in courses]
    found: dict[int, Scores] = {pk: {} for pk in ids}
    stages = {stage.value: stage for stage in analysis.Stage}
    keys: dict[tuple[str, str], str | None] = {}
    for course_id, respondent, stage, section, item, score in _ratings_read(ids, period):
        key = keys.get((section, item), "")
        if key == "":
            outcome = questions.outcome_of(section)
            measure = questions.MEASURES.get(item)
            key = keys[section, item] = (
                None if outcome is None or measure is None else outcome_key(outcome, measure)
            )
        if key is None:
            continue
        by_respondent = found[course_id].setdefault(key, {}).setdefault(stages[stage], {})
        if respondent in by_respondent:
            raise ValueError(
                f"Respondent {respondent} answered {stages[stage].label.lower()} twice for “{key}”."
            )
        by_respondent[respondent] = score
    return found


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
) -> dict[int, tuple[list[StageRate], int, datetime | None]]:
    """Each course's response rates per stage, its attendees (in ``period``), and when its next
    attendee's three-month questionnaires open (None: all have; the rates move then), in two
    queries however many courses."""
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
        unopened = [
            ends + rules.THREE_MONTHS
            for _r, ends in attendees[pk]
            if ends + rules.THREE_MONTHS > now
        ]
        found[pk] = (rates, len(attendees[pk]), min(unopened, default=None))
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


def _practice_changes(course: Course, period: Period) -> list[str]:
    if period is None:  # the evaluation page's: one query compiled once per process (ADR 033)
        return [text for (text,) in _compiled("practice", course.pk)]
    return _practice_changes_of([course], period)[course.pk]


def _practice_texts(course_id: Any, period: Period) -> QuerySet[EngineAnswer]:
    """What practitioners said changed in their practice, three months on, first answered
    first."""
    return _of_period(
        EngineAnswer.objects.filter(
            assessment__training_response__course_id=course_id,
            assessment__training_response__stage=Stage.THREE_MONTHS,
            item__section__code="PRACTICE",
        ).exclude(text=""),
        period,
    ).order_by("assessment__training_response__submitted_at", "pk")


def _outcome_list(course_id: Any) -> QuerySet[LearningOutcome]:
    return LearningOutcome.unscoped.filter(course_id=course_id).order_by("order", "pk")


# The evaluation page's reads of a course, as SQL compiled once per process and database
# (ADR 033): the shape never changes, only the course's id.
_READS: dict[str, Callable[[Mapping[str, Any]], QuerySet[Any]]] = {
    "practice": lambda v: _practice_texts(v["course"], None).values_list("text"),
    "outcomes": lambda v: _outcome_list(v["course"]).values_list("pk", "text"),
    "ratings": lambda v: _rating_rows([v["course"]], None),
}


def _compiled(read: str, course_id: int, using: str = "default") -> list[tuple[Any, ...]]:
    template = compiled.kept(f"{__name__}.{read}", _READS[read], ints=("course",), using=using)
    return template.rows({"course": course_id}, using)


def course_evaluation(*, course: Course, now: datetime, period: Period = None) -> CourseEvaluation:
    """Every figure of a course's evaluation (of its sessions starting in ``period``, or all):
    response rates per stage, and per learning outcome and measure (knowledge, confidence) the
    paired changes and the manager's agreement.

    A course read with its digest (``evaluated_course``) has its figures of all sessions kept
    in the cache under that digest (ADR 050): while no rating, attendance or three-month window
    changes, they are not worked out again, and the ratings, attendees and responses are not
    read. What practitioners said is read every time (their words, not derived figures)."""
    digest = getattr(course, "evaluation_digest", None) if period is None else None
    key = f"training-evaluation:{course.pk}:{digest}"
    kept = cache.get(key) if digest is not None else None
    if kept is not None and kept[3] is not None and kept[3] <= now:
        kept = None  # an attendee's three-month questionnaires have opened since: new rates
    if kept is None:
        scores = scores_of_courses(courses=[course], period=period)[course.pk]
        rates, attendees, next_opening = _rates_of([course], now, period)[course.pk]
        evaluations = {k: _evaluate(k, found) for k, found in scores.items()}
        kept = (evaluations, rates, attendees, next_opening)
        if digest is not None:
            cache.set(key, kept, EVALUATION_KEPT_FOR)
    evaluations, rates, attendees, _next_opening = kept
    rows = _rows(_outcomes_of(course), evaluations)
    return CourseEvaluation(course, rates, rows, _practice_changes(course, period), attendees)


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


# How long a course's figures stay in the cache unread (the digest, not this, keeps them true).
EVALUATION_KEPT_FOR = 24 * 60 * 60


def _evaluate(
    key: str, scores: dict[analysis.Stage, dict[str, float]]
) -> analysis.OutcomeEvaluation:
    return analysis.evaluate_scores(scores, key)


def _rows(
    outcomes: Sequence[LearningOutcome], evaluations: dict[str, analysis.OutcomeEvaluation]
) -> list[OutcomeRow]:
    """A row per learning outcome and measure, in the course's order; an outcome no one has
    rated yet has its empty figures."""
    rows = []
    for outcome in outcomes:
        for measure in questions.MEASURES.values():
            key = outcome_key(outcome.pk, measure)
            evaluation = evaluations.get(key) or _evaluate(key, {})
            rows.append(OutcomeRow(outcome.pk, outcome.text, measure, evaluation))
    return rows


def _outcomes_of(course: Course) -> list[LearningOutcome]:
    """The course's learning outcomes in order (their ids and words)."""
    return [
        LearningOutcome(pk=pk, course_id=course.pk, text=text)
        for pk, text in _compiled("outcomes", course.pk)
    ]


def outcome_rows(
    *, courses: Sequence[Course], period: Period = None
) -> dict[int, list[OutcomeRow]]:
    """Each course's rows of ``course_evaluation`` (per learning outcome and measure, the paired
    changes and the manager's agreement), in two queries however many courses: a report of the
    courses run in a year reads them all at once."""
    scores = scores_of_courses(courses=courses, period=period)
    outcomes: dict[int, list[LearningOutcome]] = {course.pk: [] for course in courses}
    for outcome in LearningOutcome.unscoped.filter(course__in=list(outcomes)).order_by(
        "course_id", "order", "pk"
    ):
        outcomes[outcome.course_id].append(outcome)
    return {
        pk: _rows(found, {k: _evaluate(k, v) for k, v in scores[pk].items()})
        for pk, found in outcomes.items()
    }


# What a course's figures depend on, as two subqueries of the course's own row (names from the
# models; no values: the course is the outer query's row).
_ATTENDED_DIGEST = (
    "SELECT CAST(COUNT(*) AS TEXT) || ',' || CAST(COALESCE(SUM(b.id), 0) AS TEXT) || ',' || "
    "CAST((SELECT COALESCE(MAX(h.history_id), 0) FROM training_historicaltrainingsession h "
    "WHERE h.course_id = training_course.id) AS TEXT) "
    "FROM training_booking b JOIN training_trainingsession s ON s.id = b.session_id "
    "WHERE s.course_id = training_course.id AND b.attended"
)
_RESPONSES_DIGEST = (
    "SELECT CAST(COUNT(*) AS TEXT) || ',' || CAST(COALESCE(MAX(r.id), 0) AS TEXT) || ',' "
    "|| COALESCE(CAST(MAX(a.updated_at) AS TEXT), '') "
    "FROM training_response r JOIN frameworks_assessment a ON a.id = r.assessment_id "
    "WHERE r.course_id = training_course.id"
)


def with_digest(courses: QuerySet[Course]) -> QuerySet[Course]:
    """Courses with the digest of what their evaluation's figures depend on, read in the same
    query (ADR 050): their attendees (how many, and which: the sum of their bookings' ids), the
    latest change to one of their sessions (its dates decide when questionnaires open) and the
    questionnaires answered (how many, the latest, and the latest change to one's answers).
    A change to any of them changes the digest, so figures kept under it are never stale.
    (Written as SQL: the ORM's subqueries cost more to build than the database takes.)"""
    return courses.annotate(
        _attended_digest=RawSQL(_ATTENDED_DIGEST, ()),  # noqa: S611 - fixed SQL, no values
        _responses_digest=RawSQL(_RESPONSES_DIGEST, ()),  # noqa: S611 - fixed SQL, no values
    )


def digest_of(course: Course) -> str:
    """The digest ``with_digest`` read, as one short string (a cache key's part)."""
    text = (
        f"{getattr(course, '_attended_digest', None)}|{getattr(course, '_responses_digest', None)}"
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def evaluated_course(*, actor: Actor, pk: Any) -> Course:
    """A course whose evaluation the actor may see (404 outside their scope), with the digest of
    its figures, in one query."""
    course = get_for_actor(actor, with_digest(Course.unscoped.all()), "evaluation.view", pk)
    course.evaluation_digest = digest_of(course)  # type: ignore[attr-defined]
    return course


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


def _courses_of_priority(values: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        Course.objects_for(Partnership(pk=values["partnership"]))
        .filter(priorities=values["priority"])
        .values_list("pk")[:1]
    )


def _any_course_serves(actor: Actor, priority: Any) -> bool:
    """Whether any course of the partnership is linked to the priority: one query compiled once
    per process, so that a scorecard of a priority no course serves (most) builds no
    permission-scoped query of courses."""
    return bool(
        compiled.read(
            f"{__name__}.courses_of_priority",
            _courses_of_priority,
            Course,
            ints={"partnership": actor.partnership.pk, "priority": priority.pk},
        )
    )


def priority_course_changes(*, actor: Actor, priority: Any) -> list[CourseChanges]:
    """The courses linked to ``priority`` that the actor may see evaluated, each with its
    change before → three months after per learning outcome and measure **in the sessions of
    the priority's business year** (a course serving the neglect priority of 2025/26 and of
    2026/27 shows on each the change in that year's practitioners, as the year's annual
    training evaluation report does), in three queries whatever the number of courses
    (courses, outcomes, ratings)."""
    if not actor.can("evaluation.view") or not _any_course_serves(actor, priority):
        return []
    courses = list(
        scoped(actor, Course.unscoped.filter(priorities=priority), "evaluation.view")
        .select_related("partnership")
        .order_by("title", "pk")
    )
    if not courses:
        return []
    rows = outcome_rows(courses=courses, period=year_period(priority.business_year))
    comparison = analysis.Comparison.BEFORE_THREE_MONTHS
    found = []
    for course in courses:
        changes = [
            OutcomeChange(row.outcome, row.measure, row.evaluation.changes[comparison])
            for row in rows[course.pk]
        ]
        found.append(CourseChanges(course, changes))
    return found

"""Training and its evaluation (issue 12) at national scale: every partnership runs
``BENCH_TRAINING_COURSES`` (40) courses of three learning outcomes for ``BENCH_TRAINING_YEARS``
(5) years, two sessions of 12 places a course a year; about seven in eight attend; attendees
answer before (85%), at the end (90%) and three months on (45%), and some managers (a third).
Questionnaires are the service's own (four per course, from its outcomes); sessions, bookings
and answers are bulk-inserted. The business unit of one partnership times a course's evaluation
page and ``GET /api/v1/training/courses/{id}/evaluation`` beside the raw SQL reading the same
rows, and the selector alone; each page's queries are compared with a small partnership of one
year. ``BENCH_TRAINING_YEARS=0`` skips it."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from functools import partial

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from assurance.bench import data
from assurance.bench.harness import Bench, Page, env_int, scenario, time_page
from assurance.frameworks.assessments import framework_freeze
from assurance.frameworks.models import Answer, Assessment, Item
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course, CourseLevel, LearningOutcome
from assurance.training.evaluation import questions, rules, selectors
from assurance.training.evaluation.models import Response, Stage
from assurance.training.evaluation.services import questionnaire_for
from assurance.training.sessions.models import Mode, TrainingSession

END = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PLACES = 12
SESSIONS_A_YEAR = 2
OUTCOMES = ("Recognise the signs", "Act on them with other agencies", "Record and review")
ANSWER_RATE = {Stage.BEFORE: 0.85, Stage.END: 0.9, Stage.THREE_MONTHS: 0.45, Stage.MANAGER: 0.33}
GAIN = {Stage.BEFORE: 0.0, Stage.END: 2.0, Stage.THREE_MONTHS: 1.2, Stage.MANAGER: 0.9}


# What the evaluation reads, written by hand: the ratings of the course's attendees, the
# attendees (for the response rates), who answered each stage, what they said changed, and the
# outcomes.
RAW_SQL = [
    """
SELECT r.respondent_id, r.stage, s.code, i.code, o."order"
FROM frameworks_answer a
JOIN training_response r ON r.assessment_id = a.assessment_id
JOIN frameworks_item i ON i.id = a.item_id
JOIN frameworks_section s ON s.id = i.section_id
JOIN frameworks_scaleoption o ON o.id = a.option_id
WHERE r.course_id = %(course)s AND s.code LIKE 'O%%'
AND r.respondent_id IN (
  SELECT b.respondent_id FROM training_booking b
  JOIN training_trainingsession t ON t.id = b.session_id
  WHERE t.course_id = %(course)s AND b.attended
)
""",
    """
SELECT b.respondent_id, t.ends_at FROM training_booking b
JOIN training_trainingsession t ON t.id = b.session_id
WHERE t.course_id = %(course)s AND b.attended
""",
    "SELECT stage, respondent_id FROM training_response WHERE course_id = %(course)s",
    """
SELECT a.text FROM frameworks_answer a
JOIN training_response r ON r.assessment_id = a.assessment_id
JOIN frameworks_item i ON i.id = a.item_id
JOIN frameworks_section s ON s.id = i.section_id
WHERE r.course_id = %(course)s AND r.stage = 'three_months' AND s.code = 'PRACTICE'
AND a.text <> ''
""",
    "SELECT id, text FROM training_learningoutcome WHERE course_id = %(course)s",
]


def raw_evaluation(course_id: int) -> int:
    """The evaluation's reads as raw SQL, every row fetched; returns how many rows."""
    rows = 0
    with connection.cursor() as cursor:
        for sql in RAW_SQL:
            cursor.execute(sql, {"course": course_id})
            rows += len(cursor.fetchall())
    return rows


def _clip(value: float) -> int:
    return max(1, min(10, round(value)))


def build_training(
    partnerships: list[Partnership], *, years: int, courses: int, end: datetime = END
) -> dict[str, int]:
    """Bulk-insert ``years`` years of ``courses`` courses per partnership, with their sessions,
    bookings and evaluation answers; return how many of each were made."""
    made = {"courses": 0, "sessions": 0, "bookings": 0, "answers": 0}
    for p in partnerships:
        rng = random.Random(p.pk)
        agencies = list(Agency.objects_for(p).order_by("pk")[:6])
        with transaction.atomic():
            made_courses = Course.unscoped.bulk_create(
                Course(
                    partnership=p,
                    title=f"Course {n + 1:02d}",
                    summary="A synthetic course.",
                    audience="Practitioners in every agency",
                    level=CourseLevel.CORE,
                )
                for n in range(courses)
            )
            LearningOutcome.unscoped.bulk_create(
                LearningOutcome(partnership=p, course=c, text=text, order=order)
                for c in made_courses
                for order, text in enumerate(OUTCOMES, start=1)
            )
            ratings: dict[tuple[int, str], tuple[int, list[tuple[int, int, dict[int, int]]]]] = {}
            for c in made_courses:
                for stage in Stage.values:
                    framework = framework_freeze(framework=questionnaire_for(course=c, stage=stage))
                    items = []
                    for item in (
                        Item.objects.filter(section__framework=framework, scale__isnull=False)
                        .select_related("section")
                        .prefetch_related("scale__options")
                    ):
                        assert item.scale is not None  # filtered: every item here is rated
                        options = {o.order: o.pk for o in item.scale.options.all()}
                        outcome = questions.outcome_of(item.section.code) or 0
                        items.append((item.pk, outcome, options))
                    ratings[c.pk, stage] = (framework.pk, items)
            sessions = TrainingSession.unscoped.bulk_create(
                TrainingSession(
                    partnership=p,
                    course=c,
                    starts_at=(start := end - timedelta(days=182 * k + 7 * (index % 20))),
                    ends_at=start + timedelta(hours=3, minutes=30),
                    mode=Mode.ONLINE,
                    venue="Online",
                    capacity=PLACES,
                )
                for index, c in enumerate(made_courses)
                for k in range(years * SESSIONS_A_YEAR)
            )
            bookings = Booking.unscoped.bulk_create(
                Booking(
                    partnership=p,
                    session=s,
                    agency=rng.choice(agencies),
                    status=BookingStatus.CONFIRMED,
                    requested_at=s.starts_at - timedelta(days=20),
                    confirmed_at=s.starts_at - timedelta(days=20),
                    attended=rng.random() < 0.88,
                    respondent_id=f"R{p.pk:04d}{s.pk:07d}{n:02d}",
                )
                for s in sessions
                for n in range(PLACES)
            )
            planned: list[tuple[Booking, str, datetime, int, list[tuple[int, int]]]] = []
            by_session = {s.pk: s for s in sessions}
            for booking in bookings:
                if not booking.attended:
                    continue
                session = by_session[booking.session_id]
                base = rng.gauss(4.6, 1.4)
                for stage in Stage.values:
                    opens, _closes = rules.window(
                        stage=stage,
                        starts_at=session.starts_at,
                        ends_at=session.ends_at,
                        confirmed_at=booking.confirmed_at,
                    )
                    if opens > end or rng.random() >= ANSWER_RATE[Stage(stage)]:
                        continue
                    framework_id, items = ratings[session.course_id, stage]
                    gain = GAIN[Stage(stage)]
                    chosen = [
                        (item_pk, options[_clip(base + gain + rng.gauss(0, 1.1))])
                        for item_pk, _outcome, options in items
                    ]
                    planned.append((booking, stage, opens, framework_id, chosen))
            assessments = Assessment.unscoped.bulk_create(
                Assessment(partnership=p, framework_id=framework_id)
                for _b, _s, _at, framework_id, _chosen in planned
            )
            answers: list[Answer] = []
            responses: list[Response] = []
            for assessment, (booking, stage, at, _f, chosen) in zip(
                assessments, planned, strict=True
            ):
                answers.extend(
                    Answer(assessment=assessment, item_id=item_pk, option_id=option_pk)
                    for item_pk, option_pk in chosen
                )
                responses.append(
                    Response(
                        partnership=p,
                        course_id=by_session[booking.session_id].course_id,
                        session_id=booking.session_id,
                        stage=stage,
                        respondent_id=booking.respondent_id,
                        assessment=assessment,
                        submitted_at=at + timedelta(days=2),
                    )
                )
            Answer.objects.bulk_create(answers, batch_size=2000)
            Response.unscoped.bulk_create(responses, batch_size=2000)
        made["courses"] += len(made_courses)
        made["sessions"] += len(sessions)
        made["bookings"] += len(bookings)
        made["answers"] += len(answers)
    return made


def _pages(p: Partnership, course: Course) -> list[Page]:
    return [
        Page("signed-in shell (the empty search page)", f"/p/{p.slug}/search/"),
        Page("evaluation page", f"/p/{p.slug}/training/courses/{course.pk}/evaluation/"),
        Page("evaluation API", f"/api/v1/training/courses/{course.pk}/evaluation"),
    ]


def _first_course(p: Partnership) -> Course:
    found = Course.objects_for(p).order_by("title").first()
    assert found is not None, f"{p.slug} has no course"
    return found


@scenario("training", order=85)
def training(bench: Bench) -> None:
    years = env_int("BENCH_TRAINING_YEARS", 5)
    courses = env_int("BENCH_TRAINING_COURSES", 40)
    if years <= 0:
        bench.write("\nTraining: skipped (BENCH_TRAINING_YEARS=0)")
        return
    big = bench.partnerships
    made = build_training(big, years=years, courses=courses)
    build_training([bench.small], years=1, courses=2)
    bench.write(
        f"\nTraining: {made['courses']:,} courses ({len(big)} partnerships × {courses}), "
        f"{made['sessions']:,} sessions over {years} years, {made['bookings']:,} bookings, "
        f"{made['answers']:,} ratings"
    )
    bench.measure_floor()
    course = _first_course(big[0])
    bench.write(f"  the timed course: {raw_evaluation(course.pk):,} rows read by the raw SQL")
    raw = bench.time("raw SQL: the same reads, fetched", lambda: raw_evaluation(course.pk))
    afresh = bench.time(
        "selector, worked out afresh (no digest)",
        lambda: selectors.course_evaluation(course=course, now=timezone.now()),
    )
    email = data.business_unit_email(int(big[0].slug.rsplit("-", 1)[1]))
    actor = actor_for_person(Person.unscoped.get(user__email=email, partnership=big[0]))

    def kept() -> None:
        found = selectors.evaluated_course(actor=actor, pk=course.pk)
        selectors.course_evaluation(course=found, now=timezone.now())

    kept_row = bench.time("selector with its digest (figures kept, ADR 050)", kept)
    rows = bench.time_pages(_pages(big[0], course))

    def first_reader(page: Page) -> None:
        cache.clear()
        client.get(page.url)

    client = bench.client(big[0])
    cold = [
        bench.time(f"{page.label}, first reader after a change", partial(first_reader, page))
        for page in _pages(big[0], course)[1:]
    ]
    bench.report(
        f"Training evaluation ({len(big)} partnerships × {courses} courses × {years} years; "
        "ratio to the floor and to the raw SQL)",
        [raw, afresh, kept_row, *rows, *cold],
        baseline=raw,
    )
    small = bench.client(bench.small)
    small_course = _first_course(bench.small)
    for page, row in zip(_pages(bench.small, small_course), rows, strict=True):
        few = time_page(page.label, small, page.url, 1).queries
        bench.compare_queries(page.label, "1 year", f"{years} years", few, row.queries)

"""The annual report (issue 13): a business year of records in every partnership, then, as the
business unit of ``bench-000``, building that year's report from the records and reading it.

Per partnership, beside the learning cycle's year (``build_learning``: themes, recommendations,
actions, meetings; built here unless the learning scenario ran) and two years of serious
incidents (``build_reviews``, the same): ``BENCH_AR_AUDITS`` (8) closed audits in the year's
programme, each a re-audit of one the year before on the same tool, with six key messages; 400
pieces of feedback a year, each tagged with a theme, and 10 "you said, we did" answers linked
to actions; 8 courses with three learning outcomes, five sessions each in the year and 15
practitioners at each (attended); a self-assessment round of 30 schools. The small partnership
gets a year of one record of each kind, for the query-growth comparison.

What is timed, beside the floor (a bare Django view):

* **building the year's report**: every section read from the records
  (``annualreport.sections.selectors.record_sections``, what the draft page and approval do);
* **the sections' own raw SQL**: the very statements the build sends, captured once and run again
  on a plain database cursor, with nothing of Django around them (no query building, no model
  instances, no Python over the rows): the issue asks for the build within 3× their sum;
* the draft page (the build, each section's words and readability, drawn);
* the public page of the published report (the frozen snapshot, drawn; the issue asks for it
  within 10× the floor) and its young people's version.

Query counts of the draft and public pages are compared with the small partnership's.

The training evaluation's questionnaire answers are not synthesised (each is a framework
assessment of its own): the measured change reads every course of the year but finds no pairs,
so its statements run on empty answer tables. The data set's priorities and summary rows are
timed by the dataset scenario, not here (the section reads the same rows as the scorecard)."""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from assurance.annualreport.reports.models import AnnualReport, ReportStatus
from assurance.annualreport.reports.selectors import snapshot_of
from assurance.annualreport.sections.selectors import record_sections
from assurance.audits.models import Audit, AuditProgramme, AuditStatus, KeyMessage, Theme
from assurance.bench import data
from assurance.bench.harness import Bench, env_int, scenario, time_page
from assurance.bench.scenarios.learning import build_learning
from assurance.bench.scenarios.reviews import build_reviews
from assurance.bench.scenarios.selfassessment import build_round
from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.reviews.notifications.models import SeriousIncident
from assurance.selfassessment.rounds.models import Round
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course, LearningOutcome
from assurance.training.sessions.models import TrainingSession
from assurance.voice.feedback.models import AgeBand, Feedback, FeedbackSource, ServiceUsed
from assurance.voice.themes.models import FeedbackTheme
from assurance.voice.you_said_we_did.models import YouSaidWeDid

YEAR = 2026  # the business year of the learning cycle's synthetic records (to November 2026)
END = date(2026, 11, 1)
THEMES = [t.value for t in Theme]
AGES = [a.value for a in AgeBand]
SERVICES = [s.value for s in ServiceUsed]
SOURCES = [FeedbackSource.FORM, FeedbackSource.EVENT, FeedbackSource.AGENCY]


def _day(rng: random.Random, start: date = date(YEAR, 4, 1), end: date = END) -> date:
    return start + timedelta(days=rng.randrange((end - start).days))


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone())


def build_year(
    partnerships: list[Partnership],
    *,
    audits: int,
    feedback: int,
    answers: int,
    courses: int,
    sessions: int,
    places: int,
    schools: int,
) -> dict[str, int]:
    """A business year of the records the report reads (beyond the learning cycle and the
    reviews), bulk-inserted per partnership."""
    made = dict.fromkeys(["audits", "feedback", "courses", "bookings", "rounds"], 0)
    for p in partnerships:
        rng = random.Random(p.pk)
        agencies = list(Agency.objects_for(p).order_by("pk").values_list("pk", flat=True))
        bu = Person.objects_for(p).filter(is_business_unit=True).order_by("pk").first()
        assert bu is not None, f"{p.slug} has no business unit"
        themes = list(LearningTheme.objects_for(p).order_by("pk").values_list("pk", flat=True))
        actions = list(Action.objects_for(p).order_by("pk").values_list("pk", flat=True))
        tool = data._framework(p)
        with transaction.atomic():
            programmes = {
                year: AuditProgramme.unscoped.get_or_create(
                    partnership=p, business_year=year, defaults={"title": f"Programme {year}"}
                )[0]
                for year in (YEAR - 1, YEAR)
            }
            made_audits = Audit.unscoped.bulk_create(
                [
                    Audit(
                        partnership=p,
                        programme=programmes[year],
                        title=f"{THEMES[i % len(THEMES)].title()} audit {year} {i + 1}",
                        theme=THEMES[i % len(THEMES)],
                        kind="deep_dive",
                        planned_month=date(year, 4 + i % 9, 1),
                        scope="Synthetic cases",
                        sample_criteria="Synthetic",
                        framework=tool,
                        lead=bu,
                        status=AuditStatus.CLOSED,
                    )
                    for year in (YEAR - 1, YEAR)
                    for i in range(audits)
                ]
            )
            KeyMessage.unscoped.bulk_create(
                [
                    KeyMessage(
                        partnership=p,
                        audit=audit,
                        kind=kind,
                        aspect=f"Aspect {n}",
                        text=f"What the auditors found about aspect {n}, in a sentence or two.",
                        order=n,
                    )
                    for audit in made_audits
                    if audit.programme_id == programmes[YEAR].pk
                    for n, kind in enumerate(["strength", "improve", "more_of"] * 2, start=1)
                ]
            )
            pieces = Feedback.unscoped.bulk_create(
                [
                    Feedback(
                        partnership=p,
                        source=SOURCES[i % len(SOURCES)],
                        agency_id=agencies[i % len(agencies)]
                        if SOURCES[i % len(SOURCES)] == FeedbackSource.AGENCY
                        else None,
                        received_on=_day(rng),
                        age_band=AGES[i % len(AGES)],
                        service=SERVICES[i % len(SERVICES)],
                        feeling=1 + i % 5,
                        good="The worker listened to me.",
                        better="Tell me what happens next.",
                    )
                    for i in range(feedback)
                ]
            )
            FeedbackTheme.unscoped.bulk_create(
                [
                    FeedbackTheme(partnership=p, feedback=f, theme_id=themes[i % len(themes)])
                    for i, f in enumerate(pieces)
                ]
            )
            YouSaidWeDid.unscoped.bulk_create(
                [
                    YouSaidWeDid(
                        partnership=p,
                        theme_id=themes[i % len(themes)],
                        you_said="You said nobody told you what happens next.",
                        we_did="Every plan now ends with what happens next, in plain words.",
                        action_id=actions[i % len(actions)],
                        answered_on=_day(rng),
                        recorded_by=bu,
                    )
                    for i in range(answers)
                ]
            )
            made_courses = Course.unscoped.bulk_create(
                [
                    Course(
                        partnership=p,
                        title=f"Course {c + 1}",
                        summary="A synthetic course.",
                        audience="Practitioners",
                        level="core",
                    )
                    for c in range(courses)
                ]
            )
            LearningOutcome.unscoped.bulk_create(
                [
                    LearningOutcome(partnership=p, course=course, text=f"Outcome {o + 1}", order=o)
                    for course in made_courses
                    for o in range(3)
                ]
            )
            held = TrainingSession.unscoped.bulk_create(
                [
                    TrainingSession(
                        partnership=p,
                        course=course,
                        starts_at=_moment(day := _day(rng)),
                        ends_at=_moment(day, 16),
                        mode="online",
                        capacity=places + 5,
                    )
                    for course in made_courses
                    for _ in range(sessions)
                ]
            )
            bookings = Booking.unscoped.bulk_create(
                [
                    Booking(
                        partnership=p,
                        session=session,
                        agency_id=agencies[(s + b) % len(agencies)],
                        status=BookingStatus.CONFIRMED,
                        requested_at=session.starts_at - timedelta(days=20),
                        confirmed_at=session.starts_at - timedelta(days=19),
                        attended=b % 10 != 0,
                    )
                    for s, session in enumerate(held)
                    for b in range(places)
                ]
            )
        round = build_round(p, settings=schools, standards=8)
        Round.unscoped.filter(pk=round.pk).update(year=YEAR)
        made["audits"] += len(made_audits)
        made["feedback"] += len(pieces)
        made["courses"] += len(made_courses)
        made["bookings"] += len(bookings)
        made["rounds"] += 1
    return made


def _ensure_cycle(bench: Bench) -> None:
    """The learning cycle's and the reviews' records, unless their scenarios built them."""
    big = bench.partnerships
    if not LearningTheme.objects_for(big[0]).exists():
        build_learning(big, years=1, actions=200, meetings=12, end=END)
    if not LearningTheme.objects_for(bench.small).exists():
        build_learning([bench.small], years=1, actions=20, meetings=6, end=END)
    if not SeriousIncident.objects_for(big[0]).exists():
        build_reviews(big, years=2, per_year=8)
        build_reviews([bench.small], years=1, per_year=2)


class RawStatements:
    """The statements a piece of work sends (with their parameters), to run again raw."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.statements.append((sql, params))
        return execute(sql, params, many, context)

    def replay(self) -> None:
        with connection.cursor() as cursor:
            for sql, params in self.statements:
                cursor.execute(sql, params)
                cursor.fetchall()


def _report(p: Partnership) -> AnnualReport:
    report, _ = AnnualReport.unscoped.get_or_create(
        partnership=p, business_year=YEAR, defaults={"status": ReportStatus.DRAFT}
    )
    return report


def _business_unit(p: Partnership) -> Person:
    bu = Person.objects_for(p).filter(is_business_unit=True).order_by("pk").first()
    assert bu is not None, f"{p.slug} has no business unit"
    return bu


def _publish(p: Partnership, report: AnnualReport) -> None:
    """Freeze and publish the report as approval and publishing do (the snapshot is the
    service's own; the approval's meeting is not needed to time the public page)."""
    snapshot = snapshot_of(actor=actor_for_person(_business_unit(p)), report=report)
    AnnualReport.unscoped.filter(pk=report.pk).update(
        snapshot=snapshot, status=ReportStatus.PUBLISHED, published_at=timezone.now()
    )


@scenario("annualreport", order=90)
def annual_report(bench: Bench) -> None:
    big = bench.partnerships
    started = time.perf_counter()
    _ensure_cycle(bench)
    sizes = {
        "audits": env_int("BENCH_AR_AUDITS", 8),
        "feedback": 400,
        "answers": 10,
        "courses": 8,
        "sessions": 5,
        "places": 15,
        "schools": 30,
    }
    if not Course.objects_for(big[0]).exists():
        made = build_year(big, **sizes)
        build_year(
            [bench.small],
            audits=1,
            feedback=1,
            answers=1,
            courses=1,
            sessions=1,
            places=1,
            schools=1,
        )
        bench.write(
            f"\nAnnual report: a year of records in {len(big)} partnerships ({made}) built in "
            f"{time.perf_counter() - started:.1f} s"
        )
    p = big[0]
    actor = actor_for_person(_business_unit(p))
    report = _report(p)
    small_report = _report(bench.small)

    bench.measure_floor()
    record_sections(actor=actor, year=YEAR)  # warm
    statements = RawStatements()
    with connection.execute_wrapper(statements):
        record_sections(actor=actor, year=YEAR)
    raw = bench.time(
        f"raw SQL: the build's {len(statements.statements)} statements", statements.replay
    )
    build = bench.time(
        "building the year's report (every section)",
        lambda: record_sections(actor=actor, year=YEAR),
    )
    build.queries = len(statements.statements)
    client = bench.client(p)
    draft = time_page(
        "draft page (built and drawn)",
        client,
        f"/p/{p.slug}/annual-reports/{report.pk}/",
        bench.repeat,
    )
    bench.report(
        f"Annual report {YEAR}/{(YEAR + 1) % 100:02d}: building it from the records "
        f"({len(big)} partnerships)",
        [raw, build, draft],
        baseline=raw,
    )

    small_client = bench.client(bench.small)
    small_draft = f"/p/{bench.small.slug}/annual-reports/{small_report.pk}/"
    few = time_page("draft", small_client, small_draft, 1)
    bench.compare_queries(
        "annual report: draft page", "a record of each kind", "a year", few.queries, draft.queries
    )

    _publish(p, report)
    _publish(bench.small, small_report)
    public = f"/annual-reports/{p.slug}/{YEAR}/"
    anonymous = Client()  # no one signed in, as the public reads it
    pages = [
        time_page("public page of the published report", anonymous, public, bench.repeat),
        time_page("its young people's version", anonymous, public + "young-people/", bench.repeat),
        time_page(
            "the partnership's public home", anonymous, f"/annual-reports/{p.slug}/", bench.repeat
        ),
    ]
    bench.report("Annual report: the public pages (the frozen snapshot)", pages)

    small_public = f"/annual-reports/{bench.small.slug}/{YEAR}/"
    for label, suffix, row in (
        ("public report", "", pages[0]),
        ("young people's", "young-people/", pages[1]),
    ):
        few_public = time_page(label, anonymous, small_public + suffix, 1)
        bench.compare_queries(
            f"annual report: {label}",
            "a record of each kind",
            "a year",
            few_public.queries,
            row.queries,
        )

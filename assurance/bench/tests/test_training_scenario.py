"""The training scenario of `make bench` runs end to end on a tiny deployment; the evaluation
page's and API's queries do not grow with the years of sessions and answers (a small partnership
of one year beside ones of three); the raw SQL reads the rows the selector analyses."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench
from assurance.bench.scenarios.training import RAW_SQL, build_training
from assurance.training.courses.models import Course
from assurance.training.evaluation import selectors

pytestmark = pytest.mark.django_db


def test_training_scenario_runs(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_TRAINING_YEARS", "3")
    monkeypatch.setenv("BENCH_TRAINING_COURSES", "3")
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=3, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["training"].run(bench)
    output = "\n".join(lines)
    assert "evaluation page" in output and "evaluation API" in output
    assert "raw SQL: the same reads" in output
    assert len(bench.constancy) == 3
    assert bench.constancy_table(), output


def test_the_raw_sql_reads_every_rating_the_selector_analyses(bench_urls):
    [p] = data.build_platform(partnerships=1, agencies=4, people=12, groups=1, start=5)
    made = build_training([p], years=2, courses=2)
    assert made["sessions"] == 2 * 2 * 2 and made["bookings"] == 8 * 12
    course = Course.objects_for(p).order_by("title").first()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL[0], {"course": course.pk})
        raw = sorted(cursor.fetchall())
    ratings = selectors.course_ratings(course=course)
    assert len(raw) == len(ratings) > 0
    assert sorted(r[4] for r in raw) == sorted(r.score for r in ratings)

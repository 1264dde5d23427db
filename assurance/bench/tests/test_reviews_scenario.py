"""The reviews scenario of `make bench` runs end to end on a tiny deployment, and the deadline
board's, a review's and the API's queries do not grow with the number of reviews (a small
partnership of one year beside ones of three)."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench

pytestmark = pytest.mark.django_db


def test_reviews_scenario_runs(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_REVIEW_YEARS", "3")
    monkeypatch.setenv("BENCH_REVIEWS_PER_YEAR", "4")
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=3, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["reviews"].run(bench)
    output = "\n".join(lines)
    assert "deadline board (every review)" in output
    assert "reviews API: list" in output
    assert len(bench.constancy) == 6
    assert bench.constancy_table(), "\n".join(lines)

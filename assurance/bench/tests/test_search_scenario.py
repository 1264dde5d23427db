"""The search scenario of `make bench` runs end to end on a tiny deployment, and the search
page's queries do not grow with the data (a small partnership beside larger ones)."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench

pytestmark = pytest.mark.django_db


def test_search_scenario_runs(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_LEARNING_YEARS", "2")
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=3, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["search"].run(bench)
    output = "\n".join(lines)
    assert "search: a common word, every kind" in output
    assert "search: a case reference's start" in output
    assert len(bench.constancy) == 4
    assert bench.constancy_table(), "\n".join(lines)

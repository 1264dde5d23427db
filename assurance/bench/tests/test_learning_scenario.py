"""The learning cycle's `make bench` scenario runs end to end on a tiny deployment, and the
queries of its pages do not grow with the data (one year and 6 meetings beside several)."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench

pytestmark = pytest.mark.django_db


def test_learning_scenario_runs(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_LEARNING_YEARS", "2")
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=3, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["learning"].run(bench)
    output = "\n".join(lines)
    assert "highlight report page" in output and "highlight report PDF" in output
    assert len(bench.constancy) == 6
    assert bench.constancy_table(), "\n".join(lines)

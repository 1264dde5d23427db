"""The data set scenario runs on a tiny deployment: scorecard, indicator pages, exception report
and benchmarks API answer, and the scorecard's and exception report's queries are the same for
2 indicators as for 6 (the same check `make bench` makes at 150)."""

from __future__ import annotations

from typing import Any

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench

pytestmark = pytest.mark.django_db


def test_dataset_scenario_runs(bench_urls: None, monkeypatch: Any) -> None:
    monkeypatch.setenv("BENCH_INDICATORS", "6")
    monkeypatch.setenv("BENCH_QUARTERS", "6")
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=2, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["dataset"].run(bench)
    output = "\n".join(lines)
    assert "scorecard (6 indicators)" in output and "benchmarks API" in output
    assert [c[0] for c in bench.constancy] == ["scorecard", "exception report"]
    assert bench.constancy_table(), "\n".join(lines)

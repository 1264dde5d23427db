"""The annual report scenario of `make bench` runs end to end on a tiny deployment: the build is
timed beside the SQL it sends, run raw; the draft and public pages are timed, and their queries
do not grow from one record of each kind to a year of them."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench

pytestmark = pytest.mark.django_db


def test_annual_report_scenario_runs(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_AR_AUDITS", "2")
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=3, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["annualreport"].run(bench)
    output = "\n".join(lines)
    assert "raw SQL: the build's" in output
    assert "building the year's report (every section)" in output
    assert "public page of the published report" in output
    assert len(bench.constancy) == 3
    assert bench.constancy_table(), "\n".join(lines)

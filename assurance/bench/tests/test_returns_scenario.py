"""The returns scenario of `make bench` runs end to end on a tiny deployment: an auditor's
return pages answer, and their queries do not grow with the size of the audit."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench

pytestmark = pytest.mark.django_db


def test_returns_scenario_runs(bench_urls):
    big = data.build_platform(partnerships=1, agencies=4, people=12, groups=3, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small, repeat=1, write=lines.append)
    SCENARIOS["returns"].run(bench)
    output = "\n".join(lines)
    for page in ("return task list", "return check answers", "auditor's returns list"):
        assert page in output
    assert len(bench.constancy) == 5
    assert bench.constancy_table(), "\n".join(lines)

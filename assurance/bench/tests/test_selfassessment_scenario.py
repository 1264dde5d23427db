"""The self-assessment scenario of `make bench` runs end to end on a small round: it times the
dashboard, its export and the completion API beside their raw SQL, the floor and the signed-in
shell, and finds each page's queries constant between the small partnership's round and the
large one's."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench
from assurance.bench.scenarios.selfassessment import tool_yaml

pytestmark = pytest.mark.django_db


def test_the_tool_has_the_standards_asked_for() -> None:
    text = tool_yaml(40)
    assert text.count("    response: scale") == 40
    assert '- code: "5"' in text and '- code: "6"' not in text


def test_selfassessment_scenario_runs(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_SA_SETTINGS", "60")
    big = data.build_platform(partnerships=1, agencies=3, people=5, groups=1, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=5, groups=1, start=1)
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=small[0], repeat=1, write=lines.append)
    SCENARIOS["selfassessment"].run(bench)
    output = "\n".join(lines)
    assert "a round of 60 settings on a tool of 40 standards" in output
    for label in (
        "dashboard: first page",
        "dashboard: filtered, by last activity",
        "dashboard: first page, after a change",
        "dashboard: filtered, after a change",
        "completion API",
        "raw SQL: counts + first 50 rows",
        "signed-in shell",
    ):
        assert label in output, label
    assert all(few == many for _, _, few, many in bench.constancy), bench.constancy

"""The settings import scenario of `make bench` runs end to end on a small extract and leaves no
setting behind (each run is rolled back)."""

import pytest

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench, Timing
from assurance.bench.scenarios.settings_import import speed_line
from assurance.selfassessment.settings.models import Setting

pytestmark = pytest.mark.django_db


def test_settings_import_scenario_runs_and_rolls_back(bench_urls, monkeypatch):
    monkeypatch.setenv("BENCH_SETTINGS_ROWS", "300")
    big = data.build_platform(partnerships=1, agencies=3, people=5, groups=1, start=0)
    lines: list[str] = []
    scenarios.load()
    bench = Bench(partnerships=big, small=big[0], repeat=1, write=lines.append)
    SCENARIOS["settings_import"].run(bench)
    output = "\n".join(lines)
    assert "import_settings: read, check, insert" in output
    assert "300 rows: import" in output and "% of the plain insert's speed" in output
    assert not Setting.unscoped.exists()


@pytest.mark.parametrize(
    ("import_ms", "verdict"), [(100.0, "100% of the plain insert's speed (meets"),
                               (250.0, "40% of the plain insert's speed (BELOW")],
)  # fmt: skip
def test_the_speed_line_says_whether_the_import_meets_half_the_plain_speed(import_ms, verdict):
    line = speed_line(Timing("i", import_ms, import_ms), Timing("p", 100.0, 100.0), 1000)
    assert verdict in line

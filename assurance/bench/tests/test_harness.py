"""The harness runs a registered scenario end to end on a tiny deployment (so `make bench` does
not rot between runs): the floor first, ratios, and the query-growth table."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from assurance.bench import data, harness, scenarios
from assurance.bench.harness import SCENARIOS, Bench, table, time_callable, time_interleaved

pytestmark = pytest.mark.django_db


def test_platform_scenario_runs(bench_urls: None) -> None:
    big = data.build_platform(partnerships=2, agencies=4, people=12, groups=2, start=0)
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=2)[0]
    lines: list[str] = []
    scenarios.load()
    assert {"platform", "audits"} <= set(SCENARIOS)
    bench = Bench(partnerships=big, small=small, repeat=2, write=lines.append)
    assert bench.floor.queries == 0
    SCENARIOS["platform"].run(bench)
    assert bench.constancy_table()
    output = "\n".join(lines)
    assert "floor: bare Django view" in output
    assert "agency list" in output
    assert "a user of 2 partnerships" in output
    assert "× floor" in output
    assert len(bench.constancy) == 5


def test_table_ratios() -> None:
    floor = time_callable("floor", lambda: None, repeat=3)
    floor.median_ms = 2.0
    slow = time_callable("page", lambda: None, repeat=3)
    slow.median_ms = 10.0
    text = table([floor, slow], floor, "Title", baseline=slow)
    assert text.splitlines()[-1].split()[-2:] == ["5.0", "1.0"]


class _Client:
    """Answers every request at once, noting which URL was asked for."""

    def __init__(self, log: list[str], status: int = 200) -> None:
        self.log, self.status = log, status

    def get(self, url: str) -> Any:
        self.log.append(url)
        return SimpleNamespace(status_code=self.status)


def test_pages_are_timed_in_rounds_with_the_floor() -> None:
    """``time_interleaved``: every entry timed ``repeat`` times, in blocks taken in turn round
    after round (a spell of the host's noise falls on the floor and the pages alike), each block
    after a few untimed requests of its page, after counting each one's queries; a page that
    does not answer its status stops the run."""
    log: list[str] = []
    timings = time_interleaved(
        [("floor", _Client(log), "/f/", 200), ("page", _Client(log), "/p/", 200)], 7, block=3
    )
    warm = harness.WARM  # untimed requests before each block
    rounds = log[8:]  # after counting queries (2 requests each) and warming up (2 each)
    assert rounds == (
        ["/f/"] * (warm + 3)
        + ["/p/"] * (warm + 3)
        + ["/f/"] * (warm + 3)
        + ["/p/"] * (warm + 3)
        + ["/f/"] * (warm + 1)
        + ["/p/"] * (warm + 1)
    )
    assert [t.label for t in timings] == ["floor", "page"]
    assert [t.queries for t in timings] == [0, 0]
    with pytest.raises(RuntimeError, match="answered 404"):
        time_interleaved([("page", _Client([], status=404), "/p/", 200)], 3)


def test_a_row_timed_with_its_floor_keeps_its_ratio_to_it() -> None:
    """A page timed in rounds with the floor is compared with that floor in every table of the
    scenario, also one printed after another round of timing with another floor."""
    later_floor = time_callable("floor", lambda: None, repeat=3)
    later_floor.median_ms = 2.5
    page = time_callable("page", lambda: None, repeat=3)
    page.median_ms, page.floor_ms = 10.0, 2.0
    assert table([later_floor, page], later_floor, "T").splitlines()[-1].split()[-1] == "5.0"


def test_a_baseline_is_timed_in_the_same_rounds_as_the_pages() -> None:
    """An operation (the raw SQL a page reads) takes its block in each round after the pages,
    so that the page and its baseline are timed in the same seconds; it has no query count."""
    log: list[str] = []
    timings = time_interleaved(
        [("page", _Client(log), "/p/", 200)],
        4,
        block=2,
        operations=[("raw SQL", lambda: log.append("sql"))],
    )
    warm = harness.WARM
    rounds = log[2 + 2 + 2 :]  # after counting (2), and warming the page (2) and the SQL (2)
    assert rounds == (["/p/"] * (warm + 2) + ["sql"] * (warm + 2)) * 2
    assert [(t.label, t.queries) for t in timings] == [("page", 0), ("raw SQL", None)]


def test_what_comes_before_a_run_is_done_before_each_of_its_requests() -> None:
    """``before``: done before every request of its entry (warming up and timed alike), never
    before another's, so that each request of it sees a change made just before."""
    log: list[str] = []
    time_interleaved(
        [("page", _Client(log), "/p/", 200), ("changed", _Client(log), "/c/", 200)],
        2,
        block=2,
        before={"changed": lambda: log.append("change")},
    )
    requests = log[2:]  # after counting the page's queries (2 requests)
    # its queries counted after a change too, then warming up (2), then one round
    assert requests.count("/c/") == 2 + 2 + harness.WARM + 2
    assert requests.count("change") == 1 + 2 + harness.WARM + 2
    assert requests[:4] == ["/c/", "change", "/c/", "/p/"]  # counting: a warm request first
    for index, entry in enumerate(requests[4:], start=4):
        if entry == "/c/":
            assert requests[index - 1] == "change"
        if entry == "change":
            assert requests[index + 1] == "/c/"

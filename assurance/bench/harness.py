"""Timing and query counting, in-process, against the floor measured in the same run.

Machines are shared and noisy: read the ratios to the floor, not the milliseconds.

A **scenario** is a function registered with :func:`scenario`; it receives a :class:`Bench`
(the synthetic deployment, signed-in clients, the floor of this run) and reports tables through
it. See docs/bench.md.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

FLOOR_URL = "/__bench__/floor/"
BLOCK = 5  # requests of one page timed back to back within a round (``time_interleaved``)
# Untimed requests before each block: the first requests of a page after the others run with
# the processor's caches full of the others' work. Timed at once, the floor (the lightest page)
# measured 0.81 ms in rounds against 0.60 back to back, the pages unchanged: every ratio a
# quarter lower than the page's cost warrants. After 3 untimed requests 0.43 against 0.38;
# after 5, 0.57 against 0.59 (six pairs of runs each, the search scenario's pages).
WARM = 5


@dataclass
class Timing:
    label: str
    median_ms: float
    p90_ms: float
    queries: int | None = None
    status: int | None = None
    # the floor timed in the same rounds (``time_interleaved``): the row's ratio is to it, not to
    # a floor of other seconds that a later table of the scenario prints
    floor_ms: float | None = None


def time_callable(label: str, fn: Callable[[], Any], repeat: int, warmup: int = 2) -> Timing:
    """Median and 90th centile wall time of ``fn`` over ``repeat`` calls after ``warmup``."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return _timing(label, samples)


def count_queries(
    client: Client, url: str, status: int = 200, before: Callable[[], Any] | None = None
) -> int:
    """Queries of one (warm) request, after ``before`` (untimed, uncounted) if given; fails if
    the page does not answer ``status``."""
    response = client.get(url)
    if response.status_code != status:
        raise RuntimeError(f"{url} answered {response.status_code}, not {status}")
    if before is not None:
        before()
    reset_queries()  # each request resets the log; start from empty so the count is right
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)  # read now: the log is reset by the next request


def _timing(label: str, samples: list[float]) -> Timing:
    """The median and 90th centile of ``samples`` (milliseconds)."""
    samples = sorted(samples)
    return Timing(
        label, statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.9))]
    )


def _nothing() -> None:
    pass


def time_interleaved(
    entries: list[tuple[str, Client, str, int]],
    repeat: int,
    block: int = BLOCK,
    operations: Sequence[tuple[str, Callable[[], Any]]] = (),
    before: Mapping[str, Callable[[], Any]] | None = None,
) -> list[Timing]:
    """Each of ``entries`` (label, client, URL, status; the floor among them) and then each of
    ``operations`` (label, what to run: a baseline such as the raw SQL a page reads) timed
    ``repeat`` times in rounds: a block of ``block`` runs of each in turn (after ``WARM``
    untimed ones), round after round, so that a spell of the shared host's noise (seconds
    long) falls on all of them alike instead of on whichever was being timed. The pages'
    queries are counted first, as ``time_page`` counts them. ``before``: what to do, untimed,
    before each run of the entry or operation of that label (a change the run then sees)."""
    prepared = before or {}
    counts = [
        count_queries(client, url, status, prepared.get(label))
        for label, client, url, status in entries
    ]
    runs: list[tuple[str, Callable[[], Any]]] = [
        (label, partial(client.get, url)) for label, client, url, _ in entries
    ]
    runs += list(operations)
    for label, run in runs:  # warm up, as time_callable does
        for _ in range(2):
            prepared.get(label, _nothing)()
            run()
    samples: list[list[float]] = [[] for _ in runs]
    rounds = -(-repeat // block)
    for done in range(rounds):
        size = min(block, repeat - done * block)
        for (label, run), taken in zip(runs, samples, strict=True):
            prepare = prepared.get(label, _nothing)
            for _ in range(WARM):  # after the others, untimed: see WARM
                prepare()
                run()
            for _ in range(size):
                prepare()
                start = time.perf_counter()
                run()
                taken.append((time.perf_counter() - start) * 1000)
    timings = []
    for index, ((label, _), taken) in enumerate(zip(runs, samples, strict=True)):
        timing = _timing(label, taken)
        if index < len(entries):
            timing.queries, timing.status = counts[index], entries[index][3]
        timings.append(timing)
    return timings


def time_page(label: str, client: Client, url: str, repeat: int, status: int = 200) -> Timing:
    """Server time (in-process test client) and queries per request of one page."""
    count = count_queries(client, url, status)
    timing = time_callable(label, lambda: client.get(url), repeat)
    timing.queries = count
    timing.status = status
    return timing


def table(rows: list[Timing], floor: Timing, title: str, baseline: Timing | None = None) -> str:
    """Rows with their ratio to the floor (and to ``baseline``, such as raw SQL, if given)."""
    extra = f"× {baseline.label.split(':')[0]}"[:16] if baseline else ""
    head = f"{'':46} {'median ms':>10} {'p90 ms':>9} {'queries':>8} {'× floor':>9}"
    out = [f"\n{title}", "-" * len(title), head + (f" {extra:>16}" if baseline else "")]
    for row in rows:
        queries = "" if row.queries is None else str(row.queries)
        line = (
            f"{row.label[:46]:46} {row.median_ms:10.2f} {row.p90_ms:9.2f} {queries:>8} "
            f"{row.median_ms / (row.floor_ms or floor.median_ms):9.1f}"
        )
        if baseline:
            line += f" {row.median_ms / baseline.median_ms:16.1f}"
        out.append(line)
    return "\n".join(out)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass
class Page:
    """A page to time: its label, URL, and the status it must answer; ``before``: what to do,
    untimed, before each request of it (a change it then sees: ``time_interleaved``)."""

    label: str
    url: str
    status: int = 200
    before: Callable[[], Any] | None = None


def settle() -> None:
    """PostgreSQL: ``VACUUM ANALYZE`` the bench database, as autovacuum does within minutes of a
    bulk load in a deployment. Without it a scenario's freshly built tables have no statistics
    (the planner guesses), their rebuilt rows leave dead tuples, and a GIN index's new entries
    wait in its pending list, read in full by every search: a state no deployment stays in, and
    one that depends on whether the bench's cluster runs autovacuum (a common word searched at
    national scale: 3.1 ms of PostgreSQL execution before, 1.4 ms after). SQLite keeps no
    statistics unless asked, as in the service. Nothing inside a transaction (the bench's own
    tests): ``VACUUM`` cannot run there, and statistics of tables still being filled in it
    (empty when the first scenario starts) would mislead the planner for the rest of it."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


@dataclass
class Bench:
    """What a scenario gets: the deployment, the settings of the run, and the floor."""

    partnerships: list[Any]  # the large synthetic deployment (``bench-000`` …)
    small: Any  # a small partnership (3 agencies, 10 people) for the query-growth comparison
    repeat: int
    write: Callable[[str], None]
    floor: Timing = field(init=False)
    constancy: list[tuple[str, str, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.measure_floor()

    def measure_floor(self) -> Timing:
        """The floor, measured again at the start of every scenario (the machine drifts), after
        the database is settled as a deployment's would be (``settle``)."""
        settle()
        self.floor = time_page("floor: bare Django view", Client(), FLOOR_URL, self.repeat)
        return self.floor

    def client(self, partnership: Any = None, email: str | None = None) -> Client:
        """A test client signed in as ``email``, by default the partnership's business unit."""
        from assurance.bench import data

        if email is None:
            partnership = partnership or self.partnerships[0]
            email = data.business_unit_email(int(partnership.slug.rsplit("-", 1)[1]))
        client = Client()
        user = get_user_model().objects.get(email=email)
        client.force_login(user, backend="assurance.accounts.authentication.PasswordBackend")
        return client

    def time_pages(
        self,
        pages: list[Page],
        client: Client | None = None,
        operations: Sequence[tuple[str, Callable[[], Any]]] = (),
    ) -> list[Timing]:
        """The pages, then ``operations`` (a baseline such as the raw SQL they read), timed in
        rounds with the floor (``time_interleaved``); the floor of this run becomes the one
        measured among them, so the report that follows compares each page with the floor
        and the baseline of the same seconds."""
        client = client or self.client()
        floor, *timed = time_interleaved(
            [
                (self.floor.label, Client(), FLOOR_URL, 200),
                *((p.label, client, p.url, p.status) for p in pages),
            ],
            self.repeat,
            operations=operations,
            before={p.label: p.before for p in pages if p.before is not None},
        )
        self.floor = floor
        for timing in timed:
            timing.floor_ms = floor.median_ms
        return timed

    def time(self, label: str, fn: Callable[[], Any], repeat: int | None = None) -> Timing:
        """A baseline or an operation that is not a page (raw SQL, an empty PDF, an import)."""
        return time_callable(label, fn, repeat or self.repeat)

    def compare_queries(
        self, label: str, smaller: str, larger: str, few: int | None, many: int | None
    ) -> None:
        """Record one page's queries on a smaller and a larger data set (printed at the end)."""
        self.constancy.append((label, f"{smaller} vs {larger}", few or 0, many or 0))

    def report(self, title: str, rows: list[Timing], baseline: Timing | None = None) -> None:
        """Print a table: the floor first, then ``rows``, with ratios."""
        self.write(table([self.floor, *rows], self.floor, title, baseline))

    def constancy_table(self) -> bool:
        """Print the query-growth comparisons; True when every page's count is constant."""
        self.write("\nQueries per request as the data grows (must be constant)")
        self.write("-" * 56)
        self.write(f"{'page':40} {'smaller vs larger data':48} {'queries':>11}")
        ok = True
        for label, sizes, few, many in self.constancy:
            verdict = "constant" if few == many else "GROWS"
            ok = ok and few == many
            self.write(f"{label[:40]:40} {sizes[:48]:48} {few:>4} vs {many:<4} {verdict}")
        return ok


@dataclass
class Scenario:
    name: str
    run: Callable[[Bench], None]
    order: int


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, order: int = 50) -> Callable[[Callable[[Bench], None]], Any]:
    """Register ``fn(bench)`` as a scenario of `make bench` (``BENCH_ONLY=name,…`` selects)."""

    def register(fn: Callable[[Bench], None]) -> Callable[[Bench], None]:
        SCENARIOS[name] = Scenario(name=name, run=fn, order=order)
        return fn

    return register

"""Timing and query counting, in-process, against the floor measured in the same run.

Machines are shared and noisy: read the ratios to the floor, not the milliseconds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass
class Timing:
    label: str
    median_ms: float
    p90_ms: float
    queries: int | None = None
    status: int | None = None


def time_callable(label: str, fn: Callable[[], Any], repeat: int, warmup: int = 2) -> Timing:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return Timing(
        label, statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.9))]
    )


def time_page(label: str, client: Client, url: str, repeat: int) -> Timing:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}, not 200")
    reset_queries()  # each request resets the log; start from empty so the count is right
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries.captured_queries)  # read now: the log is reset by the next request
    timing = time_callable(label, lambda: client.get(url), repeat)
    timing.queries = count
    timing.status = response.status_code
    return timing


def table(rows: list[Timing], floor: Timing, title: str) -> str:
    out = [
        f"\n{title}",
        "-" * len(title),
        f"{'':44} {'median ms':>10} {'p90 ms':>9} {'queries':>8} {'× floor':>9}",
    ]
    for row in rows:
        queries = "" if row.queries is None else str(row.queries)
        out.append(
            f"{row.label:44} {row.median_ms:10.2f} {row.p90_ms:9.2f} {queries:>8} "
            f"{row.median_ms / floor.median_ms:9.1f}"
        )
    return "\n".join(out)

"""`make bench`: build a large synthetic deployment and run every registered scenario.

Each scenario times its pages beside the floor (a bare Django view) measured in the same run.
``BENCH_PARTNERSHIPS`` (150), ``BENCH_REPEAT`` (30) and ``BENCH_ONLY`` (names, comma-separated)
make quicker runs; see docs/bench.md.
"""

from __future__ import annotations

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from assurance.bench import data, scenarios
from assurance.bench.harness import SCENARIOS, Bench, env_int


class Command(BaseCommand):
    help = "Benchmarks (run by `make bench` with the bench settings); see docs/bench.md."

    def handle(self, *args: Any, **options: Any) -> None:
        partnerships = env_int("BENCH_PARTNERSHIPS", 150)
        repeat = env_int("BENCH_REPEAT", 30)
        scenarios.load()
        wanted = [n for n in os.environ.get("BENCH_ONLY", "").split(",") if n]
        unknown = set(wanted) - set(SCENARIOS)
        if unknown:
            raise CommandError(f"Unknown scenarios {sorted(unknown)}; known: {sorted(SCENARIOS)}")
        chosen = sorted(
            (s for s in SCENARIOS.values() if not wanted or s.name in wanted),
            key=lambda s: (s.order, s.name),
        )
        out = self.stdout.write
        out(f"Building {partnerships} partnerships (15 agencies, 5 groups, 100 people each)…")
        start = time.perf_counter()
        big = data.build_platform(partnerships=partnerships)
        small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=900)[0]
        out(f"  built in {time.perf_counter() - start:.1f} s")
        bench = Bench(partnerships=big, small=small, repeat=repeat, write=out)
        out(f"Scenarios: {', '.join(s.name for s in chosen)}; {repeat} timed requests each")
        for item in chosen:
            started = time.perf_counter()
            bench.measure_floor()
            item.run(bench)
            out(f"  ({item.name}: {time.perf_counter() - started:.1f} s)")
        if bench.constancy and not bench.constancy_table():
            raise CommandError("A page's query count grows with the data (see above).")

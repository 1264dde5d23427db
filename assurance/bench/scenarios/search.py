"""The partnership's search page (issue 9) at national scale: every partnership holds audits with
their cases and returns, five years of the learning cycle (learning, recommendations, 500
actions, 60 meetings) and the data set's indicators; the business unit of one searches for a
common word, a case reference's start, one kind of record on its second page, and a word that
finds nothing. Each page's queries are compared with a small partnership's."""

from __future__ import annotations

import random
import time
from datetime import date
from typing import Any

from assurance.audits.models import Audit
from assurance.bench import data
from assurance.bench.harness import Bench, Page, env_int, scenario, time_page
from assurance.bench.scenarios.learning import build_learning
from assurance.improvement.learning.models import LearningItem
from assurance.search.services import rebuild

END = date(2026, 11, 1)


def _ensure_records(bench: Bench) -> None:
    """Build what the earlier scenarios would have built, when they were not selected."""
    big = bench.partnerships
    years = max(env_int("BENCH_LEARNING_YEARS", 5), 1)
    if not LearningItem.objects_for(big[0]).exists():
        build_learning(big, years=years, actions=500, meetings=60, end=END)
    if not LearningItem.objects_for(bench.small).exists():
        build_learning([bench.small], years=1, actions=20, meetings=6, end=END)
    if not Audit.objects_for(big[0]).exists():
        data.build_audit_history(partnerships=big, years=1, cases=24, agencies=3)
    if not Audit.objects_for(bench.small).exists():
        data.build_audit(
            partnership=bench.small, year=2026, cases=6, agencies=3, rng=random.Random(3)
        )


def _pages(p: Any) -> list[tuple[str, str]]:
    base = f"/p/{p.slug}/search/"
    return [
        ("search: a common word, every kind", f"{base}?q=learning"),
        ("search: a case reference's start", f"{base}?q=B{p.pk:04d}"),
        ("search: one kind, page 2", f"{base}?q=learning&kind=learning&page=2"),
        ("search: nothing found", f"{base}?q=hovercraft"),
    ]


@scenario("search", order=70)
def search(bench: Bench) -> None:
    big = bench.partnerships
    start = time.perf_counter()
    _ensure_records(bench)
    bench.write(
        f"\nSearch: records for {len(big)} partnerships ready in "
        f"{time.perf_counter() - start:.1f} s"
    )
    # The records were bulk-inserted, bypassing the saves that keep search documents: build
    # them as manage.py rebuild_search_index does.
    start = time.perf_counter()
    written = rebuild()
    bench.write(
        f"Search documents: {sum(written.values()):,} built in "
        f"{time.perf_counter() - start:.1f} s (rebuild_search_index)"
    )
    bench.measure_floor()
    bu = bench.client(big[0])
    empty, *timed = bench.time_pages(
        [
            Page("search page, nothing typed", f"/p/{big[0].slug}/search/"),
            *(Page(label, url) for label, url in _pages(big[0])),
        ],
        bu,
    )
    bench.report(
        f"Search page ({len(big)} partnerships of audits, learning, actions and meetings)",
        [empty, *timed],
    )
    small = bench.client(bench.small)
    for (label, url), row in zip(_pages(bench.small), timed, strict=True):
        few = time_page(label, small, url, 1).queries
        bench.compare_queries(label, "1 year, 20 actions", "5 years, 500", few, row.queries)

"""Data set pages (issue 4): a priority's scorecard, the indicator page (benchmarks, benchmark
chart, XmR with target), the exception report and the benchmarks API, on a deployment of
``BENCH_PARTNERSHIPS`` partnerships × ``BENCH_INDICATORS`` (150) indicators × ``BENCH_QUARTERS``
(40) quarters.

Half the synthetic indicators are published national statistics (quarterly benchmark rows for
all 153 English LAs, 9 regions and England), half are agency returns (the partnership's own
published collection values, one agency each, for every partnership and quarter, plus the same
benchmark rows). Every partnership shows all indicators under its "Neglect" priority, so the
scorecard page draws 150 cards. Rows are written with executemany (no history).
``BENCH_INDICATORS=0`` skips it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import connection

from assurance.bench.harness import Bench, Page, count_queries, env_int, scenario
from assurance.core.business_year import current_business_year
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection.models import CollectionRound, RoundStatus
from assurance.dataset.performance.services import summaries_refresh
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Agency, Person, Priority
from assurance.partnerships.neighbours import MODEL_FILE, dfe_2025_entry

REGIONS = {
    "North East": "E12000001",
    "North West": "E12000002",
    "Yorkshire and The Humber": "E12000003",
    "East Midlands": "E12000004",
    "West Midlands": "E12000005",
    "East of England": "E12000006",
    "London": "E12000007",
    "South East": "E12000008",
    "South West": "E12000009",
}


def _las() -> list[tuple[str, str, str, str]]:
    """(ONS code, DfE number, name, region code) of the 153 LAs of the DfE 2025 model."""
    import csv

    with MODEL_FILE.open(encoding="utf-8", newline="") as f:
        return [
            (r["la_code"], r["la_number"], r["la_name"], REGIONS[r["region_name"]])
            for r in csv.DictReader(f)
        ]


def _quarters(n: int) -> list[tuple[date, date, str]]:
    """The last ``n`` business-year quarters up to the one before the current quarter."""
    this_year = current_business_year()
    starts = []
    year, month = this_year, 4  # Q1 of the current business year, then step back
    for _ in range(n):
        month -= 3
        if month < 1:
            month += 12
            year -= 1
        starts.append(date(year, month, 1))
    starts.reverse()
    out = []
    for start in starts:
        end_month = start.month + 2
        end = date(start.year, end_month, 1) + timedelta(days=31)
        end = end.replace(day=1) - timedelta(days=1)
        by = start.year if start.month >= 4 else start.year - 1
        q = (start.month - 4) % 12 // 3 + 1
        out.append((start, end, f"Q{q} {by}/{str(by + 1)[-2:]}"))
    return out


def build_dataset(
    partnerships: list[Any], *, indicators: int, quarters: int, prefix: str = "BENCH"
) -> dict[str, int]:
    rng = random.Random(4)
    las = _las()
    periods = _quarters(quarters)
    year = current_business_year()
    made = Indicator.objects.bulk_create(
        [
            Indicator(
                code=f"{prefix}-{i:03d}",
                title=f"Synthetic indicator {i}",
                definition="A synthetic percentage for the benchmark.",
                unit="percentage",
                polarity="higher" if i % 2 else "lower",
                owning_sector="local_authority",
                phase=1 + i % 3,
                frequency="quarterly",
                source="agency_return" if i % 2 else "national_statistics",
                decimal_places=1,
                order=i,
            )
            for i in range(indicators)
        ]
    )
    made = list(Indicator.objects.filter(code__startswith=f"{prefix}-").order_by("order"))
    # published figures for every LA, region and England
    rows: list[tuple[Any, ...]] = []
    areas = [(code, "local_authority", name, num, region) for code, num, name, region in las]
    areas += [(code, "regional", name, "", "") for name, code in REGIONS.items()]
    areas.append(("E92000001", "national", "England", "", ""))
    sql = (
        "INSERT INTO dataset_benchmark (indicator_id, area_code, area_level, area_name, "
        "la_number, region_code, period_type, period_start, period_end, time_period, numerator, "
        "denominator, value, missing_reason, published, source_file) VALUES "
        "(%s, %s, %s, %s, %s, %s, 'quarterly', %s, %s, %s, NULL, NULL, %s, %s, %s, 'bench')"
    )
    written = 0
    with connection.cursor() as cursor:
        for indicator in made:
            base = rng.uniform(20, 80)
            for code, level, name, number, region in areas:
                level_base = base + rng.uniform(-10, 10)
                for start, end, label in periods:
                    value = round(level_base + rng.gauss(0, 3), 1)
                    suppressed = level == "local_authority" and rng.random() < 0.02
                    rows.append(
                        (
                            indicator.pk,
                            code,
                            level,
                            name,
                            number,
                            region,
                            start,
                            end,
                            label,
                            None if suppressed else value,
                            "c" if suppressed else "",
                            True,
                        )
                    )
            if len(rows) > 20000:
                cursor.executemany(sql, rows)
                written += len(rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)
            written += len(rows)
    # each partnership: an LA, its neighbours, every indicator under "Neglect"
    settings = []
    for index, p in enumerate(partnerships):
        code, number, name, _ = las[index % len(las)]
        p.la_code, p.la_number, p.local_authority_name = code, number, name
        entry = dfe_2025_entry(code)
        p.statistical_neighbours = " ".join(entry.neighbour_codes) if entry else ""
        settings += [
            IndicatorSetting(
                partnership=p,
                indicator=indicator,
                business_year=year,
                target=round(rng.uniform(30, 70), 1),
                tolerance=5,
            )
            for indicator in made
        ]
    type(partnerships[0]).unscoped.bulk_update(
        partnerships, ["la_code", "la_number", "local_authority_name", "statistical_neighbours"]
    )
    IndicatorSetting.unscoped.bulk_create(settings, batch_size=5000)
    neglect = dict(
        Priority.unscoped.filter(
            partnership__in=partnerships, business_year=year, title="Neglect"
        ).values_list("partnership_id", "pk")
    )
    through = IndicatorSetting.priorities.through
    through.objects.bulk_create(
        [
            through(indicatorsetting_id=s_pk, priority_id=neglect[p_pk])
            for s_pk, p_pk in IndicatorSetting.unscoped.filter(
                partnership__in=partnerships, indicator__in=made
            ).values_list("pk", "partnership_id")
        ],
        batch_size=5000,
    )
    # the partnerships' own published values of the agency-return indicators
    agency_made = [i for i in made if i.source == "agency_return"]
    values = 0
    now = datetime.now(UTC)
    value_sql = (
        "INSERT INTO dataset_indicatorvalue (partnership_id, round_id, indicator_id, agency_id, "
        "numerator, denominator, value, commentary, confirmed_outlier, entered_by_id, "
        "entered_via, source_label, source_href, changed_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'bench', '', '', %s)"
    )
    for p in partnerships:
        agency = Agency.unscoped.filter(partnership=p).order_by("pk").first()
        person = Person.unscoped.filter(partnership=p).order_by("pk").first()
        assert agency is not None and person is not None
        rounds = CollectionRound.unscoped.bulk_create(
            [
                CollectionRound(
                    partnership=p,
                    frequency="quarterly",
                    period_start=start,
                    period_end=end,
                    opens_on=end,
                    due_on=end + timedelta(days=30),
                    status=RoundStatus.PUBLISHED,
                    published_at=now,
                )
                for start, end, _ in periods
            ]
        )
        round_ids = list(
            CollectionRound.unscoped.filter(partnership=p)
            .order_by("period_start")
            .values_list("pk", flat=True)
        )
        assert len(round_ids) == len(rounds)
        rows = []
        for indicator in agency_made:
            centre = rng.uniform(30, 70)
            for r, round_id in enumerate(round_ids):
                denominator = 200
                numerator = max(0, min(200, int(2 * (centre + rng.gauss(0, 3)))))
                rows.append(
                    (
                        p.pk,
                        round_id,
                        indicator.pk,
                        agency.pk,
                        numerator,
                        denominator,
                        round(numerator * 100 / denominator, 4),
                        "Synthetic commentary." if r == len(round_ids) - 1 else "",
                        False,
                        person.pk,
                        now,
                    )
                )
        with connection.cursor() as cursor:
            cursor.executemany(value_sql, rows)
        values += len(rows)
    return {"indicators": len(made), "benchmarks": written, "values": values}


def summary_rows_raw(partnership_id: int, year: int, indicator_ids: list[int]) -> list[Any]:
    """The baseline of the summary pages: one SELECT of the same summary rows, fetched."""
    marks = ", ".join(["%s"] * len(indicator_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM dataset_indicatorsummary WHERE partnership_id = %s AND "  # noqa: S608
            f"business_year = %s AND indicator_id IN ({marks})",
            [partnership_id, year, *indicator_ids],
        )
        return cursor.fetchall()


@scenario("dataset", order=35)
def dataset_pages(bench: Bench) -> None:
    indicators = env_int("BENCH_INDICATORS", 150)
    quarters = env_int("BENCH_QUARTERS", 40)
    if indicators <= 0:
        bench.write("\nData set pages: skipped (BENCH_INDICATORS=0)")
        return
    big = bench.partnerships
    bench.write(
        f"\nBuilding the data set: {len(big)} partnerships × {indicators} indicators × "
        f"{quarters} quarters (benchmarks for 163 areas; partnership values for the "
        "agency-return half)…"
    )
    start = time.perf_counter()
    made = build_dataset(big, indicators=indicators, quarters=quarters)
    few_indicators = max(2, indicators // 15)
    build_dataset([bench.small], indicators=few_indicators, quarters=quarters, prefix="SMALL")
    bench.write(
        f"  {made['benchmarks']:,} benchmark rows and {made['values']:,} partnership values "
        f"built in {time.perf_counter() - start:.1f} s"
    )
    p = big[0]
    year = current_business_year()
    # the summary rows (ADR 023), as the task computes them once the figures change
    for partnership in (p, bench.small):
        summaries_refresh(partnership=partnership, business_year=year)
    bench.measure_floor()
    refresh = bench.time(
        "recomputing one partnership's summary rows",
        lambda: summaries_refresh(partnership=p, business_year=year),
        repeat=max(3, bench.repeat // 10),
    )
    bench.report(
        f"Summary rows: the task's work for one partnership ({indicators} indicators)", [refresh]
    )
    neglect = Priority.unscoped.get(partnership=p, business_year=year, title="Neglect")
    national = Indicator.objects.filter(code="BENCH-000").get()
    agency = Indicator.objects.filter(code="BENCH-001").get()
    pages = [
        Page(
            f"scorecard ({indicators} indicators)", f"/p/{p.slug}/data-set/scorecards/{neglect.pk}/"
        ),
        Page("indicator page (national statistics)", f"/p/{p.slug}/data-set/{national.code}/"),
        Page("indicator page (agency return)", f"/p/{p.slug}/data-set/{agency.code}/"),
        Page("exception report", f"/p/{p.slug}/data-set/exceptions/"),
        Page(
            "benchmarks API", f"/api/v1/indicators/{national.code}/benchmarks?partnership={p.slug}"
        ),
    ]
    ids = list(
        IndicatorSetting.unscoped.filter(
            partnership=p, business_year=year, priorities=neglect
        ).values_list("indicator_id", flat=True)
    )
    # the raw SQL of the summary rows timed in the same rounds as the pages (the same seconds)
    *timed, raw = bench.time_pages(
        pages,
        operations=[("raw SQL: the summary rows", lambda: summary_rows_raw(p.pk, year, ids))],
    )
    bench.report("Data set pages (ratio to the floor)", timed)
    # The same pages when nothing is drawn yet (the first request after a change: ADR 032 keeps
    # drawn rows and figures in the cache), and a scorecard without indicators: the page alone.
    client = bench.client()

    def drawn_afresh(url: str) -> Callable[[], object]:
        def get() -> object:
            cache.clear()
            return client.get(url)

        return get

    cold = [bench.time(f"{page.label}, drawn afresh", drawn_afresh(page.url)) for page in pages[:4]]
    empty = Priority.unscoped.filter(partnership=p, business_year=year).exclude(pk=neglect.pk)[0]
    (alone,) = bench.time_pages(
        [Page("scorecard without indicators", f"/p/{p.slug}/data-set/scorecards/{empty.pk}/")]
    )
    bench.report("Data set pages drawn afresh, and the page alone", [*cold, alone])
    bench.report(
        "Scorecard and exception report beside the raw SQL reading their summary rows",
        [raw, timed[0], timed[3]],
        baseline=raw,
    )
    small = bench.small
    small_neglect = Priority.unscoped.get(partnership=small, business_year=year, title="Neglect")
    client = bench.client(small)
    for label, url, timing in [
        ("scorecard", f"/p/{small.slug}/data-set/scorecards/{small_neglect.pk}/", timed[0]),
        ("exception report", f"/p/{small.slug}/data-set/exceptions/", timed[3]),
    ]:
        bench.compare_queries(
            label,
            f"{few_indicators} indicators",
            f"{indicators} indicators",
            count_queries(client, url),
            timing.queries,
        )

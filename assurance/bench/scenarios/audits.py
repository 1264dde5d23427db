"""Audits (issue 3): findings page and API beside the raw SQL aggregate over the same rows, and
the PDF report beside WeasyPrint rendering an empty page. ``BENCH_AUDIT_YEARS=0`` skips it."""

from __future__ import annotations

import random
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.audits import selectors as audit_selectors
from assurance.audits.models import Audit
from assurance.bench import data
from assurance.bench.harness import Bench, env_int, scenario, table, time_callable, time_page

RAW_FINDINGS_SQL = """
SELECT a.item_id, r.agency_id, a.option_id, COUNT(*)
FROM frameworks_answer a
JOIN audits_agencyreturn r ON r.assessment_id = a.assessment_id
JOIN audits_auditcase c ON c.id = r.case_id
WHERE c.audit_id = %s AND r.status IN ('submitted', 'signed_off') AND a.option_id IS NOT NULL
GROUP BY a.item_id, r.agency_id, a.option_id
"""


@scenario("audits", order=20)
def audits(bench: Bench) -> None:
    years = env_int("BENCH_AUDIT_YEARS", 5)
    if years <= 0:
        bench.write("\nAudits: skipped (BENCH_AUDIT_YEARS=0)")
        return
    big = bench.partnerships
    bench.write(
        f"\nBuilding the audit history: {len(big)} partnerships × {years} years of "
        "audits of 24 cases × 10 agencies × 24 standards…"
    )
    start = time.perf_counter()
    made = data.build_audit_history(partnerships=big, years=years, cases=24, agencies=10)
    small_audit = data.build_audit(
        partnership=big[0], year=2026, cases=6, agencies=10, rng=random.Random(1), title="Small"
    )
    bench.write(f"  {made['audits'] + 1} audits built in {time.perf_counter() - start:.1f} s")
    bench.measure_floor()

    audit = Audit.unscoped.filter(partnership=big[0], title="Neglect 2026").get()
    bu = bench.client(big[0])
    findings = time_page(
        "findings page (24 × 10 × 24)",
        bu,
        f"/p/{big[0].slug}/audits/{audit.pk}/findings/",
        bench.repeat,
    )
    api = time_page(
        "findings API (24 × 10 × 24)", bu, f"/api/v1/audits/{audit.pk}/findings", bench.repeat
    )
    earlier = audit_selectors.earlier_comparable_audit(audit=audit)

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(RAW_FINDINGS_SQL, [audit.pk])
            cursor.fetchall()
            if earlier is not None:  # the change per standard needs the earlier audit's
                cursor.execute(
                    audit_selectors.EARLIER_TOTALS_SQL, [earlier.pk, *audit_selectors.COMPLETE]
                )
                cursor.fetchall()

    raw_sql = bench.time("raw SQL: aggregates over the same rows", raw)
    selector = bench.time(
        "findings selector alone", lambda: audit_selectors.audit_findings(audit=audit)
    )
    bench.report(
        "Audit findings (ratio to the floor and to the raw SQL aggregate)",
        [raw_sql, selector, findings, api],
        baseline=raw_sql,
    )
    for label, url, timed in [
        ("findings page", f"/p/{big[0].slug}/audits/{small_audit.pk}/findings/", findings),
        ("findings API", f"/api/v1/audits/{small_audit.pk}/findings", api),
    ]:
        few = time_page(label, bu, url, 1).queries
        bench.compare_queries(label, "6 cases", "24 cases", few, timed.queries)

    from weasyprint import HTML

    from assurance.audits.report import audit_report
    from assurance.core.documents import render_pdf

    pdf_repeat = max(3, bench.repeat // 10)
    empty = time_callable(
        "WeasyPrint: an empty page",
        lambda: HTML(string="<p></p>").write_pdf(),
        pdf_repeat,
        warmup=1,
    )
    with CaptureQueriesContext(connection) as report_queries:
        audit_report(audit=audit)
    report = time_callable(
        "audit report PDF (24 cases)",
        lambda: render_pdf(audit_report(audit=audit)),
        pdf_repeat,
        warmup=1,
    )
    bench.write(table([empty, report], empty, "PDF report (ratio to WeasyPrint's empty page)"))
    bench.write(f"  report assembly queries: {len(report_queries.captured_queries)}")

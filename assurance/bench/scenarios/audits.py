"""`make bench`: build a large synthetic deployment and time pages against the floor."""

from __future__ import annotations

import os
import random
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assurance.audits import selectors as audit_selectors
from assurance.audits.models import Audit
from assurance.bench import data
from assurance.bench.harness import Timing, table, time_callable, time_page
from assurance.partnerships.models import Group, Partnership

RAW_FINDINGS_SQL = """
SELECT a.item_id, r.agency_id, a.option_id, COUNT(*)
FROM frameworks_answer a
JOIN audits_agencyreturn r ON r.assessment_id = a.assessment_id
JOIN audits_auditcase c ON c.id = r.case_id
WHERE c.audit_id = %s AND r.status IN ('submitted', 'signed_off') AND a.option_id IS NOT NULL
GROUP BY a.item_id, r.agency_id, a.option_id
"""


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


class Command(BaseCommand):
    help = "Benchmarks (run by `make bench` with the bench settings); see docs/bench.md."

    def handle(self, *args: Any, **options: Any) -> None:
        partnerships = _int("BENCH_PARTNERSHIPS", 150)
        years = _int("BENCH_AUDIT_YEARS", 5)
        repeat = _int("BENCH_REPEAT", 30)
        out = self.stdout.write
        out(f"Building {partnerships} partnerships (15 agencies, 5 groups, 100 people each)…")
        start = time.perf_counter()
        big = data.build_platform(partnerships=partnerships)
        small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=900)[0]
        out(f"  built in {time.perf_counter() - start:.1f} s")

        client = Client()
        floor = time_page("floor: bare Django view", client, "/__bench__/floor/", repeat)

        def signed_in(partnership: Partnership) -> Client:
            from django.contrib.auth import get_user_model

            c = Client()
            user = get_user_model().objects.get(
                email=data.business_unit_email(int(partnership.slug.split("-")[1]))
            )
            c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            return c

        rows: list[Timing] = [floor]
        counts: list[tuple[str, int | None, int | None]] = []
        for label, path in [
            ("home: your to-do list", ""),
            ("agency list", "agencies/"),
            ("group list", "groups/"),
            ("people list", "people/"),
        ]:
            large = time_page(label, signed_in(big[0]), f"/p/{big[0].slug}/{path}", repeat)
            rows.append(large)
            little = time_page(label, signed_in(small), f"/p/{small.slug}/{path}", 3)
            counts.append((label, little.queries, large.queries))
        group = Group.objects_for(big[0]).first()
        assert group is not None
        rows.append(
            time_page(
                "group terms of reference",
                signed_in(big[0]),
                f"/p/{big[0].slug}/groups/{group.pk}/",
                repeat,
            )
        )
        out(
            table(
                rows,
                floor,
                f"Platform pages, {partnerships} partnerships × 100 people "
                f"(queries measured on the largest)",
            )
        )
        out(
            "\nQueries per request: a partnership of 10 people and 3 agencies vs one of 100 "
            "people and 15 agencies"
        )
        for label, few, many in counts:
            verdict = "constant" if few == many else "DIFFERENT"
            out(f"  {label:40} {few!s:>4} vs {many!s:>4}  {verdict}")

        if years <= 0:
            return
        out(
            f"\nBuilding the audit history: {partnerships} partnerships × {years} years of "
            "audits of 24 cases × 10 agencies × 24 standards…"
        )
        start = time.perf_counter()
        made = data.build_audit_history(partnerships=big, years=years, cases=24, agencies=10)
        rng = random.Random(1)
        small_audit = data.build_audit(
            partnership=big[0], year=2026, cases=6, agencies=10, rng=rng, title="Small audit"
        )
        out(f"  {made['audits'] + 1} audits built in {time.perf_counter() - start:.1f} s")
        audit = Audit.unscoped.filter(partnership=big[0], title="Neglect 2026").get()
        bu = signed_in(big[0])
        findings = time_page(
            "findings page (24 × 10 × 24)",
            bu,
            f"/p/{big[0].slug}/audits/{audit.pk}/findings/",
            repeat,
        )
        api = time_page(
            "findings API (24 × 10 × 24)", bu, f"/api/v1/audits/{audit.pk}/findings", repeat
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

        raw_sql = time_callable("raw SQL aggregates over the same rows", raw, repeat)
        selector = time_callable(
            "findings selector alone", lambda: audit_selectors.audit_findings(audit=audit), repeat
        )
        out(table([floor, raw_sql, selector, findings, api], floor, "Audit findings"))
        out(
            f"  findings page / raw SQL: {findings.median_ms / raw_sql.median_ms:.1f}×   "
            f"findings API / raw SQL: {api.median_ms / raw_sql.median_ms:.1f}×   "
            f"(selector alone / raw SQL: {selector.median_ms / raw_sql.median_ms:.1f}×)"
        )
        little = time_page(
            "findings (6 cases)", bu, f"/p/{big[0].slug}/audits/{small_audit.pk}/findings/", 3
        )
        little_api = time_page(
            "findings API (6 cases)", bu, f"/api/v1/audits/{small_audit.pk}/findings", 3
        )
        out(
            f"  queries: findings page {little.queries} (6 cases) vs {findings.queries} "
            f"(24 cases); API {little_api.queries} vs {api.queries}"
        )

        from weasyprint import HTML

        from assurance.audits.report import audit_report
        from assurance.reports.documents import render_pdf

        pdf_repeat = max(3, repeat // 10)
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
        out(table([empty, report], empty, "PDF report (ratio to WeasyPrint's empty page)"))
        out(f"  report assembly queries: {len(report_queries.captured_queries)}")

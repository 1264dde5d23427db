"""An auditor completing an agency return (issue 9's task list pattern): the return's task list,
one section's page, the check-answers page, the return's own page and the auditor's list of
returns, in an audit of 24 cases × 10 agencies × 24 standards, the return half answered; each
page's queries are compared with a return in an audit of 6 cases. ``BENCH_AUDIT_YEARS=0`` skips
it with the audits."""

from __future__ import annotations

import random
from typing import Any

from django.db import connection

from assurance.audits.models import AgencyReturn, Audit, AuditStatus, ReturnStatus
from assurance.bench import data
from assurance.bench.harness import Bench, env_int, scenario, time_page
from assurance.frameworks.models import Answer
from assurance.partnerships.models import Person


def _open_return(partnership: Any, cases: int, title: str) -> tuple[AgencyReturn, Person]:
    """A return of an audit under way, in progress (its later half of standards unanswered),
    assigned to an auditor of its agency."""
    audit = data.build_audit(
        partnership=partnership,
        year=2026,
        cases=cases,
        agencies=10,
        rng=random.Random(cases),
        title=title,
    )
    Audit.unscoped.filter(pk=audit.pk).update(status=AuditStatus.AUDITING)
    AgencyReturn.unscoped.filter(case__audit=audit).update(
        status=ReturnStatus.DRAFT, submitted_at=None, signed_off_at=None
    )
    auditors = Person.unscoped.filter(partnership=partnership, is_auditor=True)
    agency_return = (
        AgencyReturn.unscoped.filter(case__audit=audit, agency_id__in=auditors.values("agency_id"))
        .select_related("assessment")
        .order_by("pk")
        .first()
    )
    assert agency_return is not None, "an agency taking part has an auditor"
    auditor = auditors.filter(agency_id=agency_return.agency_id).order_by("pk").first()
    assert auditor is not None
    answers = Answer.objects.filter(assessment=agency_return.assessment).order_by("item_id")
    later = list(answers.values_list("pk", flat=True))[answers.count() // 2 :]
    Answer.objects.filter(pk__in=later).delete()
    agency_return.auditors.add(auditor)
    return agency_return, auditor


def _pages(partnership: Any, agency_return: AgencyReturn) -> list[tuple[str, str]]:
    base = f"/p/{partnership.slug}/audits/returns/{agency_return.pk}/"
    return [
        ("return task list", f"{base}edit/"),
        ("return section page (first standard group)", f"{base}edit/1/"),
        ("return check answers", f"{base}edit/check/"),
        ("return page", base),
        ("auditor's returns list", f"/p/{partnership.slug}/audits/my-returns/"),
    ]


@scenario("returns", order=25)
def returns(bench: Bench) -> None:
    if env_int("BENCH_AUDIT_YEARS", 5) <= 0:
        bench.write("\nReturns: skipped (BENCH_AUDIT_YEARS=0)")
        return
    partnership = bench.partnerships[0]
    large, auditor = _open_return(partnership, 24, "Open audit, 24 cases")
    small, small_auditor = _open_return(partnership, 6, "Open audit, 6 cases")
    bench.measure_floor()
    client = bench.client(email=auditor.email)
    timed = [
        time_page(label, client, url, bench.repeat) for label, url in _pages(partnership, large)
    ]
    bench.report(f"An auditor's return (24 standards, half answered; {connection.vendor})", timed)
    few_client = bench.client(email=small_auditor.email)
    for (label, url), row in zip(_pages(partnership, small), timed, strict=True):
        few = time_page(label, few_client, url, 1).queries
        bench.compare_queries(label, "audit of 6 cases", "24 cases", few, row.queries)

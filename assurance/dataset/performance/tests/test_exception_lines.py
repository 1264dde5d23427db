"""The exceptions as the highlight report lists them (``exceptions.exception_lines``), worked out
once per state of the figures and kept (ADR 032).

Northfield's POL-RHI72 (target 80%, tolerance 5) was 72.6% at the latest quarter: an exception.
Whatever changes what the exception report finds, through the services (which move the data
version on, ADR 023) or not (the partnership's margin, a setting changed in the database), the
next list is the one worked out afresh: a kept list is never a stale verdict.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.dataset.performance.exceptions import exception_items, exception_lines
from assurance.dataset.performance.tests.test_summaries import CHANGES
from assurance.dataset.targets.models import IndicatorSetting

pytestmark = pytest.mark.django_db


def _fresh(tenant) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (e.row.indicator.code, e.row.indicator.title, tuple(e.reasons))
        for e in exception_items(partnership=tenant.partnership, business_year=tenant.year)
    ]


def _kept(tenant) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (line.code, line.title, line.reasons)
        for line in exception_lines(partnership=tenant.partnership, business_year=tenant.year)
    ]


def _rhi_reasons(lines) -> tuple[str, ...]:
    return next((reasons for code, _, reasons in lines if code == "POL-RHI72"), ())


def test_the_lines_are_the_exception_reports_and_kept_in_two_queries(rhi):
    first = _kept(rhi)
    assert first == _fresh(rhi)
    assert any(r.startswith("Target missed: 72.6 against") for r in _rhi_reasons(first))
    with CaptureQueriesContext(connection) as queries:
        again = _kept(rhi)
    assert again == first
    assert len(queries.captured_queries) == 2  # the data version and the year's settings


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_of_the_figures_is_in_the_next_lines(change, rhi, helen, amira):
    before = _kept(rhi)
    CHANGES[change](rhi, helen, amira)
    after = _kept(rhi)
    assert after == _fresh(rhi)
    if change in {"revising a published value", "changing a target"}:
        # 83.3% against 80, or 72.6% against 70: the target is no longer missed
        assert not any(r.startswith("Target missed") for r in _rhi_reasons(after))
        assert after != before


def test_a_change_that_moves_no_version_is_in_the_next_lines_too(rhi):
    """The partnership's margin for England, and a target changed in the database rather than
    by the service: neither moves the data version on; both are in the key."""
    kept = _kept(rhi)
    assert any(r.startswith("Target missed") for r in _rhi_reasons(kept))
    IndicatorSetting.objects_for(rhi.partnership).update(target=Decimal(70))
    assert not any(r.startswith("Target missed") for r in _rhi_reasons(_kept(rhi)))
    assert _kept(rhi) == _fresh(rhi)
    p = rhi.partnership
    p.exception_margin = 1 if p.exception_margin != 1 else 2
    p.save(update_fields=["exception_margin"])
    assert _kept(rhi) == _fresh(rhi)

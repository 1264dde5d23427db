"""The summary rows the scorecard, the exception report and the highlight report read (ADR 023).

Amira runs Northfield's business unit; Helen leads for the police and reports return home
interviews within 72 hours (POL-RHI72, a percentage, higher is better), whose target is 80% with
a tolerance of 5. Every change of what the rows are computed from moves the partnership's data
version on and queues their recomputation; a page never shows a row older than that version,
nor one computed from another target, definition or comparison setting.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from assurance.dataset.benchmarks.reader import DATA_DIR
from assurance.dataset.benchmarks.services import benchmarks_import
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.collection import services as collection
from assurance.dataset.collection.models import IndicatorValue
from assurance.dataset.collection.rules import Entry
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.dataset.performance import services
from assurance.dataset.performance.models import IndicatorSummary
from assurance.dataset.summaries.models import SummaryVersion
from assurance.dataset.summaries.selectors import summary_version
from assurance.dataset.summaries.services import summaries_stale
from assurance.dataset.targets.models import IndicatorSetting
from assurance.dataset.targets.services import setting_save
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory
from assurance.partnerships.access import actor_for_person


def _row(page: str) -> str:
    return page.split('id="row-POL-RHI72"')[1].split("</tr>")[0]


def _rows(tenant) -> dict[int, IndicatorSummary]:
    return {
        r.indicator_id: r
        for r in IndicatorSummary.objects_for(tenant.partnership).filter(business_year=tenant.year)
    }


def test_a_revised_value_reaches_the_scorecard_and_the_exception_report(
    rhi, amira, helen, client_for
):
    """No stale verdict: the revision is on the next page, whether or not the task has run
    (here it has not: nothing is committed inside the test's transaction)."""
    c = client_for(amira)
    scorecard = rhi.url(f"data-set/scorecards/{rhi.priority.pk}/")
    row = _row(c.get(scorecard).text)
    assert "72.6%" in row and "Missed" in row
    exceptions = c.get(rhi.url("data-set/exceptions/")).text
    assert 'id="exception-POL-RHI72"' in exceptions and "Target missed: 72.6 against" in exceptions
    stored = _rows(rhi)[Indicator.objects.get(code="POL-RHI72").pk]
    assert stored.value.quantize(Decimal("0.1")) == Decimal("72.6") and stored.rag == "red"

    latest = IndicatorValue.objects_for(rhi.partnership).order_by("-round__period_start").first()
    collection.value_revise(
        actor=actor_for_person(helen),
        value=latest,
        entry=Entry("70", "84", commentary="Two interviews recorded late."),
        reason="Two interviews recorded late.",
    )
    row = _row(c.get(scorecard).text)
    assert "83.3%" in row and "Met" in row and "revised" in row
    assert 'id="exception-POL-RHI72"' not in c.get(rhi.url("data-set/exceptions/")).text
    stored = _rows(rhi)[latest.indicator_id]  # stored by the page that found it stale
    assert stored.rag == "green" and stored.version == summary_version(partnership=rhi.partnership)


def _revise(tenant, helen, amira):
    latest = IndicatorValue.objects_for(tenant.partnership).order_by("-round__period_start")[0]
    collection.value_revise(
        actor=actor_for_person(helen),
        value=latest,
        entry=Entry("70", "84", commentary="Two interviews recorded late."),
        reason="Late.",
    )
    return "value", Decimal("83.3")


def _target(tenant, helen, amira):
    setting = IndicatorSetting.objects_for(tenant.partnership).get()
    setting_save(
        actor=actor_for_person(amira),
        indicator=setting.indicator,
        business_year=tenant.year,
        target=Decimal(70),
        tolerance=Decimal(5),
        priorities=[tenant.priority],
    )
    return "rag", "green"


def _benchmarks(tenant, helen, amira):
    benchmarks_import(path=DATA_DIR / "csww_indicators_2017_to_2025.csv")
    return None, None


def _catalogue(tenant, helen, amira):
    catalogue_load()
    return None, None


CHANGES = {
    "revising a published value": _revise,
    "changing a target": _target,
    "importing national statistics": _benchmarks,
    "loading the catalogue": _catalogue,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_each_change_moves_the_version_on_and_the_task_recomputes(
    change, rhi, helen, amira, django_capture_on_commit_callbacks
):
    p = rhi.partnership
    services.summaries_refresh(partnership=p, business_year=rhi.year)
    before = summary_version(partnership=p)
    (row,) = _rows(rhi).values()
    assert row.version == before and row.rag == "red"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        field, expected = CHANGES[change](rhi, helen, amira)
    assert callbacks, "the change queued the recomputation"
    after = summary_version(partnership=p)
    assert after is not None and before is not None and after > before
    (row,) = _rows(rhi).values()
    assert row.version == after  # recomputed by the task (the immediate backend in tests)
    if field == "value":
        assert row.value.quantize(Decimal("0.1")) == expected
    elif field:
        assert getattr(row, field) == expected


def test_publishing_a_round_reaches_the_stored_rows_through_the_task(
    rhi, helen, amira, django_capture_on_commit_callbacks
):
    services.summaries_refresh(partnership=rhi.partnership, business_year=rhi.year)
    round = CollectionRoundFactory(partnership=rhi.partnership, start=date(2026, 7, 1))
    collection.values_save(
        actor=actor_for_person(helen),
        round=round,
        agency=rhi.police,
        entries={"POL-RHI72": Entry("80", "84", commentary="More interviews.")},
    )
    (row,) = _rows(rhi).values()
    assert row.time_period == "Q1 2026/27"  # saving an open round's values changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        collection.round_publish(actor=actor_for_person(amira), round=round)
    (row,) = _rows(rhi).values()
    assert row.time_period == "Q2 2026/27" and row.rag == "green"
    assert row.version == summary_version(partnership=rhi.partnership)


def test_a_change_made_outside_the_services_is_never_shown_with_an_old_verdict(
    rhi, amira, client_for
):
    """The fingerprint: the target, the indicator's definition and the partnership's comparison
    settings are read by the page itself and compared with what the row was computed from."""
    c = client_for(amira)
    scorecard = rhi.url(f"data-set/scorecards/{rhi.priority.pk}/")
    assert "Missed" in _row(c.get(scorecard).text)
    IndicatorSetting.objects_for(rhi.partnership).update(target=Decimal(60))
    assert "Met" in _row(c.get(scorecard).text)
    Indicator.objects.filter(code="POL-RHI72").update(polarity="lower")
    assert "Missed" in _row(c.get(scorecard).text)
    assert "Lower" in _row(c.get(scorecard).text)


def test_a_summary_computed_while_the_figures_change_is_not_stored(rhi, monkeypatch):
    """Computed at version v, the figures changed meanwhile (version v + 1): the rows are given
    to the page that asked, never stored as current; the change's own recomputation stores."""
    real = services.scorecard_rows

    def changed_meanwhile(**kwargs):
        rows = real(**kwargs)
        summaries_stale(partnerships=[rhi.partnership])
        return rows

    monkeypatch.setattr(services, "scorecard_rows", changed_meanwhile)
    computed = services.summaries_refresh(partnership=rhi.partnership, business_year=rhi.year)
    assert len(computed) == 1 and not _rows(rhi)
    monkeypatch.setattr(services, "scorecard_rows", real)
    services.summaries_refresh(partnership=rhi.partnership, business_year=rhi.year)
    (row,) = _rows(rhi).values()
    assert row.version == SummaryVersion.objects_for(rhi.partnership).get().version


def test_a_partnership_never_summarised_is_not_recomputed_by_a_global_change(
    rhi, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        summaries_stale()
    assert not _rows(rhi) and summary_version(partnership=rhi.partnership) is None


@pytest.mark.parametrize("page", ["scorecard", "scorecard in detail", "exceptions"])
def test_queries_are_the_same_for_one_indicator_and_for_every_indicator(
    page, rhi, amira, client_for
):
    """Once the rows are current, a page reads them in a fixed number of queries."""
    c = client_for(amira)
    url = rhi.url(
        {
            "scorecard": f"data-set/scorecards/{rhi.priority.pk}/",
            "scorecard in detail": f"data-set/scorecards/{rhi.priority.pk}/?view=cards",
            "exceptions": "data-set/exceptions/",
        }[page]
    )
    c.get(url)  # computes and stores the rows
    reset_queries()  # a request empties the log: count from an empty one
    with CaptureQueriesContext(connection) as captured:
        c.get(url)
    one = len(captured)  # now: the next request empties the log it reads
    for indicator in Indicator.objects.exclude(code="POL-RHI72"):
        IndicatorSettingFactory(
            partnership=rhi.partnership,
            indicator=indicator,
            business_year=rhi.year,
            target=Decimal(1),
            priorities=[rhi.priority],
        )
    c.get(url)  # the new indicators' rows are missing: computed and stored now
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = c.get(url)
    every = [q["sql"] for q in captured.captured_queries]
    assert response.status_code == 200
    assert 0 < len(every) == one, every
    assert IndicatorSummary.objects_for(rhi.partnership).count() == Indicator.objects.count()


def test_a_pages_state_is_current_exactly_when_its_rows_are(rhi):
    """``table_state`` works out each row's fingerprint from plain values as the summaries do
    from the settings: current (a key) once the rows are computed, not current (no key) once
    the target has changed outside the services, and current again once recomputed."""
    from assurance.dataset.targets import selectors as targets

    p = rhi.partnership

    def states() -> list[str | None]:
        return [
            services.table_state(partnership=p, business_year=rhi.year, values=values).key
            for values in (
                targets.priority_setting_values(partnership=p, priority=rhi.priority),
                targets.reported_setting_values(partnership=p, business_year=rhi.year),
            )
        ]

    services.summaries_refresh(partnership=p, business_year=rhi.year)
    first = states()
    assert all(first)
    IndicatorSetting.objects_for(p).update(target=Decimal(60))
    assert states() == [None, None]
    services.summaries_refresh(partnership=p, business_year=rhi.year)
    again = states()
    assert all(again) and again != first  # the target shown is part of the key

"""The indicator page: the benchmark chart beside the table, the target's assurance verdict
and the rebase."""

from __future__ import annotations

from decimal import Decimal

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory

SOLIHULL = "E08000029"


def test_indicator_page_shows_benchmarks_chart_target_verdict_and_rebase(
    solihull, amira, client_for
):
    indicator = Indicator.objects.get(code="CSC-REREF")
    from assurance.core.business_year import current_business_year

    IndicatorSettingFactory(
        partnership=solihull.partnership,
        indicator=indicator,
        business_year=current_business_year(),
        target=Decimal("5"),
        tolerance=Decimal("1"),
    )
    c = client_for(amira)
    html = c.get(solihull.url("data-set/CSC-REREF/")).content.decode()
    assert 'id="benchmarks"' in html and "Statistical neighbours (average of" in html
    assert "West Midlands" in html and 'id="benchmark-series"' in html
    assert 'aria-labelledby="benchmark-chart-title"' in html
    # re-referrals of 5% or fewer: far below any LA's process, so consistently failed
    assert "Target consistently failed" in html
    assert "Missed" in html  # RAG of the latest value
    rebased = c.get(solihull.url("data-set/CSC-REREF/?rebase=2019")).content.decode()
    assert "the points from 2019" in rebased
    assert '<option value="2019" selected>' in rebased


def test_a_count_is_charted_without_the_england_and_region_totals(solihull, amira, client_for):
    """Referrals are a count: Solihull's line beside England's total would lie flat at zero."""
    page = client_for(amira).get(solihull.url("data-set/CSC-REF/"))
    chart = page.context["benchmark_chart"]
    assert [line.key for line in chart.lines] == ["la", "neighbours"]
    assert page.context["counts_not_charted"]
    assert 'id="counts-not-charted"' in page.content.decode()
    rate = client_for(amira).get(solihull.url("data-set/CSC-REREF/"))
    assert [line.key for line in rate.context["benchmark_chart"].lines][-1] == "england"
    assert 'id="counts-not-charted"' not in rate.content.decode()

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


def _figures_drawn(response) -> bool:
    return any(t.name == "dataset/_indicator_figures.html" for t in response.templates)


def test_the_figures_are_drawn_once_per_data_version_and_never_shown_stale(
    rhi, amira, helen, client_for
):
    """The charts, tables and verdicts are drawn once and kept while the partnership's data
    version stands (ADR 032); a revised value moves it on, so the next page draws them anew
    whether or not the summaries' task has run (ADR 023's rule)."""
    from assurance.dataset.collection import services as collection
    from assurance.dataset.collection.models import IndicatorValue
    from assurance.dataset.collection.rules import Entry
    from assurance.partnerships.access import actor_for_person

    c = client_for(amira)
    url = rhi.url("data-set/POL-RHI72/")
    first = c.get(url)
    assert _figures_drawn(first) and "72.6" in first.text
    again = c.get(url)
    assert not _figures_drawn(again) and "72.6" in again.text
    assert again.text.count('id="partnership-series"') == 1

    latest = IndicatorValue.objects_for(rhi.partnership).order_by("-round__period_start")[0]
    collection.value_revise(
        actor=actor_for_person(helen),
        value=latest,
        entry=Entry("70", "84", commentary="Two interviews recorded late."),
        reason="Late.",
    )
    revised = c.get(url)
    assert _figures_drawn(revised)
    assert "83.3" in revised.text and "(revised)" in revised.text


def test_a_target_changed_outside_the_services_is_drawn_anew(rhi, amira, client_for):
    """The key holds the year's target as read by the page, not only the data version: an
    operator's fix in the database is on the next page too."""
    from assurance.dataset.targets.models import IndicatorSetting

    c = client_for(amira)
    url = rhi.url("data-set/POL-RHI72/")
    assert "80.0%" in c.get(url).text
    IndicatorSetting.objects_for(rhi.partnership).update(target=Decimal(70))
    page = c.get(url)
    assert _figures_drawn(page) and "70.0%" in page.text and "80.0%" not in page.text


def test_each_area_and_rebase_is_drawn_for_itself(solihull, amira, client_for):
    from assurance.core.business_year import current_business_year

    IndicatorSettingFactory(
        partnership=solihull.partnership,
        indicator=Indicator.objects.get(code="CSC-REREF"),
        business_year=current_business_year(),
        target=Decimal("5"),
    )
    c = client_for(amira)
    england = c.get(solihull.url("data-set/CSC-REREF/?area=E92000001")).text
    solihull_page = c.get(solihull.url("data-set/CSC-REREF/")).text
    assert "Published figures: England" in england
    assert "Published figures: Solihull" in solihull_page
    rebased = c.get(solihull.url("data-set/CSC-REREF/?rebase=2019")).text
    assert "the points from 2019" in rebased
    assert "the points from 2019" not in c.get(solihull.url("data-set/CSC-REREF/")).text

"""Benchmarks for the partnership's LA (statistical neighbours, region, England, rank, band,
direction of travel) on the real DfE file; the targets page; the indicator page's assurance
verdict, rebase and benchmark chart; the benchmarks API."""

from __future__ import annotations

from decimal import Decimal

from assurance.dataset.benchmarks.comparisons import benchmark_panel, benchmark_panels
from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.targets.models import IndicatorSetting
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory
from assurance.partnerships.tests.factories import PriorityFactory

SOLIHULL = "E08000029"


def _value(code: str, area: str, year: str) -> Decimal | None:
    return Benchmark.objects.get(indicator__code=code, area_code=area, time_period=year).value


def test_panel_reproduces_the_published_figures(solihull):
    indicator = Indicator.objects.get(code="CSC-REREF")
    neighbours = solihull.partnership.neighbour_codes
    panel = benchmark_panel(indicator=indicator, la_code=SOLIHULL, neighbour_codes=neighbours)
    assert panel.time_period == "2025"
    assert panel.la is not None and panel.la.value == _value("CSC-REREF", SOLIHULL, "2025")
    assert panel.england is not None and panel.england.value == Decimal("22.6")
    assert panel.region is not None and panel.region.name == "West Midlands"
    expected = [_value("CSC-REREF", code, "2025") for code in neighbours]
    known = [v for v in expected if v is not None]
    assert panel.average.known == len(known) and panel.average.missing == 10 - len(known)
    assert panel.average.value == sum(known) / len(known)
    # re-referrals: lower is better; rank 1 is the lowest rate among all LAs that year
    all_las = Benchmark.objects.filter(
        indicator=indicator, area_level="local_authority", time_period="2025", value__isnull=False
    ).values_list("value", flat=True)
    assert panel.rank == 1 + sum(1 for v in all_las if v < panel.la.value)
    assert panel.of == len(all_las) and panel.band in {"A", "B", "C", "D"}
    assert panel.previous == _value("CSC-REREF", SOLIHULL, "2024")
    assert panel.direction is not None
    assert [r.time_period for r in panel.series][-1] == "2025"


def test_suppressed_neighbour_values_are_left_out_of_the_average(solihull):
    indicator = Indicator.objects.get(code="CSC-REREF")
    neighbours = solihull.partnership.neighbour_codes
    Benchmark.objects.filter(
        indicator=indicator, area_code=neighbours[0], time_period="2025"
    ).update(value=None, missing_reason="c")
    panel = benchmark_panel(indicator=indicator, la_code=SOLIHULL, neighbour_codes=neighbours)
    assert panel.neighbours[0].value is None and panel.neighbours[0].missing_reason == "c"
    rest = [_value("CSC-REREF", c, "2025") for c in neighbours[1:]]
    assert panel.average.missing >= 1
    assert panel.average.value == sum(v for v in rest if v is not None) / panel.average.known


def test_panels_for_many_indicators_take_a_fixed_number_of_queries(
    solihull, django_assert_num_queries
):
    indicators = list(Indicator.objects.all())
    neighbours = solihull.partnership.neighbour_codes
    with django_assert_num_queries(3):
        panels = benchmark_panels(
            indicators=indicators[:2], la_code=SOLIHULL, neighbour_codes=neighbours
        )
    with django_assert_num_queries(3):
        panels = benchmark_panels(
            indicators=indicators, la_code=SOLIHULL, neighbour_codes=neighbours
        )
    assert sum(1 for p in panels.values() if p.la) == 2  # the two indicators C1 maps


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


def test_targets_page_sets_target_tolerance_and_priorities_with_history(
    solihull, amira, dev, client_for
):
    from assurance.core.business_year import current_business_year

    year = current_business_year()
    priority = PriorityFactory(
        partnership=solihull.partnership, business_year=year, title="Neglect"
    )
    c = client_for(amira)
    url = solihull.url(f"data-set/targets/CSC-REREF/{year}/")
    bad = c.post(url, {"target": "120", "tolerance": "-1"})
    assert bad.status_code == 200
    page = bad.content.decode()
    assert "Enter a target between 0 and 100" in page and "Enter a tolerance of 0 or more" in page
    ok = c.post(url, {"target": "18", "tolerance": "2", "priorities": [priority.pk]})
    assert ok.status_code == 302
    setting = IndicatorSetting.objects_for(solihull.partnership).get(
        indicator__code="CSC-REREF", business_year=year
    )
    assert (setting.target, setting.tolerance) == (Decimal(18), Decimal(2))
    assert list(setting.priorities.all()) == [priority]
    c.post(url, {"target": "17", "tolerance": "2", "priorities": [priority.pk]})
    history = c.get(solihull.url(f"data-set/targets/CSC-REREF/{year}/history/")).content.decode()
    assert "Scorecard priorities: Neglect" in history and "17" in history
    listing = client_for(dev).get(solihull.url(f"data-set/targets/?year={year}")).content.decode()
    assert "Neglect" in listing and ">17<" in listing
    assert client_for(dev).post(url, {"target": "1"}).status_code == 403


def test_benchmarks_api(solihull, dev, client_for):
    c = client_for(dev)
    data = c.get(f"/api/v1/indicators/CSC-REREF/benchmarks?area={SOLIHULL}").json()
    assert data["area"] == SOLIHULL and data["time_period"] == "2025"
    assert data["england"]["value"] == "22.6000"
    assert len(data["neighbours"]) == 10  # the DfE 2025 model for an LA given by code
    assert data["neighbour_average"]["known"] + data["neighbour_average"]["missing"] == 10
    assert data["band"] in {"A", "B", "C", "D"} and data["direction"]
    assert [r["time_period"] for r in data["series"]][-1] == "2025"
    mine = c.get(f"/api/v1/indicators/CSC-REREF/benchmarks?partnership={solihull.slug}").json()
    assert mine["neighbours"] == data["neighbours"]
    assert c.get("/api/v1/indicators/CSC-REREF/benchmarks?area=E92000001").status_code == 400
    schema = c.get("/api/v1/openapi.json").content.decode()
    assert "/api/v1/indicators/{code}/benchmarks" in schema


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

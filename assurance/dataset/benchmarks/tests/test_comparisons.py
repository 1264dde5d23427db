"""Benchmarks for the partnership's LA (statistical neighbours, region, England, rank, band,
direction of travel) on the real DfE file, and the benchmarks API."""

from __future__ import annotations

from decimal import Decimal

from assurance.dataset.benchmarks.comparisons import benchmark_panel, benchmark_panels
from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.catalogue.models import Indicator

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
    assert sum(1 for p in panels.values() if p.la) == 3  # the three indicators C1 maps


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

"""The catalogue and indicator pages, and the /api/v1/indicators/ endpoints."""

from __future__ import annotations

import pytest

from assurance.dataset.benchmarks.reader import DATA_DIR
from assurance.dataset.benchmarks.services import benchmarks_import
from assurance.dataset.catalogue.services import catalogue_load

SOLIHULL = "E08000029"


@pytest.fixture
def loaded(northfield):
    northfield.partnership.la_code = SOLIHULL
    northfield.partnership.save()
    catalogue_load()
    benchmarks_import(
        path=DATA_DIR / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    )
    return northfield


def test_the_indicator_page_names_the_partnership_area_one_way(loaded, dev, client_for):
    """The published statistics call E08000029 "Solihull"; the partnership calls its area
    "Northfield": the comparison, its chart, the standing, the area choice and the target all
    say "Northfield", never the published name, "you" or "this area"."""
    p = loaded.partnership
    p.local_authority_name = "Northfield"
    p.save()
    html = client_for(dev).get(loaded.url("data-set/CSC-REREF/")).content.decode()
    main = html.split('<main class="govuk-main-wrapper"')[1].split("</main>")[0]
    assert "Solihull" not in main
    assert "this area" not in main.lower() and " you " not in main
    assert main.count("Northfield") >= 5
    assert '<option value="E08000029" selected>Northfield</option>' in main
    assert '<th scope="row" class="govuk-table__header">Northfield</th>' in main
    assert "In 2025, Northfield:" in main


def test_catalogue_page_lists_every_phase(loaded, dev, client_for):
    response = client_for(dev).get(loaded.url("data-set/"))
    assert response.status_code == 200
    html = response.content.decode()
    for phase in (1, 2, 3):
        assert f'id="phase-{phase}"' in html
    assert "Re-referrals within 12 months" in html


def test_indicator_page_shows_chart_and_table_for_the_partnership_la(loaded, dev, client_for):
    response = client_for(dev).get(loaded.url("data-set/CSC-REREF/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'role="img"' in html and 'id="series"' in html
    assert loaded.partnership.local_authority_name in html
    xmr = html.split('aria-labelledby="chart-title"')[1].split("</svg>")[0]
    assert xmr.count("<circle") == 13  # 2013-2025
    assert 'id="standing"' in html and "quartile band" in html
    england = client_for(dev).get(loaded.url("data-set/CSC-REREF/?area=E92000001"))
    assert "22.6" in england.content.decode()


def test_unknown_indicator_is_404(loaded, dev, client_for):
    assert client_for(dev).get(loaded.url("data-set/NOPE/")).status_code == 404


def test_pages_need_sign_in(loaded, client):
    assert client.get(loaded.url("data-set/")).status_code == 302


def test_api_catalogue_series_and_spc(loaded, dev, client_for):
    c = client_for(dev)
    catalogue = c.get("/api/v1/indicators/").json()
    assert {"CSC-REF", "POL-DA-CHILD", "WF-TURNOVER"} <= {i["code"] for i in catalogue}
    series = c.get("/api/v1/indicators/CSC-REREF/series?area=E92000001").json()
    last = series["points"][-1]
    assert last["time_period"] == "2025" and last["value"] == "22.6000"
    assert last["numerator"] == "142900.0000"
    spc = c.get(f"/api/v1/indicators/CSC-REREF/spc?area={SOLIHULL}").json()
    assert spc["polarity"] == "lower" and spc["variation"]
    assert len(spc["points"]) + len(spc["missing"]) == 13
    assert spc["groups"][0]["n"] == len(spc["points"])
    assert c.get("/api/v1/indicators/CSC-REREF/spc").json()["area"] == "E92000001"
    # neither an ONS code nor a slug: 400; a slug of no partnership of yours: 404
    assert c.get("/api/v1/indicators/CSC-REREF/spc?area=not%20an%20area").status_code == 400
    assert c.get("/api/v1/indicators/CSC-REREF/spc?area=nonsense").status_code == 404
    assert c.get("/api/v1/indicators/NOPE/series?area=E92000001").status_code == 404


def test_api_needs_authentication(loaded, client):
    assert client.get("/api/v1/indicators/").status_code in (401, 403)


def test_openapi_schema_lists_the_endpoints(loaded, dev, client_for):
    schema = client_for(dev).get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/indicators/" in paths
    assert "/api/v1/indicators/{code}/series" in paths
    assert "/api/v1/indicators/{code}/spc" in paths


def test_la_standing_uses_every_la_that_year(loaded):
    from assurance.dataset.benchmarks.models import Benchmark
    from assurance.dataset.benchmarks.selectors import la_standing
    from assurance.dataset.catalogue.models import Indicator

    indicator = Indicator.objects.get(code="CSC-REREF")
    standing = la_standing(indicator=indicator, la_code=SOLIHULL)
    assert standing is not None and standing.time_period == "2025"
    las = Benchmark.objects.filter(
        indicator=indicator, time_period="2025", area_level="local_authority", value__isnull=False
    )
    assert standing.of == las.count()
    better = las.filter(value__lt=standing.value).count()
    assert standing.rank == better + 1  # lower is better
    assert standing.band in {"A", "B", "C", "D"}


def test_api_catalogue_names_each_benchmark_source_or_why_there_is_none(loaded, dev, client_for):
    catalogue = {i["code"]: i for i in client_for(dev).get("/api/v1/indicators/").json()}
    assert catalogue["CSC-REF-RATE"]["benchmark_source"].startswith(
        "DfE, Characteristics of children in need, table C1"
    )
    assert catalogue["CSC-REF-RATE"]["no_benchmark_reason"] == ""
    assert catalogue["YJ-FTE"]["benchmark_source"].startswith("Youth Justice Board")
    assert catalogue["POL-DA-CHILD"]["benchmark_source"] == ""
    assert "police force area" in catalogue["POL-DA-CHILD"]["no_benchmark_reason"]
    for item in catalogue.values():
        assert bool(item["benchmark_source"]) != bool(item["no_benchmark_reason"]), item["code"]


def test_indicator_page_says_where_its_national_figures_come_from_or_why_none(
    loaded, dev, client_for
):
    c = client_for(dev)
    rereferrals = c.get(loaded.url("data-set/CSC-REREF/")).content.decode()
    assert 'id="benchmark-source">DfE, Characteristics of children in need, table C1' in (
        rereferrals
    )
    assert 'id="no-benchmark"' not in rereferrals
    html = c.get(loaded.url("data-set/POL-DA-CHILD/")).content.decode()
    assert 'id="no-benchmark"' in html and "Why there is no national figure" in html
    assert "published by police force area, not by local authority" in html
    # no empty chart of national statistics that do not exist
    assert "Published figures:" not in html and 'id="benchmark-source"' not in html
    assert "The chart below shows the published national statistics" not in html


def test_benchmarks_api_names_the_partnership_area_as_its_pages_do(loaded, dev, client_for):
    """Asked for a partnership, the API calls its area what the partnership calls it
    ("Northfield", as the indicator page does); asked for an ONS code, the published name."""
    p = loaded.partnership
    p.local_authority_name = "Northfield"
    p.save()
    c = client_for(dev)
    by_partnership = c.get(f"/api/v1/indicators/CSC-REREF/benchmarks?partnership={p.slug}")
    assert by_partnership.json()["la"]["name"] == "Northfield"
    assert c.get("/api/v1/indicators/CSC-REREF/benchmarks").json()["la"]["name"] == "Northfield"
    by_code = c.get(f"/api/v1/indicators/CSC-REREF/benchmarks?area={SOLIHULL}").json()
    assert by_code["la"]["name"] == "Solihull"

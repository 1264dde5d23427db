"""The partnership's own published series on the indicator page and through
/api/v1/indicators/{code}/series|spc?area=<partnership slug>: the XmR chart, the verdicts against
the partnership's target, revised points marked, commentary, and the permission layer."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assurance.core.business_year import current_business_year
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection.tests.factories import (
    CollectionRoundFactory,
    IndicatorValueFactory,
    RevisionFactory,
)
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory

# return-home interviews within 72 hours (a percentage, higher is better): steady around 50%
# then a jump beyond the upper process limit in the last quarter
FIGURES = [50, 52, 49, 51, 50, 48, 51, 50, 53, 75]


def publish_series(tenant, person, figures, *, code="POL-RHI72", revise_at=None):
    """Published quarterly rounds from April 2024, one police value each (out of 100)."""
    indicator = Indicator.objects.get(code=code)
    start = date(2024, 4, 1)
    values = []
    for i, figure in enumerate(figures):
        round = CollectionRoundFactory(
            partnership=tenant.partnership,
            start=start,
            status="published",
            published_at=timezone.now(),
        )
        values.append(
            IndicatorValueFactory(
                round=round,
                indicator=indicator,
                agency=tenant.police,
                numerator=Decimal(figure),
                denominator=Decimal(100),
                commentary=f"Quarter {i + 1} checked by the missing team." if i % 3 == 0 else "",
                entered_by=person,
            )
        )
        start = round.period_end + timedelta(days=1)
    if revise_at is not None:
        value = values[revise_at]
        RevisionFactory(
            value=value,
            old_numerator=value.numerator - 2,
            old_value=value.value - 2,
            reason="Two interviews recorded late.",
            revised_by=person,
        )
    return values


def set_target(tenant, target, code="POL-RHI72"):
    IndicatorSettingFactory(
        partnership=tenant.partnership,
        indicator=Indicator.objects.get(code=code),
        business_year=current_business_year(),
        target=Decimal(target),
    )


def test_indicator_page_charts_the_partnership_series_with_verdicts_and_revisions(
    northfield, catalogue, helen, amira, client_for
):
    publish_series(northfield, helen, FIGURES, revise_at=2)
    set_target(northfield, 40)
    html = client_for(amira).get(northfield.url("data-set/POL-RHI72/")).content.decode()
    assert 'id="own"' in html and "Figures reported by Northfield" in html
    chart = html.split('aria-labelledby="partnership-chart-title"')[1].split("</svg>")[0]
    assert chart.count('class="revised"') == 1  # the ring around the revised point
    assert chart.count("(revised after publication)") == 1
    assert "Q3 2024/25: 49.0 (revised after publication)" in chart
    table = html.split('id="partnership-series"')[1].split("</table>")[0]
    assert table.count('<tr class="govuk-table__row">') + table.count("data-revised") == 11
    assert table.count("data-revised") == 1
    assert table.count("(revised)") == 1
    revisions = html.split('id="partnership-revisions"')[1].split("</dl>")[0]
    assert "Q3 2024/25" in revisions and "47.0 to 49.0. Two interviews recorded late." in revisions
    assert "75.0" in table and ">100<" in table  # value and its denominator
    # verdicts from the partnership's series (mean 52.9, limits 47.2 to 58.6): the last point
    # is beyond the upper limit, higher being better; the target of 40 is below the limits
    assert "Special cause improving" in html.split('id="partnership-variation"')[1][:80]
    assert "mean 52.9, process limits 47.2 to 58.6" in html
    assert "Target consistently met" in html.split('id="assurance"')[1].split("</p>")[0]
    # the commentary history, newest first
    commentary = html.split('id="commentary"')[1]
    assert commentary.index("Quarter 10 checked") < commentary.index("Quarter 1 checked")
    # no national statistics for this police measure: no published-figures section
    assert "Published figures:" not in html


def test_rebase_recalculates_the_partnership_series(
    northfield, catalogue, helen, amira, client_for
):
    publish_series(northfield, helen, FIGURES)
    set_target(northfield, 40)
    c = client_for(amira)
    html = c.get(northfield.url("data-set/POL-RHI72/?rebase=Q2 2025/26")).content.decode()
    assert '<option value="Q2 2025/26" selected>' in html
    assert "the points from Q2 2025/26" in html
    assert "Hit and miss" in html  # the target falls within the later group's wider limits
    chart = html.split('aria-labelledby="partnership-chart-title"')[1].split("</svg>")[0]
    assert chart.count('stroke-dasharray="6 4"') == 4  # two groups, two limits each


def test_agency_return_without_published_values_says_so(northfield, catalogue, amira, client_for):
    html = client_for(amira).get(northfield.url("data-set/POL-RHI72/")).content.decode()
    assert 'id="own-none"' in html and "partnership-chart-title" not in html


def test_open_rounds_and_other_partnerships_values_stay_off_the_page(
    northfield, southvale, catalogue, helen, tamsin, amira, client_for
):
    publish_series(southvale, tamsin, [10, 90, 10])
    html = client_for(amira).get(northfield.url("data-set/POL-RHI72/")).content.decode()
    assert 'id="own-none"' in html and "90.0" not in html


def test_api_series_and_spc_for_a_partnership(
    northfield, southvale, catalogue, helen, dev, tamsin, client_for
):
    publish_series(northfield, helen, FIGURES, revise_at=2)
    set_target(northfield, 40)
    c = client_for(dev)
    series = c.get("/api/v1/indicators/POL-RHI72/series?area=northfield").json()
    assert (series["area"], series["area_name"], series["kind"]) == (
        "northfield",
        "Northfield",
        "partnership",
    )
    assert [p["value"] for p in series["points"]] == [f"{f}.0000" for f in FIGURES]
    third = series["points"][2]
    assert (third["time_period"], third["numerator"], third["denominator"]) == (
        "Q3 2024/25",
        "49.0000",
        "100.0000",
    )
    assert third["revised"] is True and third["revisions"][0]["old_value"] == "47.0000"
    assert [p["revised"] for p in series["points"]].count(True) == 1
    spc = c.get("/api/v1/indicators/POL-RHI72/spc?area=northfield").json()
    assert (spc["kind"], spc["target"]) == ("partnership", 40.0)
    assert (spc["variation"], spc["assurance"]) == ("special_cause_improving", "consistently_met")
    assert spc["groups"][0]["mean"] == pytest.approx(52.9)
    assert spc["points"][2]["revised"] is True and spc["points"][-1]["outside_limits"] is True
    # another partnership's slug (or one that names none) is 404, as is a stranger's request
    assert c.get("/api/v1/indicators/POL-RHI72/series?area=southvale").status_code == 404
    assert c.get("/api/v1/indicators/POL-RHI72/spc?area=southvale").status_code == 404
    assert c.get("/api/v1/indicators/POL-RHI72/spc?area=nowhere").status_code == 404
    assert (
        client_for(tamsin).get("/api/v1/indicators/POL-RHI72/series?area=northfield").status_code
        == 404
    )
    # the partnership endpoint is unchanged and agrees
    same = c.get("/api/v1/partnerships/northfield/indicators/POL-RHI72/series").json()
    assert [p["value"] for p in same["points"]] == [p["value"] for p in series["points"]]
    # national statistics are still there by ONS code
    england = c.get("/api/v1/indicators/POL-RHI72/series?area=e92000001").json()
    assert (england["area"], england["kind"]) == ("E92000001", "national_statistics")


@pytest.mark.parametrize("quarters", [4, 16])
def test_queries_do_not_grow_with_the_number_of_periods(
    quarters, northfield, catalogue, helen, amira, client_for, django_assert_max_num_queries
):
    publish_series(northfield, helen, [50 + i % 5 for i in range(quarters)], revise_at=1)
    c = client_for(amira)
    c.get(northfield.url("data-set/POL-RHI72/"))  # warm the session
    # 9 and 7 queries today, whether 4 or 16 quarters (one query per period would exceed them)
    with django_assert_max_num_queries(12):
        assert c.get(northfield.url("data-set/POL-RHI72/")).status_code == 200
    with django_assert_max_num_queries(8):
        assert c.get("/api/v1/indicators/POL-RHI72/spc?area=northfield").status_code == 200
    # the series also reads whether the indicator is collected by locality (one query more)
    with django_assert_max_num_queries(9):
        assert c.get("/api/v1/indicators/POL-RHI72/series?area=northfield").status_code == 200


STEP = [50, 52, 49, 51, 50, 48, 51, 50, 53, 51, 70, 72, 71, 73, 70, 72, 71]  # a new level


def test_the_chart_draws_the_target_and_unit_at_round_ticks(
    northfield, catalogue, helen, amira, client_for
):
    publish_series(northfield, helen, FIGURES)
    set_target(northfield, 80)
    html = client_for(amira).get(northfield.url("data-set/POL-RHI72/")).content.decode()
    chart = html.split('aria-labelledby="partnership-chart-title"')[1].split("</svg>")[0]
    assert chart.count('class="target"') == 1
    assert ">Per cent (%)</text>" in chart
    ticks = [t.split("</text>")[0] for t in chart.split('dominant-baseline="middle">')[1:]]
    assert ticks and all(float(t.replace(",", "")) % 5 == 0 for t in ticks), ticks
    assert ticks[-1] == "80"  # the target is in view, at the top
    assert "with the target of 80.0%" in html and "Red dotted line: the target (80.0%)" in html


def test_a_step_change_is_named_with_a_link_to_rebase(
    northfield, catalogue, helen, amira, client_for
):
    publish_series(northfield, helen, STEP)
    url = northfield.url("data-set/POL-RHI72/")
    html = client_for(amira).get(url).content.decode()
    note = html.split('id="step-change"')[1].split("</div>")[0]
    assert "Every point from Q3 2026/27 on (7 points) is special cause" in note
    assert "rebase=Q3+2026%2F27#assurance" in note  # the rebase form's own choice
    # once rebased there, the new level has its own limits and the offer goes
    rebased = client_for(amira).get(url, {"rebase": "Q3 2026/27"}).content.decode()
    assert 'id="step-change"' not in rebased
    assert '<option value="Q3 2026/27" selected>' in rebased
    steady = client_for(amira).get(url.replace("POL-RHI72", "CSC-REF")).content.decode()
    assert 'id="step-change"' not in steady

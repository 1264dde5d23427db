"""Read-only pages of the data set: the indicator catalogue and an indicator's benchmarks as an
XmR chart with its data table."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.views.generic import TemplateView

from assurance.partnerships.viewmixins import PartnershipViewMixin

from . import selectors
from .charts import xmr_chart
from .indicator_extras import (
    ASSURANCE_LABELS,
    comparison_context,
    rebase_positions,
    series_spc_with_target,
)
from .models import Indicator
from .spc import Variation

VARIATION_LABELS = {
    Variation.COMMON_CAUSE: "Common cause",
    Variation.IMPROVING: "Special cause improving",
    Variation.CONCERNING: "Special cause concerning",
    Variation.NEITHER_HIGH: "Special cause (high)",
    Variation.NEITHER_LOW: "Special cause (low)",
}


class IndicatorListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/indicator_list.html"
    section = "dataset"
    page_title = "Data set"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicators = list(selectors.indicator_list())
        context["phases"] = [
            (phase, [i for i in indicators if i.phase == phase]) for phase in (1, 2, 3)
        ]
        return context


class IndicatorDetailView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/indicator_detail.html"
    section = "dataset"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicator: Indicator | None = selectors.indicator_by_code(code=kwargs["code"])
        if indicator is None:
            raise Http404("No such indicator")
        la_code = self.partnership.la_code or ""
        areas = selectors.benchmark_areas(indicator=indicator, la_code=la_code)
        area = self.request.GET.get("area") or (areas[0]["code"] if areas else la_code)
        if area not in {a["code"] for a in areas}:
            area = areas[0]["code"]
        rows = selectors.benchmark_series(indicator=indicator, area_code=area)
        labels = [r.time_period for r in rows]
        extras = comparison_context(partnership=self.partnership, indicator=indicator)
        rebase_at, rebase = rebase_positions(labels, self.request.GET)
        spc = selectors.SeriesSpc(
            rows=rows,
            result=series_spc_with_target(
                indicator=indicator,
                values=[float(r.value) if r.value is not None else None for r in rows],
                # the partnership's target applies to its own LA, not to the region or England
                target=extras["target"] if area == la_code else None,
                rebase_at=rebase_at,
            ),
        )
        points = {p.index: p for p in spc.result.points}
        context.update(
            indicator=indicator,
            areas=areas,
            area=area,
            area_name=next((a["name"] for a in areas if a["code"] == area), area),
            table=[
                (
                    row,
                    {"variation_label": VARIATION_LABELS[points[i].variation]}
                    if i in points
                    else None,
                )
                for i, row in enumerate(rows)
            ],
            variation_label=VARIATION_LABELS.get(spc.result.variation, "")
            if spc.result.variation
            else "",
            spc=spc.result,
            group=spc.result.groups[-1] if spc.result.groups else None,
            **extras,
            chart=xmr_chart(spc.result, labels),
            standing=selectors.la_standing(indicator=indicator, la_code=la_code)
            if la_code
            else None,
            labels=labels,
            rebase=rebase,
            assurance_label=ASSURANCE_LABELS.get(spc.result.assurance, "")
            if spc.result.assurance
            else "",
            can_manage_targets=self.actor.can("indicator.manage"),
            page_title=indicator.title,
            breadcrumbs=[
                {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")}
            ],
        )
        return context

"""Read-only pages of the data set: the indicator catalogue and an indicator's benchmarks as an
XmR chart with its data table."""

from __future__ import annotations

from collections.abc import Sequence
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
)
from .models import Indicator, Source
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


def xmr_context(
    *,
    indicator: Indicator,
    rows: Sequence[Any],
    target: Any = None,
    rebase_at: Sequence[int] = (),
) -> dict[str, Any]:
    """One XmR chart of the indicator page, its verdicts and its data table, for published
    national statistics (``Benchmark`` rows) or the partnership's own series (``SeriesPoint``
    rows, whose revised points are marked on the chart and in the table)."""
    labels = [r.time_period for r in rows]
    result = selectors.series_spc(
        indicator=indicator, rows=rows, target=target, rebase_at=rebase_at
    ).result
    points = {p.index: p for p in result.points}
    return {
        "spc": result,
        "group": result.groups[-1] if result.groups else None,
        "chart": xmr_chart(
            result, labels, revised=[bool(getattr(r, "revised", False)) for r in rows]
        ),
        "table": [
            (
                row,
                {"variation_label": VARIATION_LABELS[points[i].variation]} if i in points else None,
            )
            for i, row in enumerate(rows)
        ],
        "variation_label": VARIATION_LABELS.get(result.variation, "") if result.variation else "",
        "assurance_label": ASSURANCE_LABELS.get(result.assurance, "") if result.assurance else "",
        "labels": labels,
        "revised": [r for r in rows if getattr(r, "revised", False)],
    }


class IndicatorDetailView(PartnershipViewMixin, TemplateView):
    """An indicator: the partnership's own published series as the primary XmR chart when its
    agencies report it (agency returns, from quarterly collection), with the target's assurance
    verdict, the rebase form and the commentary history; then the published national statistics
    for its local authority, region or England (the primary chart when there is no own series)."""

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
        own_rows = selectors.partnership_series(partnership=self.partnership, indicator=indicator)
        extras = comparison_context(partnership=self.partnership, indicator=indicator)
        target = extras["target"]
        if own_rows:
            # the partnership's series is primary: the target, its verdict and the rebase are its
            rebase_at, rebase = rebase_positions(
                [r.time_period for r in own_rows], self.request.GET
            )
            own = xmr_context(
                indicator=indicator, rows=own_rows, target=target, rebase_at=rebase_at
            )
            published = xmr_context(indicator=indicator, rows=rows)
            primary = own
        else:
            rebase_at, rebase = rebase_positions([r.time_period for r in rows], self.request.GET)
            own = None
            published = xmr_context(
                indicator=indicator,
                rows=rows,
                # the partnership's target applies to its own LA, not to the region or England
                target=target if area == la_code else None,
                rebase_at=rebase_at,
            )
            primary = published
        context.update(
            indicator=indicator,
            areas=areas,
            area=area,
            area_name=next((a["name"] for a in areas if a["code"] == area), area),
            **extras,
            own=own,
            reports_own=own is not None or indicator.source == Source.AGENCY_RETURN,
            commentary=[(r.time_period, r.commentary) for r in reversed(own_rows) if r.commentary],
            published=published,
            # the target, assurance verdict and rebase form (_assurance.html) follow the primary
            spc=primary["spc"],
            group=primary["group"],
            labels=primary["labels"],
            assurance_label=primary["assurance_label"],
            rebase=rebase,
            standing=selectors.la_standing(indicator=indicator, la_code=la_code)
            if la_code
            else None,
            can_manage_targets=self.actor.can("indicator.manage"),
            page_title=indicator.title,
            breadcrumbs=[
                {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")}
            ],
        )
        return context

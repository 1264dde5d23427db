"""Pages of the data set's performance: the indicator page (the partnership's series and the
national figures as XmR charts, target verdict, benchmarks), the scorecards per priority and the
exception report for the executive (page, PDF, Word)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404
from django.template.loader import render_to_string
from django.views.generic import TemplateView

from assurance.core.business_year import (
    business_year_from,
    business_year_label,
    current_business_year,
)
from assurance.core.documents import Report
from assurance.core.registry import priority_evidence_for
from assurance.dataset.benchmarks import selectors
from assurance.dataset.benchmarks.comparisons import own_area_name
from assurance.dataset.catalogue import selectors as catalogue_selectors
from assurance.dataset.catalogue.models import Indicator, Source
from assurance.dataset.catalogue.versions import series_breaks
from assurance.dataset.charts.icons import SPC_KEY, SPC_KEY_DIGEST
from assurance.dataset.charts.small_multiples import small_multiples
from assurance.dataset.charts.spc import Variation, recent_step_change
from assurance.dataset.charts.xmr import xmr_chart
from assurance.dataset.collection import selectors as collection_selectors
from assurance.dataset.performance import breakdowns, display
from assurance.dataset.performance import selectors as performance_selectors
from assurance.dataset.performance.exceptions import (
    Exception_,
    exception_items,
    exception_report,
)
from assurance.dataset.performance.indicator import (
    ASSURANCE_LABELS,
    FIGURES_SECONDS,
    comparison_context,
    figures_key,
    rebase_positions,
)
from assurance.dataset.performance.services import TableState, summaries_current, table_state
from assurance.dataset.summaries.selectors import summary_stamp
from assurance.dataset.summaries.services import summary_stamp_claim
from assurance.dataset.targets import selectors as targets
from assurance.partnerships.access import get_of_partnership
from assurance.partnerships.models import Partnership, Priority
from assurance.partnerships.viewmixins import DocumentView, PartnershipViewMixin


def _kept_rows(
    partnership: Partnership,
    business_year: int,
    values: Sequence[tuple[Any, ...]],
    draw: Callable[[dict[str, Any]], list[Any]],
    *,
    page: Sequence[object],
    counted: bool = True,
) -> tuple[Sequence[Any], str]:
    """A page's rows of the year's summary rows for the settings of ``values``
    (``targets.REPORTED_FIELDS``) and the key they are kept drawn under (ADR 032), with the
    notes by locality ``draw`` adds to them. While every summary row is current
    (``services.table_state``), the rows drawn before, worked out only if the cache has lost
    them (``counted``: the page needs their number, the settings they come from); otherwise
    drawn now (computing what is not current) and kept under the state's key from then on (or
    their own digest, if the data version moved on meanwhile or there was none). ``page``
    names the page and what it draws besides the rows (its area's name)."""
    notes = breakdowns.locality_notes_of(
        partnership=partnership, indicator_ids=[v[0] for v in values]
    )

    def state_now() -> TableState:
        return table_state(
            partnership=partnership,
            business_year=business_year,
            values=values,
            extra=[*page, partnership.slug, notes],
        )

    if not values:  # nothing to show: nothing to keep
        rows = draw(notes)
        return rows, display.digest(rows, partnership_id=partnership.pk)
    state = state_now()
    if state.key is not None:
        return display.DrawnRows(state.count if counted else None, lambda: draw(notes)), state.key
    before = state.stamp
    if before is None:  # never summarised: the version the rows will be computed at, first
        summary_stamp_claim(partnership=partnership)
        before = summary_stamp(partnership=partnership)
    rows = draw(notes)
    after = state_now()
    # kept under the state's key only if the data version did not move on while they were
    # drawn (every change moves it): else they may be of the version before, and the key of
    # the version after would show them as current. Then their own digest, as the cards.
    if after.key is not None and before is not None and after.stamp == before:
        return rows, after.key
    return rows, display.digest(rows, partnership_id=partnership.pk)


class ScorecardListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/scorecard/list.html"
    section = "scorecards"
    page_title = "Scorecards"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = business_year_from(self.request.GET.get("year"))
        this_year = current_business_year()
        context.update(
            year=year,
            year_label=business_year_label(year),
            years=[(y, business_year_label(y)) for y in range(this_year - 2, this_year + 1)],
            layout=targets.priority_indicators(partnership=self.partnership, business_year=year),
            can_manage=self.actor.can("indicator.manage"),
        )
        return context


class ScorecardView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/scorecard/detail.html"
    section = "scorecards"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        priority = get_of_partnership(self.actor, Priority, "indicator.view", kwargs["pk"])
        in_detail = self.request.GET.get("view") == "cards"
        la_name = own_area_name(self.partnership)
        rows: Sequence[Any]
        if in_detail:
            rows = self._rows(priority, la_name=la_name, in_detail=True)
            rows_key = display.digest(rows, partnership_id=self.partnership.pk)
        else:
            # the table as drawn before when every row is still current (ADR 032): its rows
            # are read and worked out only if the cache has lost it
            rows, rows_key = _kept_rows(
                self.partnership,
                priority.business_year,
                targets.priority_setting_values(partnership=self.partnership, priority=priority),
                lambda notes: self._rows(priority, la_name=la_name, in_detail=False, notes=notes),
                page=["scorecard", priority.pk, la_name],
            )
        context.update(
            priority=priority,
            year_label=business_year_label(priority.business_year),
            rows=rows,
            rows_key=rows_key,
            cards=in_detail,
            # what other capabilities measured for the priority (training: each linked course's
            # change in its practitioners), through the registry
            evidence=priority_evidence_for(self.actor, priority),
            key=SPC_KEY,
            key_digest=SPC_KEY_DIGEST,
            la_name=la_name,
            page_title=f"Scorecard: {priority.title}" + (" in detail" if in_detail else ""),
            can_manage=self.actor.can("indicator.manage"),
            breadcrumbs=[
                {
                    "text": "Scorecards",
                    "href": f"{self.partnership_url('dataset:scorecard_list')}"
                    f"?year={priority.business_year}",
                }
            ],
        )
        return context

    def _rows(
        self,
        priority: Priority,
        *,
        la_name: str,
        in_detail: bool,
        notes: dict[str, Any] | None = None,
    ) -> list[Any]:
        """The priority's rows, from its current summary rows (computed first if any is not):
        the table's, or the cards' (``in_detail``), each with its note by locality."""
        under = targets.priority_settings(partnership=self.partnership, priority=priority)
        # for the table, only the columns it shows
        summaries = summaries_current(
            partnership=self.partnership,
            business_year=priority.business_year,
            settings=under,
            priority=priority,
            fields=() if in_detail else display.TABLE_FIELDS,
        )
        shown = [summaries[s.indicator_id] for s in under if s.indicator_id in summaries]
        hrefs = display.indicator_hrefs(self.partnership.slug, (r.indicator.code for r in shown))
        # each row's cells worked out once, drawn by one loop, kept drawn per content (display)
        rows: list[Any] = (
            display.cards(shown, hrefs=hrefs, la_name=la_name)
            if in_detail
            else display.table_rows(shown, hrefs=hrefs)
        )
        if notes is None:
            notes = breakdowns.locality_notes(
                partnership=self.partnership, indicators=[r.indicator for r in shown]
            )
        breakdowns.with_locality_notes(rows, notes)
        return rows


class ExceptionReportView(DocumentView):
    permission = "indicator.view"
    template_name = "dataset/scorecard/exceptions.html"
    section = "scorecards"
    page_title = "Exception report"

    @cached_property
    def year(self) -> int:
        return business_year_from(self.request.GET.get("year"))

    @cached_property
    def items(self) -> list[Exception_]:
        return exception_items(partnership=self.partnership, business_year=self.year)

    def get_report(self) -> Report:
        return exception_report(
            partnership=self.partnership, business_year=self.year, items=self.items
        )

    def get_filename(self) -> str:
        return f"exception-report-{self.year}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # the entries as drawn before while every summary row is current (ADR 032)
        items, items_key = _kept_rows(
            self.partnership,
            self.year,
            targets.reported_setting_values(partnership=self.partnership, business_year=self.year),
            self._cards,
            page=["exceptions"],
            counted=False,  # the exceptions among them are known once read
        )
        context.update(
            year=self.year,
            year_label=business_year_label(self.year),
            items=items,
            items_key=items_key,
            margin=self.partnership.exception_margin,
            can_manage=self.actor.can("partnership.manage"),
            breadcrumbs=[
                {"text": "Scorecards", "href": self.partnership_url("dataset:scorecard_list")}
            ],
        )
        return context

    def _cards(self, notes: dict[str, Any]) -> list[Any]:
        """The year's exceptions as the page's entries, each with its note by locality."""
        hrefs = display.indicator_hrefs(
            self.partnership.slug, (e.row.indicator.code for e in self.items)
        )
        items: list[Any] = display.exception_cards(self.items, hrefs=hrefs)
        breakdowns.with_locality_notes(items, notes)
        return items


VARIATION_LABELS = {
    Variation.COMMON_CAUSE: "Common cause",
    Variation.IMPROVING: "Special cause improving",
    Variation.CONCERNING: "Special cause concerning",
    Variation.NEITHER_HIGH: "Special cause (high)",
    Variation.NEITHER_LOW: "Special cause (low)",
}


def xmr_context(
    *,
    indicator: Indicator,
    rows: Sequence[Any],
    target: Any = None,
    rebase_at: Sequence[int] = (),
    own: bool = False,
) -> dict[str, Any]:
    """One XmR chart of the indicator page, its verdicts and its data table, for published
    national statistics (``Benchmark`` rows) or the partnership's ``own`` series (``SeriesPoint``
    rows of quarters: revised points are marked on the chart and in the table, and every fourth
    quarter is labelled)."""
    labels = [r.time_period for r in rows]
    result = performance_selectors.series_spc(
        indicator=indicator, rows=rows, target=target, rebase_at=rebase_at
    ).result
    points = {p.index: p for p in result.points}
    step = recent_step_change(result)
    return {
        "spc": result,
        "group": result.groups[-1] if result.groups else None,
        "chart": xmr_chart(
            result,
            labels,
            revised=[bool(getattr(r, "revised", False)) for r in rows],
            label_every=4 if own else 1,
            unit=indicator.axis_unit,
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
        "target_text": indicator.with_unit(result.target),
        "revised": [r for r in rows if getattr(r, "revised", False)],
        # the latest points all special cause at a new level: offer to rebase from the first
        "step_change": {"label": labels[step], "count": sum(p.index >= step for p in result.points)}
        if step is not None
        else None,
    }


def _with_rebase_link(step: dict[str, Any] | None, *, area: str) -> dict[str, Any] | None:
    """The step change with the link that recalculates the limits from it (the rebase form's
    own query, so the choice shows in the form and can be undone there)."""
    if step is None:
        return None
    return {**step, "href": "?" + urlencode({"area": area, "rebase": step["label"]}) + "#assurance"}


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
        indicator: Indicator | None = catalogue_selectors.indicator_by_code(
            code=kwargs["code"], partnership=self.partnership
        )
        if indicator is None:
            raise Http404("No such indicator")
        la_code = self.partnership.la_code or ""
        areas = selectors.benchmark_areas(
            indicator=indicator, la_code=la_code, la_name=own_area_name(self.partnership)
        )
        area = self.request.GET.get("area") or (areas[0]["code"] if areas else la_code)
        if area not in {a["code"] for a in areas}:
            area = areas[0]["code"]
        context.update(
            indicator=indicator,
            areas=areas,
            area=area,
            area_name=next((a["name"] for a in areas if a["code"] == area), area),
            can_manage_targets=self.actor.can("indicator.manage"),
            by_locality=catalogue_selectors.collected_by_locality(
                partnership=self.partnership, indicator=indicator
            ),
            page_title=indicator.title,
            breadcrumbs=[
                {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")}
            ],
        )
        # The series, their charts and tables, the comparison: drawn once per data version
        # (ADR 032), under the key of everything they are drawn from besides the figures.
        key = figures_key(
            partnership=self.partnership,
            indicator=indicator,
            version=summary_stamp_claim(partnership=self.partnership),
            area=area,
            rebase=str(self.request.GET.get("rebase") or ""),
            can_manage=context["can_manage_targets"],
        )
        figures = cache.get(key)
        if figures is None:
            figures = render_to_string(
                "dataset/_indicator_figures.html",
                {**context, **self.figures_context(indicator=indicator, area=area)},
                request=self.request,
            )
            cache.set(key, figures, FIGURES_SECONDS)
        context["figures"] = figures
        return context

    def figures_context(self, *, indicator: Indicator, area: str) -> dict[str, Any]:
        la_code = self.partnership.la_code or ""
        rows = selectors.benchmark_series(indicator=indicator, area_code=area)
        own_rows = collection_selectors.partnership_series(
            partnership=self.partnership, indicator=indicator
        )
        extras = comparison_context(partnership=self.partnership, indicator=indicator)
        target = extras["target"]
        # a local indicator's changed definition starts a new series on its chart
        changes = catalogue_selectors.definition_changes(indicator=indicator)
        starts = [r.period_start for r in own_rows]
        breaks = [
            (own_rows[at[0]].time_period, change)
            for change in changes
            if (at := series_breaks(starts, [change.starts]))
        ]
        if own_rows:
            # the partnership's series is primary: the target, its verdict and the rebase are its
            rebase_at, rebase = rebase_positions(
                [r.time_period for r in own_rows], self.request.GET
            )
            own = xmr_context(
                indicator=indicator,
                rows=own_rows,
                target=target,
                rebase_at=sorted({*rebase_at, *series_breaks(starts, [c.starts for c in changes])}),
                own=True,
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
        return {
            **extras,
            "own": own,
            "reports_own": own is not None or indicator.source == Source.AGENCY_RETURN,
            "series_breaks": breaks,
            "definition_changes": changes,
            "commentary": [
                (r.time_period, r.commentary) for r in reversed(own_rows) if r.commentary
            ],
            "published": published,
            # the target, assurance verdict and rebase form (_assurance.html) follow the primary
            "spc": primary["spc"],
            "group": primary["group"],
            "labels": primary["labels"],
            "assurance_label": primary["assurance_label"],
            "rebase": rebase,
            "step_change": _with_rebase_link(primary["step_change"], area=area),
            "standing": selectors.la_standing(indicator=indicator, la_code=la_code)
            if la_code
            else None,
        }


class LocalityBreakdownView(PartnershipViewMixin, TemplateView):
    """An indicator collected by locality: the partnership's published figures by locality, as
    small multiples (one small chart per locality, on one scale) and as the table they draw."""

    permission = "indicator.view"
    template_name = "dataset/locality_breakdown.html"
    section = "dataset"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicator = catalogue_selectors.indicator_by_code(
            code=kwargs["code"], partnership=self.partnership
        )
        if indicator is None or not catalogue_selectors.collected_by_locality(
            partnership=self.partnership, indicator=indicator
        ):
            raise Http404("No indicator collected by locality has that code")
        breakdown = collection_selectors.locality_breakdown(
            partnership=self.partnership, indicator=indicator
        )
        places = indicator.decimal_places
        chart = small_multiples(
            [row.time_period for row in breakdown.rows],
            [
                (loc.name, [row.cells[i] for row in breakdown.rows])
                for i, loc in enumerate(breakdown.localities)
            ],
            places=places,
        )
        detail_url = self.partnership_url("dataset:indicator_detail", indicator.code)
        context.update(
            indicator=indicator,
            breakdown=breakdown,
            rows=list(reversed(breakdown.rows)),  # the newest first in the table
            chart=chart,
            places=places,
            page_title=f"{indicator.title} by locality",
            breadcrumbs=[
                {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")},
                {"text": indicator.title, "href": detail_url},
            ],
        )
        return context

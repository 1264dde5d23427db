"""What the findings page and the audit report show for one standard (pure: no database, no
markup): the chart of the proportion meeting it by agency (``core.charts``), its table's rows as
text, and the change since the earlier audit as a phrase. Templates draw them
(``charts/_proportion_chart.html``, ``audits/_findings_table.html``); the report puts the same
rows in its PDF and Word tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from assurance.audits.findings import Change, OptionInfo
from assurance.core.charts import NONE_ASSESSED, ProportionChart, Share, proportion_chart
from assurance.core.stats import p_value_text, percent, percent_points

ALL_AGENCIES = "All agencies"


class StandardFindings(Protocol):
    """One standard's findings (``selectors.ItemFindings``): summaries by agency and overall."""

    @property
    def item(self) -> Any: ...  # the standard: its code

    @property
    def options(self) -> Sequence[OptionInfo]: ...

    @property
    def overall(self) -> Mapping[str, Any]: ...

    @property
    def by_agency(self) -> Sequence[tuple[str, Mapping[str, Any]]]: ...

    @property
    def change(self) -> Change | None: ...


class FindingsRow(NamedTuple):
    """One agency's row (or all agencies'): its name, then the count of each response, the
    number meeting the standard of those assessed with the percentage, and the 95% interval."""

    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class FindingsTable:
    caption: str
    header: tuple[str, ...]  # "Agency", each response option, "Meeting the standard", …
    rows: tuple[FindingsRow, ...]  # by agency
    total: FindingsRow  # all agencies


@dataclass(frozen=True)
class FindingsFigure:
    chart: ProportionChart
    table: FindingsTable
    change: str  # the change since the earlier audit ("" when there is none)


def meeting_and_interval(summary: Mapping[str, Any]) -> tuple[str, str]:
    """The number meeting the standard of those assessed, with the percentage, and the 95%
    interval: "9 of 21 (43%)" and "24% to 63%"; "None assessed" and "–" without any."""
    if summary["proportion"] is None:
        return NONE_ASSESSED, "–"
    return (
        f"{summary['meeting']} of {summary['assessed']} ({percent(summary['proportion'])})",
        f"{percent(summary['low'])} to {percent(summary['high'])}",
    )


def findings_row(label: str, summary: Mapping[str, Any]) -> FindingsRow:
    counts = [str(int(n)) for n in summary["counts"].values()]
    return FindingsRow(label, (*counts, *meeting_and_interval(summary)))


def change_text(change: Change | None) -> str:
    """The change since the earlier audit as a phrase, "+65 percentage points – Improved
    (p < 0.001)"; "" without an earlier audit."""
    if change is None:
        return ""
    difference = "" if change.difference is None else f"{percent_points(change.difference)} – "
    p_value = "" if change.p_value is None else f" ({p_value_text(change.p_value)})"
    return f"{difference}{change.verdict}{p_value}"


def _share(label: str, summary: Mapping[str, Any], total: bool = False) -> Share:
    return Share(label, summary["proportion"], summary["low"], summary["high"], total)


def findings_chart(findings: StandardFindings) -> ProportionChart:
    """A bar per agency and one for all agencies: the proportion meeting the standard with its
    95% interval."""
    return proportion_chart(
        [
            *(_share(name, summary) for name, summary in findings.by_agency),
            _share(ALL_AGENCIES, findings.overall, total=True),
        ],
        description=f"Bar chart of the proportion meeting {findings.item.code}, by agency, "
        "with 95% intervals. The table that follows gives the figures.",
    )


def findings_table(findings: StandardFindings) -> FindingsTable:
    return FindingsTable(
        caption=f"Responses to {findings.item.code} by agency",
        header=(
            "Agency",
            *(option.label for option in findings.options),
            "Meeting the standard",
            "95% interval",
        ),
        rows=tuple(findings_row(name, summary) for name, summary in findings.by_agency),
        total=findings_row(ALL_AGENCIES, findings.overall),
    )


def findings_figure(findings: StandardFindings) -> FindingsFigure:
    return FindingsFigure(
        chart=findings_chart(findings),
        table=findings_table(findings),
        change=change_text(findings.change),
    )

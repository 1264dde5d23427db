"""Template helpers for findings: percentages and an accessible SVG of proportions."""

from __future__ import annotations

from functools import lru_cache
from html import escape as _escape
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from assurance.core.stats import p_value_text

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


@register.filter
def percent_points(value: float | None) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{abs(value) * 100:.0f} percentage points"


BAR_WIDTH = 400
ROW_HEIGHT = 28
LABEL_WIDTH = 200
LABEL_CHARS = 28
TEXT = 'font-family="Arial, sans-serif" font-size="13" fill="#0b0c0c"'

# The findings page draws a chart and a table for each of about 24 standards × 10 agencies, so
# these are built as strings: every piece of text is escaped with the standard library's
# ``html.escape`` (what Django's ``escape`` does, without its lazy-string wrapper, which cost
# more than the escaping on a page of 10,000 pieces); numbers are formatted by us. The parts
# that are the same for every standard (an agency's label at its row, the axis, the table's
# header) are built once per process.


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _text(x: float, y: float, text: str, css: str, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {TEXT} class="{css}">'
        f"{_escape(text)}</text>"
    )


@lru_cache(maxsize=1024)
def _row_label(index: int, label: str) -> str:
    return _text(LABEL_WIDTH - 8, index * ROW_HEIGHT + 19, _short(label), "app-chart__label", "end")


@lru_cache(maxsize=64)
def _axis(rows: int) -> str:
    axis_y = rows * ROW_HEIGHT + 20
    return "".join(
        _text(LABEL_WIDTH + tick / 100 * BAR_WIDTH, axis_y, f"{tick}%", "app-chart__tick", "middle")
        for tick in (0, 25, 50, 75, 100)
    )


NONE_ASSESSED_X = LABEL_WIDTH
VALUE_X = LABEL_WIDTH + BAR_WIDTH + 6


@register.simple_tag
def proportion_bars(findings: Any) -> SafeString:
    """A horizontal bar per agency (and overall): the proportion meeting the standard, with its
    95% interval as a line. The table that follows has the same data, for everyone.

    Colours are presentation attributes, so the chart looks the same in the page and the PDF.
    """
    rows = [*findings.by_agency, ("All agencies", findings.overall)]
    height = ROW_HEIGHT * len(rows) + 24
    parts = []
    for index, (label, summary) in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        parts.append(_row_label(index, label))
        proportion = summary["proportion"]
        if proportion is None:
            parts.append(_text(NONE_ASSESSED_X, y + 15, "None assessed", "app-chart__label"))
            continue
        colour = "#1d70b8" if label == "All agencies" else "#5694ca"
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{proportion * BAR_WIDTH:.1f}" height="18" '
            f'fill="{colour}"></rect>'
            f'<line x1="{LABEL_WIDTH + summary["low"] * BAR_WIDTH:.1f}" '
            f'x2="{LABEL_WIDTH + summary["high"] * BAR_WIDTH:.1f}" y1="{y + 9}" '
            f'y2="{y + 9}" stroke="#0b0c0c" stroke-width="2"></line>'
            f'<text x="{VALUE_X:.1f}" y="{y + 15:.1f}" text-anchor="start" {TEXT} '
            f'class="app-chart__value">{percent(proportion)}</text>'
        )
    parts.append(_axis(len(rows)))
    label = (
        f"Bar chart of the proportion meeting {findings.item.code}, by agency, with 95% "
        "intervals. The table that follows gives the figures."
    )
    return mark_safe(  # noqa: S308 - every text above is escaped
        f'<svg class="app-chart" viewBox="0 0 {LABEL_WIDTH + BAR_WIDTH + 60} {height}" '
        f'role="img" aria-label="{_escape(label)}" focusable="false">{"".join(parts)}</svg>'
    )


NUM = '<td class="govuk-table__cell govuk-table__cell--numeric">'


def _result_cells(summary: dict[str, Any]) -> str:
    counts = "".join([f"{NUM}{int(n)}</td>" for n in summary["counts"].values()])
    if summary["proportion"] is None:
        meeting, interval = "None assessed", "–"
    else:
        meeting = (
            f"{summary['meeting']} of {summary['assessed']} ({percent(summary['proportion'])})"
        )
        interval = f"{percent(summary['low'])} to {percent(summary['high'])}"
    return f"{counts}{NUM}{meeting}</td>{NUM}{interval}</td>"


@lru_cache(maxsize=256)
def _table_head(labels: tuple[str, ...]) -> str:
    header = "".join(
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">'
        f"{_escape(label)}</th>"
        for label in labels
    )
    return (
        '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" '
        f'class="govuk-table__header">Agency</th>{header}<th scope="col" '
        'class="govuk-table__header govuk-table__header--numeric">Meeting the standard</th>'
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">95% interval'
        "</th></tr></thead>"
    )


@lru_cache(maxsize=1024)
def _row_head(name: str) -> str:
    return (
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header '
        f'govuk-!-font-weight-regular">{_escape(name)}</th>'
    )


@register.simple_tag
def findings_table(findings: Any) -> SafeString:
    """The data table of one standard's findings, by agency and overall."""
    rows = "".join(
        [f"{_row_head(name)}{_result_cells(summary)}</tr>" for name, summary in findings.by_agency]
    )
    total = (
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">All '
        f"agencies</th>{_result_cells(findings.overall)}</tr>"
    )
    head = _table_head(tuple(o.label for o in findings.options))
    return mark_safe(  # noqa: S308 - every text above is escaped
        '<table class="govuk-table app-table--compact"><caption class="govuk-table__caption '
        f'govuk-visually-hidden">Responses to {_escape(findings.item.code)} by agency</caption>'
        f'{head}<tbody class="govuk-table__body">{rows}{total}</tbody></table>'
    )


@register.simple_tag
def change_since(change: Any) -> SafeString:
    """The change in a standard since the earlier audit, with its p-value (one string per
    standard rather than a dozen template lookups and filters)."""
    if change is None:
        return mark_safe("")
    difference = "" if change.difference is None else f"{percent_points(change.difference)} – "
    p_value = "" if change.p_value is None else f" ({p_value_text(change.p_value)})"
    return mark_safe(  # noqa: S308 - the verdict is escaped, the rest are our numbers
        '<p class="govuk-body-s">Change since the earlier audit: '
        f"{difference}{_escape(change.verdict)}{p_value}</p>"
    )


@register.simple_tag
def findings_figure(findings: Any, learning_url: str = "") -> SafeString:
    """One standard's figure: its caption, chart, table, the link to record learning about it
    (when ``learning_url`` is given) and the change since the earlier audit. One tag per
    standard rather than a dozen template lookups and tags: the page has about 24."""
    item = findings.item
    code, text = _escape(item.code), _escape(item.text)
    link = (
        f'<p class="govuk-body-s"><a class="govuk-link" href="{_escape(learning_url)}&amp;'
        f'standard={item.pk}">Record learning about {code}<span class="govuk-visually-hidden"> '
        f"{text}</span></a></p>"
        if learning_url
        else ""
    )
    return mark_safe(  # noqa: S308 - every text is escaped here or in the tags called
        f'<figure class="app-figure">\n  <figcaption class="govuk-heading-s">{code} {text}'
        f"</figcaption>\n  {proportion_bars(findings)}\n  {findings_table(findings)}\n  {link}\n"
        f"  {change_since(findings.change)}\n</figure>"
    )

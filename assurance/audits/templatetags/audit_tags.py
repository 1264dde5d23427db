"""Template helpers for findings: percentages and an accessible SVG of proportions."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

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


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _n(value: float) -> str:
    return f"{value:.1f}"


def _text(x: Any, y: Any, text: str, css: str, anchor: str = "start") -> SafeString:
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" {} class="{}">{}</text>',
        x,
        y,
        anchor,
        SafeString(TEXT),
        css,
        text,
    )


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
        parts.append(_text(LABEL_WIDTH - 8, y + 15, _short(label), "app-chart__label", "end"))
        if summary["proportion"] is None:
            parts.append(_text(LABEL_WIDTH, y + 15, "None assessed", "app-chart__label"))
            continue
        total = label == "All agencies"
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="18" fill="{}"></rect>',
                LABEL_WIDTH,
                y,
                _n(summary["proportion"] * BAR_WIDTH),
                "#1d70b8" if total else "#5694ca",
            )
        )
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#0b0c0c" stroke-width="2"></line>',
                _n(LABEL_WIDTH + summary["low"] * BAR_WIDTH),
                _n(LABEL_WIDTH + summary["high"] * BAR_WIDTH),
                y + 9,
                y + 9,
            )
        )
        parts.append(
            _text(
                LABEL_WIDTH + BAR_WIDTH + 6,
                y + 15,
                percent(summary["proportion"]),
                "app-chart__value",
            )
        )
    axis_y = len(rows) * ROW_HEIGHT + 20
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            _text(
                _n(LABEL_WIDTH + tick / 100 * BAR_WIDTH),
                axis_y,
                f"{tick}%",
                "app-chart__tick",
                "middle",
            )
        )
    return format_html(
        '<svg class="app-chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'focusable="false">{}</svg>',
        LABEL_WIDTH + BAR_WIDTH + 60,
        height,
        f"Bar chart of the proportion meeting {findings.item.code}, by agency, with 95% "
        "intervals. The table that follows gives the figures.",
        SafeString("".join(parts)),
    )

"""Template helpers for findings: percentages and an accessible SVG of proportions."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
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
LABEL_WIDTH = 170


@register.simple_tag
def proportion_bars(findings: Any) -> SafeString:
    """A horizontal bar per agency (and overall): the proportion meeting the standard, with its
    95% interval as a line. Decorative for screen readers: the table beside it has the data."""
    rows = [*findings.by_agency, ("All agencies", findings.overall)]
    height = ROW_HEIGHT * len(rows) + 24
    parts = []
    for index, (label, summary) in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="app-chart__label">{}</text>',
                LABEL_WIDTH - 8,
                y + 15,
                label,
            )
        )
        if summary["proportion"] is None:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" class="app-chart__label">{}</text>',
                    LABEL_WIDTH,
                    y + 15,
                    "None assessed",
                )
            )
            continue
        width = summary["proportion"] * BAR_WIDTH
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{:.1f}" height="18" class="app-chart__bar{}"></rect>',
                LABEL_WIDTH,
                y,
                width,
                " app-chart__bar--total" if label == "All agencies" else "",
            )
        )
        low, high = summary["low"] * BAR_WIDTH, summary["high"] * BAR_WIDTH
        parts.append(
            format_html(
                '<line x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}" class="app-chart__interval"></line>',
                LABEL_WIDTH + low,
                LABEL_WIDTH + high,
                y + 9,
                y + 9,
            )
        )
        parts.append(
            format_html(
                '<text x="{:.1f}" y="{}" class="app-chart__value">{}</text>',
                LABEL_WIDTH + BAR_WIDTH + 6,
                y + 15,
                percent(summary["proportion"]),
            )
        )
    axis_y = len(rows) * ROW_HEIGHT + 8
    ticks = format_html_join(
        "",
        '<text x="{:.1f}" y="{}" text-anchor="middle" class="app-chart__tick">{}%</text>',
        ((LABEL_WIDTH + t / 100 * BAR_WIDTH, axis_y + 12, t) for t in (0, 25, 50, 75, 100)),
    )
    return format_html(
        '<svg class="app-chart" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}" '
        'focusable="false">{}{}</svg>',
        LABEL_WIDTH + BAR_WIDTH + 60,
        height,
        f"Bar chart of the proportion meeting {findings.item.code}, by agency, with 95% "
        "intervals. The table below gives the figures.",
        SafeString("".join(parts)),
        ticks,
    )

"""Template helpers for findings: what to draw for one standard (``audits.figures``)."""

from __future__ import annotations

from django import template

from assurance.audits.figures import FindingsFigure, StandardFindings, findings_figure

register = template.Library()


@register.simple_tag(name="findings_figure")
def findings_figure_tag(findings: StandardFindings) -> FindingsFigure:
    """``{% findings_figure f as figure %}``: the chart's geometry, the table's rows and the
    change since the earlier audit of one standard, for the templates to draw."""
    return findings_figure(findings)

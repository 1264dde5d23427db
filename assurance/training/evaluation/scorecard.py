"""Training on a priority's scorecard (``core.registry.PriorityEvidence``): each course linked to
the priority shows its change before → three months after in the same practitioners, per
learning outcome and measure, linking to its evaluation. The data set reads it through the
registry; it does not import training."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from assurance.core.business_year import business_year_label
from assurance.core.registry import ChangeFigure, PriorityEvidence
from assurance.training.evaluation import analysis, figures, selectors

HEADING = (
    "Change three months after the course in its sessions of {year} (1 April to 31 March), "
    "in the same practitioners (ratings 1 to 10), as the year's training evaluation report "
    "gives it"
)


def change_figure(label: str, change: analysis.PairedChange) -> ChangeFigure:
    return ChangeFigure(
        label=label,
        n_pairs=change.n_pairs,
        change=figures.signed(change.mean_change),
        interval=figures.interval_text(change),
        verdict=figures.verdict(change),
        caution=change.caution_text if change.caution else "",
    )


def priority_evidence(actor: Any, priority: Any) -> list[PriorityEvidence]:
    found = []
    for course in selectors.priority_course_changes(actor=actor, priority=priority):
        # the year's report: its figures are these (the course's own page counts every year)
        href = reverse("training:annual_report", args=[course.course.partnership.slug])
        href += f"?year={priority.business_year}"
        found.append(
            PriorityEvidence(
                kind="Training course",
                title=course.course.title,
                href=href,
                heading=HEADING.format(year=business_year_label(priority.business_year)),
                figures=tuple(
                    change_figure(f"{row.outcome} ({row.measure})", row.change)
                    for row in course.rows
                ),
            )
        )
    return found

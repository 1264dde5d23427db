"""Training on a priority's scorecard (``core.registry.PriorityEvidence``): each course linked to
the priority shows its change before → three months after in the same practitioners, per
learning outcome and measure, linking to its evaluation. The data set reads it through the
registry; it does not import training."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from assurance.core.registry import ChangeFigure, PriorityEvidence
from assurance.training.evaluation import analysis, figures, selectors

HEADING = "Change three months after the course, in the same practitioners (ratings 1 to 10)"


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
        href = reverse(
            "training:course_evaluation", args=[course.course.partnership.slug, course.course.pk]
        )
        found.append(
            PriorityEvidence(
                kind="Training course",
                title=course.course.title,
                href=href,
                heading=HEADING,
                figures=tuple(
                    change_figure(f"{row.outcome} ({row.measure})", row.change)
                    for row in course.rows
                ),
            )
        )
    return found

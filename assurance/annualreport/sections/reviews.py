"""The annual report's reviews section: the year's serious incident notifications, rapid
reviews and the partners' decisions, practice reviews published (the reviews app's annual
figures, counts only), and the actions taken in the year or planned on the practice reviews'
recommendations, each with its progress and measured impact, never naming a case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from assurance.annualreport.sections.assembly import Cell, Figure, Section, Table
from assurance.core.business_year import business_year_bounds
from assurance.core.links import link
from assurance.improvement.actions.models import ActionState, ImpactAssessment, ImpactOutcome
from assurance.improvement.actions.selectors import action_list
from assurance.partnerships.access import Actor
from assurance.reviews.board.annual import annual_figures, share
from assurance.reviews.board.report import review_facts
from assurance.reviews.rapid_reviews.models import Outcome

IMPACTS = dict(ImpactOutcome.choices)


def impact_text(outcome: str) -> str:
    """An action's latest measured impact as the report's tables of actions word it."""
    return IMPACTS[outcome] if outcome else "Not yet assessed"


# From an action to the practice reviews whose learning its recommendation answers (the golden
# thread: a review's findings are learning items, their recommendations, the actions on them)
REVIEWS = "recommendation__learning_items__practice_reviews"


@dataclass(frozen=True)
class ReviewAction:
    """An action on a practice review's recommendation, as the report lists it."""

    published_on: date | None  # the review's report published (None: not yet)
    recommendation: str
    pk: int
    title: str
    state: str
    due: date
    completed: date | None
    impact: str  # the latest impact assessment's outcome ("" when none)


def review_actions(*, actor: Actor, year: int) -> list[ReviewAction]:
    """The actions taken in the business year, or planned, on the recommendations of the
    partnership's practice reviews (Working Together's "decisions and actions taken in the
    report's period, or planned to be taken"): every action on them but those completed before
    the year began and those cancelled, by review then due date. One query; an action answering
    two reviews is listed under each."""
    start, _end = business_year_bounds(year)
    latest_impact = Subquery(
        ImpactAssessment.unscoped.filter(action=OuterRef("pk"))
        .order_by("-assessed_at", "-pk")
        .values("outcome")[:1]
    )
    rows = (
        action_list(actor=actor)
        .filter(**{f"{REVIEWS}__isnull": False})
        .exclude(state=ActionState.COMPLETE, completed_at__lt=start)
        .exclude(state=ActionState.CANCELLED)
        .annotate(latest_impact=latest_impact)
        .order_by(f"{REVIEWS}__incident__became_aware_on", f"{REVIEWS}__pk", "due_date", "pk")
        .values_list(
            f"{REVIEWS}__published_on",
            "recommendation__title",
            "pk",
            "title",
            "state",
            "due_date",
            "completed_at",
            "latest_impact",
        )
        .distinct()
    )
    return [
        ReviewAction(published, recommendation, pk, title, state, due, completed, impact or "")
        for published, recommendation, pk, title, state, due, completed, impact in rows
    ]


def _progress(action: ReviewAction, cut: date) -> str:
    """Delivered (when), overdue at the year's end (or today, if sooner), or due."""
    if action.state == ActionState.COMPLETE and action.completed:
        return f"Delivered {action.completed:%-d %B %Y}"
    if action.due < cut:
        return f"Overdue: was due {action.due:%-d %B %Y}"
    return f"Due {action.due:%-d %B %Y}"


def reviews_section(*, actor: Actor, year: int) -> Section:
    """The reviews app's annual summary (counts only), and the actions taken in the year on
    the practice reviews' recommendations with their progress and measured impact (each review
    named by when its report was published, never by its case)."""
    figures = annual_figures(review_facts(actor=actor), year)
    summary = link("reviews:annual_summary", actor.partnership.slug) + f"?year={year}"
    outcomes = dict(Outcome.choices)
    section = Section("reviews")
    section.figures += [
        Figure("Serious incident notifications", str(figures.notifications), summary),
        Figure(
            "Notified to the Panel within 5 working days",
            share(figures.notified_in_time, figures.notified),
            summary,
        ),
        Figure(
            "Rapid reviews sent to the Panel within 15 working days",
            share(figures.rapid_reviews_in_time, figures.rapid_reviews_sent),
            summary,
        ),
        Figure("Practice reviews published", str(figures.published), summary),
    ]
    section.tables.append(
        Table(
            "The safeguarding partners' decisions on rapid reviews",
            ["Decision", "Reviews"],
            [
                [Cell(outcomes.get(k, k)), Cell(str(n), summary)]
                for k, n in sorted(figures.decisions.items())
            ],
        )
    )
    cut = min(business_year_bounds(year)[1], timezone.localdate())
    section.tables.append(
        Table(
            "Actions on the practice reviews' recommendations",
            ["Practice review", "Recommendation", "Action", "Progress", "Measured impact"],
            [
                [
                    Cell(
                        f"Published {a.published_on:%-d %B %Y}"
                        if a.published_on
                        else "Not yet published"
                    ),
                    Cell(a.recommendation),
                    Cell(a.title, link("improvement:action_detail", actor.partnership.slug, a.pk)),
                    Cell(_progress(a, cut)),
                    Cell(impact_text(a.impact)),
                ]
                for a in review_actions(actor=actor, year=year)
            ],
        )
    )
    return section

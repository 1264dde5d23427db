"""The annual summary of serious incidents and reviews, for the executive and the annual report:
a ``core.documents.Report`` (page, PDF and Word through the shared document view). Counts and
themes only: no reference, no date and no detail of any child's case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from django.utils import timezone

from assurance.core.business_year import business_year_label
from assurance.core.documents import Report, Table
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import Actor
from assurance.reviews.board.annual import (
    AnnualFigures,
    Facts,
    annual_figures,
    information_in_time,
    share,
)
from assurance.reviews.board.selectors import rows_for, with_rapid_reviews
from assurance.reviews.clock.selectors import closure_days
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.models import AgeBand, IncidentType, SeriousIncident
from assurance.reviews.rapid_reviews.models import Outcome


def review_facts(*, actor: Actor, today: date | None = None) -> list[Facts]:
    """Every review of the partnership as facts for the summary (anonymised counts: the
    summary is for everyone who may see the board's counts)."""
    actor.require("review.summary")
    today = today or timezone.localdate()
    incidents = list(with_rapid_reviews(SeriousIncident.objects_for(actor.partnership)))
    closures = {actor.partnership.pk: closure_days(partnership=actor.partnership)}
    facts = []
    for row in rows_for(incidents, today, closures):
        incident, timeline = row.incident, row.timeline
        review = getattr(incident, "rapid_review", None)
        publication = timeline.get("publication")
        facts.append(
            Facts(
                became_aware_on=incident.became_aware_on,
                incident_type=incident.incident_type,
                age_band=incident.age_band,
                notification_due=timeline.get("notification").due,  # type: ignore[union-attr]
                notified_on=incident.notified_on,
                rapid_review_due=timeline.get("rapid_review").due,  # type: ignore[union-attr]
                rapid_review_sent_on=review.sent_on if review else None,
                decision=review.decision if review else "",
                decided_on=review.decided_on if review else None,
                publication_due=publication.due if publication else None,
                published_on=publication.done_on if publication else None,
            )
        )
    return facts


def review_themes(*, actor: Actor, year: int) -> list[tuple[str, int]]:
    """The learning themes of the practice reviews' findings learned in the year."""
    counts: dict[str, int] = {}
    for title in (
        LearningTheme.objects_for(actor.partnership)
        .filter(
            items__practice_reviews__isnull=False,
            items__learned_on__gte=date(year, 4, 1),
            items__learned_on__lte=date(year + 1, 3, 31),
        )
        .values_list("title", flat=True)
    ):
        counts[title] = counts.get(title, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def annual_report(
    *, partnership: Any, figures: AnnualFigures, themes: list[tuple[str, int]]
) -> Report:
    label = business_year_label(figures.year)
    report = Report(
        title=f"Serious incidents and reviews {label}",
        subtitle="Annual summary for the executive and the annual report",
        organisation=partnership.name,
    )
    report.paragraph(
        "Counts only: no child's case can be identified from this summary. Deadlines are "
        "counted in working days from the day the local authority became aware, leaving out "
        "weekends, England and Wales bank holidays and the partnership's closure days."
    )
    report.heading("Notifications and rapid reviews")
    report.table(
        Table(
            caption=f"Serious incidents the local authority became aware of in {label}",
            header=["Measure", "Figure"],
            rows=[
                ["Serious incident notifications", str(figures.notifications)],
                [
                    "Notified to the Panel within 5 working days",
                    share(figures.notified_in_time, figures.notified),
                ],
                [
                    "Rapid reviews sent to the Panel within 15 working days",
                    share(figures.rapid_reviews_in_time, figures.rapid_reviews_sent),
                ],
                [
                    "Agencies' information for the rapid reviews answered by its due date",
                    share(figures.information_in_time, figures.information_asked),
                ],
            ],
        )
    )
    kinds = dict(IncidentType.choices)
    ages = dict(AgeBand.choices)
    report.table(
        Table(
            caption="What happened, and the children's ages",
            header=["", "Notifications"],
            rows=[[kinds.get(k, k), str(n)] for k, n in sorted(figures.by_type.items())]
            + [
                [f"Aged {ages.get(k, k).lower()}", str(n)]
                for k, n in sorted(figures.by_age.items())
            ],
        ),
        empty="No serious incidents were notified this year.",
    )
    report.heading("Decisions and practice reviews")
    outcomes = dict(Outcome.choices)
    report.table(
        Table(
            caption=f"The safeguarding partners' decisions taken in {label}",
            header=["Decision", "Reviews"],
            rows=[[outcomes.get(k, k), str(n)] for k, n in sorted(figures.decisions.items())],
        ),
        empty="The safeguarding partners took no decisions on rapid reviews this year.",
    )
    in_time = share(figures.published_in_time, figures.published)
    report.paragraph(
        f"Practice reviews published in {label}: {figures.published}; published within six "
        f"months of the decision to undertake them: {in_time}."
    )
    report.heading("Themes of the practice reviews' learning")
    if themes:
        report.bullets([f"{title} ({n} finding{'s' if n != 1 else ''})" for title, n in themes])
    else:
        report.paragraph("No finding of a practice review was given a theme this year.")
    return report


def information_dates(*, actor: Actor) -> list[tuple[date, date, date | None]]:
    """Each information request's date sent, due date and date submitted (counts only)."""
    actor.require("review.summary")
    return list(
        InformationRequest.objects_for(actor.partnership).values_list(
            "requested_on", "due_on", "submitted_on"
        )
    )


def build_annual_report(*, actor: Actor, year: int) -> Report:
    in_time, asked = information_in_time(information_dates(actor=actor), year)
    figures = replace(
        annual_figures(review_facts(actor=actor), year),
        information_asked=asked,
        information_in_time=in_time,
    )
    return annual_report(
        partnership=actor.partnership, figures=figures, themes=review_themes(actor=actor, year=year)
    )

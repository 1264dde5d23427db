"""Reads of the deadline board: each review the actor may open with its timeline, and the
anonymised summary everyone in the partnership may see (counts by stage, and how many are
late), whatever the number of reviews in a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from assurance.partnerships.access import Actor
from assurance.reviews.board.timeline import STAGES, Timeline, review_timeline
from assurance.reviews.clock.rules import is_late
from assurance.reviews.clock.selectors import closure_days, closure_days_by_partnership
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.selectors import incident_list
from assurance.reviews.practice_reviews.models import Publication


@dataclass(frozen=True)
class Row:
    incident: SeriousIncident
    timeline: Timeline
    information_late: tuple[str, ...] = ()  # the agencies whose information is late


def timeline_of(incident: SeriousIncident, today: date, closures: frozenset[date]) -> Timeline:
    review = getattr(incident, "rapid_review", None)
    practice = getattr(incident, "practice_review", None)
    extra: dict[str, Any] = {}
    if practice is not None:
        extra = {
            "published_on": practice.published_on,
            "not_publishing": practice.publication == Publication.NOT_PUBLISH,
            "planned_publication_on": practice.planned_publication_on,
            "report_sent_on": practice.report_sent_on,
            "notice_working_days": practice.notice_working_days,
        }
    return review_timeline(
        became_aware_on=incident.became_aware_on,
        notified_on=incident.notified_on,
        rapid_review_sent_on=review.sent_on if review else None,
        decision=review.decision if review else "",
        decided_on=review.decided_on if review else None,
        today=today,
        closures=closures,
        **extra,
    )


def with_rapid_reviews(incidents: QuerySet[SeriousIncident]) -> QuerySet[SeriousIncident]:
    """The incidents with their rapid and practice reviews, in the same query."""
    return incidents.select_related("rapid_review", "practice_review", "partnership")


def rows_for(
    incidents: Iterable[SeriousIncident], today: date, closures: dict[int, frozenset[date]]
) -> list[Row]:
    return [
        Row(
            incident,
            timeline_of(incident, today, closures.get(incident.partnership_id, frozenset())),
        )
        for incident in incidents
    ]


def board_rows(*, actor: Actor, today: date | None = None, open_only: bool = True) -> list[Row]:
    """The reviews the actor may open, with their deadlines; open ones first by next deadline."""
    today = today or timezone.localdate()
    closures = {actor.partnership.pk: closure_days(partnership=actor.partnership)}
    incidents = with_rapid_reviews(incident_list(actor=actor)).prefetch_related(
        Prefetch(
            "information_requests",
            queryset=InformationRequest.unscoped.select_related("agency").order_by("agency__name"),
        )
    )
    rows = [
        replace(
            row,
            information_late=tuple(
                r.agency.short_name
                for r in row.incident.information_requests.all()
                if is_late(due=r.due_on, done_on=r.submitted_on, today=today)
            ),
        )
        for row in rows_for(incidents, today, closures)
    ]
    if open_only:
        rows = [row for row in rows if row.timeline.stage != "closed"]
    return sorted(
        rows,
        key=lambda row: (
            row.timeline.next is None,
            row.timeline.next.due if row.timeline.next else date.max,
            row.incident.reference,
        ),
    )


@dataclass(frozen=True)
class Summary:
    """What anyone in the partnership may know: no reference, no dates, no details."""

    by_stage: list[tuple[str, str, int]]  # (stage, label, count)
    total: int
    late_now: int
    rapid_reviews_late: int


def board_summary(*, actor: Actor, today: date | None = None) -> Summary:
    actor.require("review.summary")
    today = today or timezone.localdate()
    closures = closure_days(partnership=actor.partnership)
    timelines = [
        timeline_of(incident, today, closures)
        for incident in with_rapid_reviews(SeriousIncident.objects_for(actor.partnership))
    ]
    stages = Counter(t.stage for t in timelines)
    return Summary(
        by_stage=[(key, label, stages[key]) for key, label in STAGES.items()],
        total=len(timelines),
        late_now=sum(t.late_now for t in timelines),
        rapid_reviews_late=sum(bool((d := t.get("rapid_review")) and d.late) for t in timelines),
    )


def closures_for(incidents: Iterable[Any]) -> dict[int, frozenset[date]]:
    return closure_days_by_partnership(
        partnership_ids=sorted({incident.partnership_id for incident in incidents})
    )

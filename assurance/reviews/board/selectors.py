"""Reads of the deadline board: each review the actor may open with its timeline, and the
anonymised summary everyone in the partnership may see (counts by stage, and how many are
late), whatever the number of reviews in a fixed number of queries.

The board reads each review's dates as plain values (``Facts``: one query for the
partnership's reviews, their rapid and practice reviews), works out every timeline once, and
uses the same timelines for the counts and for the rows: no model instances, no second pass.
By default it shows the open reviews and those closed in the last twelve months (the business
unit's working set); older ones by the year they closed, or all of them, on request."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from assurance.partnerships.access import Actor
from assurance.reviews.board.timeline import STAGES, Timeline, review_timeline
from assurance.reviews.clock.selectors import closure_days, closure_days_by_partnership
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.selectors import incident_list
from assurance.reviews.practice_reviews.models import Publication
from assurance.reviews.rapid_reviews.models import Outcome

RECENT_DAYS = 365  # closed reviews the board shows by default: those closed in the last year

# Each fact of a review and the lookup that reads it, in one query over the incidents
LOOKUPS = {
    "pk": "pk",
    "partnership_id": "partnership_id",
    "slug": "partnership__slug",
    "reference": "reference",
    "incident_type": "incident_type",
    "age_band": "age_band",
    "looked_after": "looked_after",
    "became_aware_on": "became_aware_on",
    "notified_on": "notified_on",
    "sent_on": "rapid_review__sent_on",
    "decision": "rapid_review__decision",
    "decided_on": "rapid_review__decided_on",
    "scrutinised_on": "rapid_review__scrutineer_reviewed_on",
    "publication": "practice_review__publication",
    "published_on": "practice_review__published_on",
    "planned_publication_on": "practice_review__planned_publication_on",
    "report_sent_on": "practice_review__report_sent_on",
    "notice_working_days": "practice_review__notice_working_days",
}


@dataclass(frozen=True)
class Facts:
    """What the board, the API and the reminders need of one review: its reference and
    dates, read as values."""

    pk: int
    partnership_id: int
    slug: str
    reference: str
    incident_type: str
    age_band: str
    looked_after: bool
    became_aware_on: date
    notified_on: date | None
    sent_on: date | None
    decision: str
    decided_on: date | None
    scrutinised_on: date | None
    publication: str
    published_on: date | None
    planned_publication_on: date | None
    report_sent_on: date | None
    notice_working_days: int | None

    @property
    def decision_label(self) -> str:
        return Outcome(self.decision).label if self.decision else ""


def review_facts(incidents: QuerySet[SeriousIncident]) -> list[Facts]:
    """The incidents' facts, in one query."""
    rows = incidents.order_by("pk").values_list(*LOOKUPS.values())
    names = list(LOOKUPS)
    found = []
    for row in rows:
        values = dict(zip(names, row, strict=True))
        values["decision"] = values["decision"] or ""
        values["publication"] = values["publication"] or ""
        found.append(Facts(**values))
    return found


def facts_of(incident: SeriousIncident) -> Facts:
    """One incident's facts from its model (a review's page, the reminders)."""
    review = getattr(incident, "rapid_review", None)
    practice = getattr(incident, "practice_review", None)
    return Facts(
        pk=incident.pk,
        partnership_id=incident.partnership_id,
        slug=incident.partnership.slug,
        reference=incident.reference,
        incident_type=incident.incident_type,
        age_band=incident.age_band,
        looked_after=incident.looked_after,
        became_aware_on=incident.became_aware_on,
        notified_on=incident.notified_on,
        sent_on=review.sent_on if review else None,
        decision=review.decision if review else "",
        decided_on=review.decided_on if review else None,
        scrutinised_on=review.scrutineer_reviewed_on if review else None,
        publication=practice.publication if practice else "",
        published_on=practice.published_on if practice else None,
        planned_publication_on=practice.planned_publication_on if practice else None,
        report_sent_on=practice.report_sent_on if practice else None,
        notice_working_days=practice.notice_working_days if practice else None,
    )


def timeline_from(facts: Facts, today: date, closures: frozenset[date]) -> Timeline:
    extra: dict[str, Any] = {}
    if facts.notice_working_days is not None:  # a practice review is recorded
        extra = {
            "published_on": facts.published_on,
            "not_publishing": facts.publication == Publication.NOT_PUBLISH,
            "planned_publication_on": facts.planned_publication_on,
            "report_sent_on": facts.report_sent_on,
            "notice_working_days": facts.notice_working_days,
        }
    return review_timeline(
        became_aware_on=facts.became_aware_on,
        notified_on=facts.notified_on,
        rapid_review_sent_on=facts.sent_on,
        decision=facts.decision,
        decided_on=facts.decided_on,
        today=today,
        closures=closures,
        **extra,
    )


def timeline_of(incident: SeriousIncident, today: date, closures: frozenset[date]) -> Timeline:
    return timeline_from(facts_of(incident), today, closures)


@dataclass(frozen=True)
class Row:
    incident: SeriousIncident
    timeline: Timeline


def with_rapid_reviews(incidents: QuerySet[SeriousIncident]) -> QuerySet[SeriousIncident]:
    """The incidents with their rapid and practice reviews, in the same query."""
    return incidents.select_related("rapid_review", "practice_review", "partnership")


def rows_for(
    incidents: Iterable[SeriousIncident], today: date, closures: dict[int, frozenset[date]]
) -> list[Row]:
    """Model instances with their timelines (the reminders and the annual summary)."""
    return [
        Row(
            incident,
            timeline_of(incident, today, closures.get(incident.partnership_id, frozenset())),
        )
        for incident in incidents
    ]


@dataclass(frozen=True)
class BoardRow:
    review: Facts
    timeline: Timeline
    information_late: tuple[str, ...] = ()  # the agencies whose information is late


@dataclass(frozen=True)
class Summary:
    """What anyone in the partnership may know: no reference, no dates, no details."""

    by_stage: list[tuple[str, str, int]]  # (stage, label, count)
    total: int
    late_now: int
    rapid_reviews_late: int


@dataclass(frozen=True)
class Board:
    summary: Summary
    rows: list[BoardRow]  # those shown, open ones first by next deadline
    closed_years: list[int]  # the years reviews the actor may open were closed, latest first
    hidden: int  # reviews the actor may open that the chosen view leaves out


SHOW_RECENT, SHOW_OPEN, SHOW_ALL = "", "open", "all"


def shown(timeline: Timeline, show: str, today: date) -> bool:
    """Whether the board's view ``show`` includes a review: "" the open ones and those closed in
    the last twelve months, "open", "all", or a year ("2019": those closed that year)."""
    if timeline.stage != "closed":
        return show in (SHOW_RECENT, SHOW_OPEN, SHOW_ALL)
    closed_on = timeline.closed_on or date.min
    if show == SHOW_RECENT:
        return closed_on > today - timedelta(days=RECENT_DAYS)
    if show == SHOW_ALL:
        return True
    return show.isdigit() and closed_on.year == int(show)


def _summary(timelines: Iterable[Timeline]) -> Summary:
    stages: Counter[str] = Counter()
    total = late_now = rapid_late = 0
    for t in timelines:
        stages[t.stage] += 1
        total += 1
        late_now += t.late_now
        rapid_late += bool((d := t.get("rapid_review")) and d.late)
    return Summary(
        by_stage=[(key, label, stages[key]) for key, label in STAGES.items()],
        total=total,
        late_now=late_now,
        rapid_reviews_late=rapid_late,
    )


def information_late(*, incident_ids: list[int], today: date) -> dict[int, tuple[str, ...]]:
    """For each incident, the agencies whose information is late (answered after its due date,
    or not yet and past it), in one query."""
    found: dict[int, list[str]] = defaultdict(list)
    late = InformationRequest.unscoped.filter(incident_id__in=incident_ids).filter(
        Q(submitted_on__isnull=True, due_on__lt=today) | Q(submitted_on__gt=F("due_on"))
    )
    for incident_id, name in late.order_by("agency__name").values_list(
        "incident_id", "agency__short_name"
    ):
        found[incident_id].append(name)
    return {pk: tuple(names) for pk, names in found.items()}


def board(*, actor: Actor, today: date | None = None, show: str = SHOW_RECENT) -> Board:
    """The partnership's counts, and the reviews the actor may open that ``show`` includes."""
    actor.require("review.summary")
    today = today or timezone.localdate()
    closures = closure_days(partnership=actor.partnership)
    facts = review_facts(SeriousIncident.objects_for(actor.partnership))
    timelines = [timeline_from(f, today, closures) for f in facts]
    summary = _summary(timelines)
    if not actor.can("review.view"):
        return Board(summary, [], [], 0)
    visible = set(incident_list(actor=actor).values_list("pk", flat=True))
    mine = [(f, t) for f, t in zip(facts, timelines, strict=True) if f.pk in visible]
    picked = [(f, t) for f, t in mine if shown(t, show, today)]
    late = information_late(incident_ids=[f.pk for f, _ in picked], today=today)
    rows = sorted(
        (BoardRow(f, t, late.get(f.pk, ())) for f, t in picked),
        key=lambda row: (
            row.timeline.next is None,
            row.timeline.next.due if row.timeline.next else date.max,
            -(row.timeline.closed_on or date.min).toordinal(),
            row.review.reference,
        ),
    )
    years = sorted({t.closed_on.year for _, t in mine if t.closed_on}, reverse=True)
    return Board(summary, rows, years, len(mine) - len(rows))


def closures_for(incidents: Iterable[Any]) -> dict[int, frozenset[date]]:
    return closure_days_by_partnership(
        partnership_ids=sorted({incident.partnership_id for incident in incidents})
    )

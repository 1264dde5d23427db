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
from functools import lru_cache
from typing import Any, NamedTuple

from django.db.models import F, FilteredRelation, Q, QuerySet
from django.utils import timezone

from assurance.core import compiled
from assurance.core.permissions import Scope
from assurance.partnerships.access import Actor, get_for_actor
from assurance.partnerships.models import Person
from assurance.reviews.board.timeline import STAGES, Milestone, Timeline, review_timeline
from assurance.reviews.clock.selectors import closure_days, closure_days_by_partnership
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.selectors import PANEL, incident_list
from assurance.reviews.practice_reviews.models import MILESTONES, Publication
from assurance.reviews.rapid_reviews.models import Outcome

RECENT_DAYS = 365  # closed reviews the board shows by default: those closed in the last year

# The incident's own rapid and practice reviews, joined within its partnership (``_with_reviews``)
RAPID, PRACTICE = "own_rapid_review", "own_practice_review"

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
    "sent_on": f"{RAPID}__sent_on",
    "decision": f"{RAPID}__decision",
    "decided_on": f"{RAPID}__decided_on",
    "scrutinised_on": f"{RAPID}__scrutineer_reviewed_on",
    "publication": f"{PRACTICE}__publication",
    "published_on": f"{PRACTICE}__published_on",
    "planned_publication_on": f"{PRACTICE}__planned_publication_on",
    "report_sent_on": f"{PRACTICE}__report_sent_on",
    "notice_working_days": f"{PRACTICE}__notice_working_days",
    **{
        f"{key}_{part}": f"{PRACTICE}__{key}_{part}"
        for key, _ in MILESTONES
        for part in ("due", "on")
    },
}


class Facts(NamedTuple):
    """What the board, the API and the reminders need of one review: its reference and
    dates, read as values (a tuple: made from a row at once, and hashable, so that its
    timeline is worked out once per content)."""

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
    practitioner_event_due: date | None = None
    practitioner_event_on: date | None = None
    family_contribution_due: date | None = None
    family_contribution_on: date | None = None
    draft_due: date | None = None
    draft_on: date | None = None
    final_due: date | None = None
    final_on: date | None = None

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """The practice review's milestones: (key, label, due, done on)."""
        return tuple(
            (key, label, getattr(self, f"{key}_due"), getattr(self, f"{key}_on"))
            for key, label in MILESTONES
        )

    @property
    def decision_label(self) -> str:
        return Outcome(self.decision).label if self.decision else ""


_DECISION, _PUBLICATION = list(LOOKUPS).index("decision"), list(LOOKUPS).index("publication")


def _facts(row: tuple[Any, ...]) -> Facts:
    if row[_DECISION] is None or row[_PUBLICATION] is None:  # no rapid or practice review yet
        values = list(row)
        values[_DECISION] = values[_DECISION] or ""
        values[_PUBLICATION] = values[_PUBLICATION] or ""
        row = tuple(values)
    return Facts._make(row)


def _with_reviews(incidents: QuerySet[SeriousIncident]) -> QuerySet[SeriousIncident]:
    """The incidents with their rapid and practice reviews joined on the incident *and* its
    partnership. A review is always in its incident's partnership, so the rows are the same;
    the partnership in the join lets PostgreSQL find a partnership's few reviews by their
    partnership's index instead of reading every partnership's (a national deployment's ten
    years: 12,000 rapid reviews scanned for 80, about 40 times the cost of the query)."""
    return incidents.annotate(
        **{
            RAPID: FilteredRelation(
                "rapid_review", condition=Q(rapid_review__partnership_id=F("partnership_id"))
            ),
            PRACTICE: FilteredRelation(
                "practice_review", condition=Q(practice_review__partnership_id=F("partnership_id"))
            ),
        }
    )


def review_facts(incidents: QuerySet[SeriousIncident]) -> list[Facts]:
    """The incidents' facts, in one query."""
    return [
        _facts(row)
        for row in _with_reviews(incidents).order_by("pk").values_list(*LOOKUPS.values())
    ]


def partnership_facts(*, partnership_id: int, using: str = "default") -> list[Facts]:
    """Every review of a partnership as facts, in one query compiled once per process and
    bound to the partnership (ADR 033): the board reads them on every request."""
    template = compiled.kept(
        f"{__name__}.partnership_facts",
        lambda v: (
            _with_reviews(SeriousIncident.unscoped.filter(partnership_id=v["partnership"]))
            .order_by("pk")
            .values_list(*LOOKUPS.values())
        ),
        ints=("partnership",),
        using=using,
    )
    return [_facts(row) for row in template.rows({"partnership": partnership_id}, using)]


def users_review_facts(*, user_id: int | None, pk: int, using: str = "default") -> Facts | None:
    """One review's facts if it is in a partnership the user belongs to (an active person of
    it), else None: one query compiled once per process (ADR 033), as the API's one review
    reads it on every request. Whether they may open it is ``may_open``'s answer."""
    template = compiled.kept(
        f"{__name__}.users_review_facts",
        lambda v: _with_reviews(
            SeriousIncident.unscoped.filter(
                pk=v["pk"],
                partnership__in=Person.unscoped.filter(user_id=v["user"], is_active=True).values(
                    "partnership_id"
                ),
            )
        ).values_list(*LOOKUPS.values()),
        ints=("pk", "user"),
        using=using,
    )
    rows = template.rows({"pk": pk, "user": user_id}, using) if user_id is not None else []
    return _facts(rows[0]) if rows else None


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
        **{
            f"{key}_{part}": getattr(practice, f"{key}_{part}") if practice else None
            for key, _ in MILESTONES
            for part in ("due", "on")
        },
    )


def facts_for(*, actor: Actor) -> list[Facts]:
    """The facts of every review the actor may open (none if they may open none): the
    partnership's, read by its compiled query, for the business unit and the scrutineer; those
    they are named on for anyone else."""
    scope = actor.scope("review.view")
    if scope is None:
        return []
    if scope is Scope.ALL:
        return partnership_facts(partnership_id=actor.partnership.pk)
    return review_facts(incident_list(actor=actor))


def incident_for_page(*, actor: Actor, pk: Any) -> SeriousIncident:
    """The incident for its page, through the restricted scope (404 outside it), with what the
    page shows of it in the same query: its partnership, who recorded and notified it, its
    rapid review (the scrutineer, the review meeting and its group) and its practice review
    (``rapid_review_of`` and ``practice_review_of`` use them, with no query of their own)."""
    return get_for_actor(
        actor,
        SeriousIncident.unscoped.select_related(
            "partnership",
            "notified_by",
            "recorded_by",
            "rapid_review__scrutineer",
            "rapid_review__meeting__group",
            "practice_review",
        ),
        "review.view",
        pk,
        named_field=PANEL,
    )


def may_open(*, actor: Actor, review: Facts) -> bool:
    """Whether the actor may open the review (read as facts in their partnership): the business
    unit and the scrutineer any (no query), anyone else one they are named on."""
    scope = actor.scope("review.view")
    if scope is None or review.partnership_id != actor.partnership.pk:
        return False
    if scope is Scope.ALL:
        return True
    return incident_list(actor=actor).filter(pk=review.pk).exists()


@lru_cache(maxsize=4096)
def timeline_from(facts: Facts, today: date, closures: frozenset[date]) -> Timeline:
    """The review's timeline (pure). Remembered: the board works out the same reviews' on
    every request, and its key is everything it is worked out from (the facts, today and the
    partnership's closure days), so a remembered one is never out of date."""
    extra: dict[str, Any] = {}
    if facts.notice_working_days is not None:  # a practice review is recorded
        extra = {
            "published_on": facts.published_on,
            "not_publishing": facts.publication == Publication.NOT_PUBLISH,
            "planned_publication_on": facts.planned_publication_on,
            "report_sent_on": facts.report_sent_on,
            "notice_working_days": facts.notice_working_days,
            "milestones": facts.milestones,
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


def information_late(
    *, partnership_id: int, incident_ids: set[int], today: date, using: str = "default"
) -> dict[int, tuple[str, ...]]:
    """For each of the incidents, the agencies whose information is late (answered after its
    due date, or not yet and past it), in one query compiled once per process and bound to the
    partnership (ADR 033): the requests answered late or not yet, the rest worked out here."""
    template = compiled.kept(
        f"{__name__}.information_late",
        lambda v: (
            # The agencies of the partnership only (as every request's is): PostgreSQL then
            # reads its 15 agencies by their index rather than every partnership's
            InformationRequest.unscoped.filter(
                partnership_id=v["partnership"], agency__partnership_id=v["partnership"]
            )
            .filter(Q(submitted_on__isnull=True) | Q(submitted_on__gt=F("due_on")))
            .order_by("agency__name", "pk")
            .values_list("incident_id", "agency__short_name", "due_on", "submitted_on")
        ),
        ints=("partnership",),
        using=using,
    )
    found: dict[int, list[str]] = defaultdict(list)
    for incident_id, name, due_on, submitted_on in template.rows(
        {"partnership": partnership_id}, using
    ):
        if incident_id in incident_ids and (submitted_on is not None or due_on < today):
            found[incident_id].append(name)
    return {pk: tuple(names) for pk, names in found.items()}


class Information(NamedTuple):
    """An agency's information request for a review, as the API lists it."""

    pk: int
    incident_id: int
    agency: str  # the agency's name
    asked_on: date
    due_on: date
    answered_on: date | None
    status: str


_INFORMATION_COLUMNS = (
    "pk",
    "incident_id",
    "agency__name",
    "requested_on",
    "due_on",
    "submitted_on",
    "status",
)


def _information_template(partnerships: int, using: str) -> compiled.Template:
    """The requests of one review (``partnerships`` 0), or of every review of that many
    partnerships; named by their partnership too (every request and its agency are in the
    review's), so PostgreSQL reads those partnerships' agencies by their index, not every
    partnership's."""
    names = tuple(f"partnership{n}" for n in range(max(partnerships, 1)))

    def build(v: Any) -> QuerySet[InformationRequest]:
        ids = [v[name] for name in names]
        requests = InformationRequest.unscoped.filter(
            partnership_id__in=ids, agency__partnership_id__in=ids
        )
        if not partnerships:
            requests = requests.filter(incident_id=v["incident"])
        return requests.order_by("agency__name", "pk").values_list(*_INFORMATION_COLUMNS)

    return compiled.kept(
        f"{__name__}.information_requests.{partnerships}",
        build,
        ints=(*names, "incident") if not partnerships else names,
        using=using,
    )


def information_requests(
    *, reviews: list[Facts], using: str = "default"
) -> dict[int, tuple[Information, ...]]:
    """Each review's information requests (by agency), in one query whatever the number of
    reviews, compiled once per process (ADR 033). The reviews have been read through the
    permission layer; for many, every request of their partnerships is read and those of
    other reviews are left out here (someone named on a few reviews of many)."""
    found: dict[int, list[Information]] = {review.pk: [] for review in reviews}
    if len(reviews) == 1:
        [review] = reviews
        rows = _information_template(0, using).rows(
            {"partnership0": review.partnership_id, "incident": review.pk}, using
        )
    else:
        ids = sorted({review.partnership_id for review in reviews})
        values = {f"partnership{n}": pk for n, pk in enumerate(ids)}
        rows = _information_template(len(ids), using).rows(values, using) if ids else []
    for row in rows:
        if (mine := found.get(row[1])) is not None:
            mine.append(Information._make(row))
    return {pk: tuple(requests) for pk, requests in found.items()}


def board(*, actor: Actor, today: date | None = None, show: str = SHOW_RECENT) -> Board:
    """The partnership's counts, and the reviews the actor may open that ``show`` includes."""
    actor.require("review.summary")
    today = today or timezone.localdate()
    closures = closure_days(partnership=actor.partnership)
    facts = partnership_facts(partnership_id=actor.partnership.pk)
    timelines = [timeline_from(f, today, closures) for f in facts]
    summary = _summary(timelines)
    scope = actor.scope("review.view")
    if scope is None:
        return Board(summary, [], [], 0)
    pairs = zip(facts, timelines, strict=True)
    if scope is Scope.ALL:  # the business unit and the scrutineer: every review
        mine = list(pairs)
    else:  # the reviews they are named on
        visible = set(incident_list(actor=actor).values_list("pk", flat=True))
        mine = [(f, t) for f, t in pairs if f.pk in visible]
    picked = [(f, t) for f, t in mine if shown(t, show, today)]
    late = information_late(
        partnership_id=actor.partnership.pk, incident_ids={f.pk for f, _ in picked}, today=today
    )
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

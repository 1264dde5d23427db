"""The sections of a business year's annual report, read from the records (each capability
through its own selectors, as the actor — the business unit or the scrutineer — may see them).

Each function returns a ``Section`` (``assembly.py``): figures and table cells carry the page
they come from, so the draft shows every claim with its evidence. Counts only where children
are concerned: no case, no reference, never a possible disclosure (voice's own selectors)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from assurance.annualreport.sections.assembly import Cell, Figure, Section, Table
from assurance.annualreport.sections.reviews import IMPACTS, impact_text, reviews_section
from assurance.annualreport.sections.self_assessment import self_assessment_section
from assurance.audits.models import AuditStatus
from assurance.audits.selectors import audit_list
from assurance.audits.selectors.findings import earlier_comparable_audits, key_messages_of
from assurance.core.business_year import business_year_bounds, business_year_label
from assurance.core.links import link
from assurance.dataset.benchmarks.rules import Direction
from assurance.dataset.charts.spc import Variation
from assurance.dataset.performance.services import summaries_current
from assurance.dataset.targets.selectors import priority_indicators
from assurance.improvement.actions.models import (
    Action,
    ActionState,
    ImpactAssessment,
)
from assurance.improvement.actions.selectors import action_list
from assurance.partnerships.access import Actor
from assurance.partnerships.models import AgencyKind
from assurance.partnerships.selectors import agency_list, by_kind, group_list
from assurance.training.bookings.selectors import reach_in
from assurance.training.evaluation import analysis as evaluation_analysis
from assurance.training.evaluation import figures as evaluation_figures
from assurance.training.evaluation import selectors as evaluation
from assurance.training.evaluation.report import year_period
from assurance.voice import selectors as voice

WITHOUT_IMPACT = {"no_clear_change", "worse"}


def _url(actor: Actor, name: str, *args: Any) -> str:
    # reversed once per process (core.links): a year's report links 150-odd figures and cells
    return link(name, actor.partnership.slug, *args)


def _cards(actor: Actor, priority: int) -> str:
    return _url(actor, "dataset:scorecard", priority) + "?view=cards"


def arrangements_section(*, actor: Actor, year: int) -> Section:
    """The statutory partners, the other agencies, the groups and the independent scrutineer."""
    kinds = by_kind(agency_list(actor=actor).filter(is_active=True).order_by("name"))
    partners = kinds[AgencyKind.STATUTORY_PARTNER]
    relevant = kinds[AgencyKind.RELEVANT_AGENCY]
    scrutiny = kinds[AgencyKind.SCRUTINY]
    groups = list(group_list(actor=actor).order_by("name"))
    agencies_url = _url(actor, "partnerships:agency_list")
    section = Section("arrangements")
    section.figures.append(
        Figure("Relevant agencies working with the partners", str(len(relevant)), agencies_url)
    )
    section.tables.append(
        Table(
            "The safeguarding partners and the independent scrutineer",
            ["Organisation", "Role"],
            [
                [
                    Cell(a.name, _url(actor, "partnerships:agency_detail", a.pk)),
                    Cell(a.get_statutory_role_display() or a.get_kind_display()),
                ]
                for a in [*partners, *scrutiny]
            ],
        )
    )
    section.tables.append(
        Table(
            "The partnership's groups",
            ["Group", "Chair"],
            [
                [
                    Cell(g.name, _url(actor, "partnerships:group_detail", g.pk)),
                    Cell(g.chair.full_name if g.chair else "No chair recorded"),
                ]
                for g in groups
            ],
        )
    )
    if not scrutiny:
        section.notes.append("No independent scrutineer's organisation is recorded.")
    return section


@dataclass(frozen=True)
class ActionRow:
    """An action as the report lists it, read as plain values (no model instances)."""

    pk: int
    title: str
    owner: str  # the owning agency's short name
    impact: str  # the latest impact assessment's outcome ("" when none)
    priorities: frozenset[int]  # the priorities of its recommendation's learning themes


def delivered_actions(*, actor: Actor, year: int) -> QuerySet[Action]:
    """Actions completed in the business year, oldest first."""
    start, end = business_year_bounds(year)
    return (
        action_list(actor=actor)
        .filter(state=ActionState.COMPLETE, completed_at__gte=start, completed_at__lte=end)
        .order_by("completed_at", "pk")
    )


def delivered_rows(*, actor: Actor, year: int) -> list[ActionRow]:
    """``delivered_actions`` as rows, each with its latest impact and its priorities: three
    queries however many actions."""
    delivered = delivered_actions(actor=actor, year=year)
    ids = delivered.values("pk")
    latest: dict[int, str] = {}
    for action_id, outcome in (
        ImpactAssessment.unscoped.filter(action__in=ids)
        .order_by("action_id", "-assessed_at", "-pk")
        .values_list("action_id", "outcome")
    ):
        latest.setdefault(action_id, outcome)
    priorities: dict[int, set[int]] = {}
    for action_id, priority_id in (
        delivered.filter(recommendation__themes__priority__isnull=False)
        .order_by()
        .values_list("pk", "recommendation__themes__priority_id")
    ):
        priorities.setdefault(action_id, set()).add(priority_id)
    return [
        ActionRow(pk, title, owner, latest.get(pk, ""), frozenset(priorities.get(pk, ())))
        for pk, title, owner in delivered.values_list("pk", "title", "owner_agency__short_name")
    ]


def _action_row(actor: Actor, action: ActionRow) -> list[Cell]:
    return [
        Cell(action.title, _url(actor, "improvement:action_detail", action.pk)),
        Cell(action.owner),
        Cell(impact_text(action.impact)),
    ]


class YearReads:
    """What more than one section reads of the year (the scorecard layout, its summary rows,
    the actions delivered), read once per build: the priorities and the progress sections
    share them."""

    def __init__(self, *, actor: Actor, year: int) -> None:
        self.actor, self.year = actor, year

    @cached_property
    def layout(self) -> list[tuple[Any, list[Any]]]:
        return priority_indicators(partnership=self.actor.partnership, business_year=self.year)

    @cached_property
    def summaries(self) -> dict[int, Any]:
        settings = {s.indicator_id: s for _, under in self.layout for s in under}
        return summaries_current(
            partnership=self.actor.partnership,
            business_year=self.year,
            settings=list(settings.values()),
        )

    @cached_property
    def delivered(self) -> list[ActionRow]:
        return delivered_rows(actor=self.actor, year=self.year)


def priorities_section(*, actor: Actor, year: int, reads: YearReads | None = None) -> Section:
    """Each priority of the year: its scorecard's indicators (latest value, against target,
    SPC verdicts, direction) from the data set's summary rows, and the actions delivered under
    it (an action is under a priority through its recommendation's learning themes)."""
    reads = reads or YearReads(actor=actor, year=year)
    section = Section("priorities")
    layout = reads.layout
    summaries = reads.summaries
    delivered = reads.delivered
    if not layout:
        section.notes.append(f"No priorities were recorded for {business_year_label(year)}.")
    for priority, under in layout:
        scorecard = _url(actor, "dataset:scorecard", priority.pk)
        cards = scorecard + "?view=cards"  # the scorecard in detail: verdicts and direction
        rows = []
        for setting in under:
            row = summaries.get(setting.indicator_id)
            if row is None:
                continue
            rows.append(
                [
                    Cell(row.indicator.title, scorecard),
                    Cell(row.value_text if row.value is not None else "No values yet", scorecard),
                    Cell(row.rag_label or "No target", scorecard if row.rag else ""),
                    Cell(row.variation_icon.label, cards),
                    Cell(row.direction_label or "Not yet known", cards),
                ]
            )
        section.tables.append(
            Table(
                f"{priority.title}: the scorecard",
                ["Indicator", "Latest", "Against target", "Variation (SPC)", "Direction"],
                rows,
            )
        )
        section.tables.append(
            Table(
                f"{priority.title}: actions delivered",
                ["Action", "Owner", "Impact"],
                [_action_row(actor, a) for a in delivered if priority.pk in a.priorities],
            )
        )
    section.figures.append(
        # no page counts the year's delivered actions: each is linked in the tables
        Figure("Actions delivered in the year", str(len(delivered)))
    )
    return section


def audits_section(*, actor: Actor, year: int) -> Section:
    """The year's audits: those completed, with their key findings, and for a re-audit the
    earlier audit it is compared with (its findings page shows the change)."""
    audits = list(audit_list(actor=actor, business_year=year).order_by("planned_month", "pk"))
    closed = [a for a in audits if a.status == AuditStatus.CLOSED]
    section = Section("audits")
    section.figures.append(
        Figure(
            "Audits in the year's programme",
            str(len(audits)),
            _url(actor, "audits:programme") + f"?year={year}",
        )
    )
    section.figures.append(Figure("Audits completed", str(len(closed)), ""))
    messages = key_messages_of(audits=closed)
    earlier_audits = earlier_comparable_audits(audits=closed)
    for audit in closed:
        findings = _url(actor, "audits:findings", audit.pk)
        rows = [
            [Cell(m.get_kind_display()), Cell(m.aspect, findings), Cell(m.text, findings)]
            for m in messages[audit.pk]
        ]
        earlier = earlier_audits[audit.pk]
        if earlier is not None:
            rows.append(
                [
                    Cell("Re-audit: its findings page shows the change since"),
                    Cell("The earlier audit"),
                    Cell(earlier.title, findings),
                ]
            )
        section.tables.append(Table(audit.title, ["Finding", "About", "What we found"], rows))
    if not closed:
        section.notes.append("No multi-agency audit was completed in the year.")
    return section


def _year_span(year: int) -> tuple[datetime, datetime]:
    start, _end = business_year_bounds(year)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(date(year + 1, 4, 1), time.min, tzinfo=zone),
    )


def training_section(*, actor: Actor, year: int) -> Section:
    """Sessions held (so far, in the current year) and, by agency, places taken and
    attendance recorded; then the measured change three months on (``measured_change``)."""
    start, end = _year_span(year)
    end = min(end, timezone.now())  # held: a session still to come this year is not counted
    sessions, by_agency = reach_in(partnership=actor.partnership, start=start, end=end)
    section = Section("training")
    section.figures += [
        Figure("Training sessions held", str(sessions)),
        Figure("Practitioners who attended", str(sum(a for _, _, a in by_agency)), ""),
    ]
    section.tables.append(
        Table(
            "Attendance by agency",
            ["Agency", "Places taken", "Attended"],
            [[Cell(name), Cell(str(places)), Cell(str(att))] for name, places, att in by_agency],
        )
    )
    measured_change(section, actor=actor, year=year)
    return section


THREE_MONTHS = evaluation_analysis.Comparison.BEFORE_THREE_MONTHS


def measured_change(section: Section, *, actor: Actor, year: int) -> None:
    """The training evaluation's paired analysis of the courses run in the year (their sessions
    that started in it, as the evaluation's annual report reads them): per course, learning
    outcome and measure, the mean change from before the course to three months on in the same
    practitioners, its 95% interval, the pairs it rests on and the caution under
    ``CAUTION_BELOW`` pairs. Each figure links to the evaluation's report of the year, which
    shows the same figures; each course to its evaluation page."""
    period = year_period(year)
    held = evaluation.sessions_held(partnership=actor.partnership, period=period)
    courses = [c for c in evaluation.evaluated_courses(actor=actor) if held.get(c.pk)]
    report = _url(actor, "training:annual_report") + f"?year={year}"
    rows = []
    cautions = 0
    evaluated = evaluation.outcome_rows(courses=courses, period=period)
    for course in courses:
        course_page = _url(actor, "training:course_evaluation", course.pk)
        for row in evaluated[course.pk]:
            change = row.evaluation.changes[THREE_MONTHS]
            shown = evaluation_figures.change_row(THREE_MONTHS, change)
            measured = change.n_pairs > 0
            cautions += change.caution
            rows.append(
                [
                    Cell(course.title, course_page),
                    Cell(f"{row.outcome} ({row.measure})"),
                    Cell(str(shown.n_pairs), report if measured else ""),
                    Cell(f"{shown.change} ({shown.interval})", report if measured else ""),
                    Cell(shown.verdict, report if measured else ""),
                    Cell(shown.caution),
                ]
            )
    section.tables.append(
        Table(
            "Measured change three months after the course",
            [
                "Course",
                "Learning outcome",
                "Pairs",
                "Mean change (95% interval)",
                "Reading",
                "Caution",
            ],
            rows,
        )
    )
    section.notes.append(
        "Practitioners rate their knowledge and confidence against each learning outcome from 1 "
        "to 10 before the course and three months after it. The change is measured only in the "
        "same people (pairs), with its 95% confidence interval."
    )
    if cautions:
        section.notes.append(
            f"Some changes rest on fewer than {evaluation_analysis.CAUTION_BELOW} pairs: the "
            "interval is then wide and the change may be chance."
        )
    if not courses:
        section.notes.append("No course was run in the year, so no change was measured.")


def voice_section(*, actor: Actor, year: int) -> Section:
    """Feedback received in the year by source, age band and theme, the words the business unit
    chose to quote, and how it was used: the "you said, we did" answers with the action each
    links and its measured impact (never a possible disclosure: voice's own selectors)."""
    figures = voice.year_figures(actor=actor, year=year)
    summary = f"{_url(actor, 'voice:summary')}?period={year}"
    section = Section("voice")
    section.figures.append(Figure("Pieces of feedback", str(figures.total), summary))
    section.tables.append(
        Table(
            "How children and families told us",
            ["Source", "Pieces of feedback"],
            [[Cell(c.label), Cell(str(c.count))] for c in figures.by_source if c.count],
        )
    )
    section.tables.append(
        Table(
            "Their ages",
            ["Age", "Pieces of feedback"],
            [[Cell(c.label), Cell(str(c.count))] for c in figures.by_age_band if c.count],
        )
    )
    section.tables.append(
        Table(
            "What they told us about",
            ["Theme", "Pieces of feedback"],
            [[Cell(c.label), Cell(str(c.count))] for c in figures.by_theme if c.count],
        )
    )
    quotes = voice.year_quotes(actor=actor, year=year)
    if quotes:
        section.tables.append(
            Table(
                "In their words",
                ["What they said", "Who said it"],
                [[Cell(f"“{q.text}”"), Cell(q.who)] for q in quotes],
            )
        )
    answers = voice.answer_lines_for_year(actor=actor, year=year)
    section.tables.append(
        Table(
            "You said, we did",
            ["You said", "We did", "Action", "Measured impact"],
            [
                [
                    Cell(a.you_said),
                    Cell(a.we_did),
                    Cell(a.action_title, _url(actor, "improvement:action_detail", a.action_id))
                    if a.action_id
                    else Cell("No action linked"),
                    Cell(IMPACTS[a.impact] if a.impact else "Not assessed yet"),
                ]
                for a in answers
            ],
        )
    )
    return section


def progress_section(*, actor: Actor, year: int, reads: YearReads | None = None) -> Section:
    """Where the partnership made little or no progress: actions overdue at the year's end
    (or today, if sooner), actions delivered without impact, indicators worsening or with
    concerning variation."""
    reads = reads or YearReads(actor=actor, year=year)
    _start, end = business_year_bounds(year)
    cut = min(end, timezone.localdate())
    overdue = list(
        action_list(actor=actor)
        .filter(due_date__lt=cut, state=ActionState.OPEN)
        .order_by("due_date", "pk")
        .values_list("pk", "title", "owner_agency__short_name", "due_date")
    )
    without = [a for a in reads.delivered if a.impact in WITHOUT_IMPACT]
    settings = {s.indicator_id: (p, s) for p, under in reads.layout for s in under}
    worsening = [
        (settings[pk][0], row)
        for pk, row in reads.summaries.items()
        if row.direction == Direction.WORSENING or row.variation == Variation.CONCERNING
    ]
    section = Section("progress")
    section.figures += [
        Figure("Actions overdue", str(len(overdue))),
        Figure("Actions delivered without a measured improvement", str(len(without)), ""),
        Figure("Indicators worsening or with concerning variation", str(len(worsening)), ""),
    ]
    section.tables.append(
        Table(
            "Actions overdue",
            ["Action", "Owner", "Due"],
            [
                [
                    Cell(title, _url(actor, "improvement:action_detail", pk)),
                    Cell(owner),
                    Cell(f"{due:%-d %B %Y}"),
                ]
                for pk, title, owner, due in overdue
            ],
        )
    )
    section.tables.append(
        Table(
            "Actions delivered without a measured improvement",
            ["Action", "Owner", "Impact"],
            [_action_row(actor, a) for a in without],
        )
    )
    section.tables.append(
        Table(
            "Indicators worsening",
            ["Indicator", "Latest", "Variation (SPC)", "Direction"],
            [
                [
                    Cell(row.indicator.title, _url(actor, "dataset:scorecard", priority.pk)),
                    Cell(row.value_text, _url(actor, "dataset:scorecard", priority.pk)),
                    Cell(row.variation_icon.label, _cards(actor, priority.pk)),
                    Cell(row.direction_label or "Not yet known", _cards(actor, priority.pk)),
                ]
                for priority, row in worsening
            ],
        )
    )
    return section


RECORD_SECTIONS: dict[str, Callable[..., Section]] = {
    "arrangements": arrangements_section,
    "priorities": priorities_section,
    "audits": audits_section,
    "reviews": reviews_section,
    "self_assessment": self_assessment_section,
    "training": training_section,
    "voice": voice_section,
    "progress": progress_section,
}


def record_sections(*, actor: Actor, year: int) -> dict[str, Section]:
    """Every section read from the records, by key (what two sections both read, once)."""
    reads = YearReads(actor=actor, year=year)
    shared = {"priorities", "progress"}
    return {
        key: build(actor=actor, year=year, reads=reads)
        if key in shared
        else build(actor=actor, year=year)
        for key, build in RECORD_SECTIONS.items()
    }

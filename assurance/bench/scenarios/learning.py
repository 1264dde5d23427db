"""The learning cycle (issue 5): the highlight report (page and PDF), a meeting, the decision
log and the learning, recommendation and challenge lists, on a deployment where every
partnership holds five years of learning, 500 actions and 60 meetings (bulk inserts, no
history). ``BENCH_LEARNING_YEARS=0`` skips it."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.bench.harness import (
    Bench,
    Page,
    env_int,
    scenario,
    table,
    time_callable,
    time_page,
)
from assurance.bench.scenarios.dataset_pages import summary_rows_raw
from assurance.core.business_year import business_year_of
from assurance.dataset.performance.models import IndicatorSummary
from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import (
    LearningItem,
    LearningSource,
    LearningTheme,
    Recommendation,
)
from assurance.improvement.meetings.models import AgendaItem, Attendance, Decision, Meeting
from assurance.improvement.scrutiny.models import Challenge
from assurance.partnerships.models import Agency, Group, GroupMember, Person

SOURCES = list(LearningSource.values)
STATUSES = ["proposed", "accepted", "accepted", "rejected", "deferred", "more_info"]


def build_learning(
    partnerships: list[Any], *, years: int, actions: int, meetings: int, end: date
) -> dict[str, int]:
    """Per partnership: 40 learning items a year in 10 themes, a recommendation for every
    two items, ``actions`` actions, ``meetings`` meetings (the first group decides) with six
    present, five agenda items and decisions, and a challenge a quarter."""
    made = dict.fromkeys(["items", "actions", "meetings", "decisions"], 0)
    Group.unscoped.filter(partnership__in=partnerships, short_name="G0").update(
        is_decision_making=True, voting_rule="one_per_statutory_partner"
    )
    for p in partnerships:
        agencies = list(Agency.objects_for(p).order_by("pk"))
        groups = list(Group.objects_for(p).order_by("short_name")[:3])
        people = list(Person.objects_for(p).order_by("pk").values_list("pk", "agency_id"))
        seats = {
            g.pk: list(
                GroupMember.objects_for(p)
                .filter(group=g)
                .exclude(person=None)
                .values_list("person_id", "agency_id")
            )
            for g in groups
        }
        n_items = 40 * years
        themes = LearningTheme.unscoped.bulk_create(
            [LearningTheme(partnership=p, title=f"Theme {t}") for t in range(10)]
        )
        items = LearningItem.unscoped.bulk_create(
            [
                LearningItem(
                    partnership=p,
                    title=f"Learning {i}",
                    what_was_learned="What the partnership learned.",
                    source=SOURCES[i % len(SOURCES)],
                    learned_on=end - timedelta(days=(n_items - i) * 365 * years // n_items),
                )
                for i in range(n_items)
            ]
        )
        LearningItem.themes.through.objects.bulk_create(
            [
                LearningItem.themes.through(
                    learningitem_id=item.pk, learningtheme_id=themes[i % 10].pk
                )
                for i, item in enumerate(items)
            ]
        )
        recs = Recommendation.unscoped.bulk_create(
            [
                Recommendation(
                    partnership=p,
                    title=f"Recommendation {r}",
                    text="Why.",
                    source="other",
                    status=STATUSES[r % len(STATUSES)],
                )
                for r in range(n_items // 2)
            ]
        )
        LearningItem.recommendations.through.objects.bulk_create(
            [
                LearningItem.recommendations.through(
                    learningitem_id=items[2 * r].pk, recommendation_id=rec.pk
                )
                for r, rec in enumerate(recs)
            ]
        )
        action_rows = Action.unscoped.bulk_create(
            [
                Action(
                    partnership=p,
                    recommendation=recs[a % len(recs)],
                    title=f"Action {a}",
                    owner_agency=agencies[a % len(agencies)],
                    due_date=end + timedelta(days=(a % 120) - 60),
                    measure_kind="described",
                    measure="A described test.",
                    state="complete" if a % 4 == 0 else "open",
                    completed_at=end - timedelta(days=a % 90) if a % 4 == 0 else None,
                )
                for a in range(actions)
            ]
        )
        meeting_rows = Meeting.unscoped.bulk_create(
            [
                Meeting(
                    partnership=p,
                    group=groups[m % len(groups)],
                    held_on=end - timedelta(days=(meetings - m) * 365 * years // meetings),
                )
                for m in range(meetings)
            ]
        )
        attendance = Attendance.unscoped.bulk_create(
            [
                Attendance(
                    partnership=p, meeting=m, person_id=person, agency_id=agency, is_member=True
                )
                for m in meeting_rows
                for person, agency in seats[m.group_id]
            ]
        )
        AgendaItem.unscoped.bulk_create(
            [
                AgendaItem(
                    partnership=p,
                    meeting=m,
                    order=k,
                    kind="learning",
                    title=f"Learning {k}",
                    learning_item=items[(i * 5 + k) % len(items)],
                )
                for i, m in enumerate(meeting_rows)
                for k in range(5)
            ]
        )
        decisions = Decision.unscoped.bulk_create(
            [
                Decision(
                    partnership=p,
                    meeting=m,
                    recommendation=recs[(i * 2 + k) % len(recs)],
                    outcome="accept",
                    reasons="Agreed.",
                    quorate=i % 7 != 0,
                    quorum_explanation="As the terms of reference say.",
                )
                for i, m in enumerate(meeting_rows)
                if m.group_id == groups[0].pk
                for k in range(2)
            ]
        )
        Challenge.unscoped.bulk_create(
            [
                Challenge(
                    partnership=p,
                    raised_by_id=people[1][0],
                    agency=agencies[c % len(agencies)],
                    subject=f"Challenge {c}",
                    detail="Why?",
                    raised_on=end - timedelta(days=c * 90),
                    respond_by=end - timedelta(days=c * 90 - 30),
                    status=["open", "answered", "closed"][c % 3],
                )
                for c in range(4 * years)
            ]
        )
        made["items"] += len(items)
        made["actions"] += len(action_rows)
        made["meetings"] += len(meeting_rows)
        made["decisions"] += len(decisions)
        del attendance
    return made


@scenario("learning", order=40)
def learning(bench: Bench) -> None:
    years = env_int("BENCH_LEARNING_YEARS", 5)
    if years <= 0:
        bench.write("\nLearning cycle: skipped (BENCH_LEARNING_YEARS=0)")
        return
    big = bench.partnerships
    end = date(2026, 11, 1)
    bench.write(
        f"\nBuilding the learning cycle: {len(big)} partnerships × {years} years of learning, "
        "500 actions and 60 meetings…"
    )
    start = time.perf_counter()
    made = build_learning(big, years=years, actions=500, meetings=60, end=end)
    build_learning([bench.small], years=1, actions=20, meetings=6, end=end)
    bench.write(
        f"  {made['items']} learning items, {made['actions']} actions, {made['meetings']} "
        f"meetings built in {time.perf_counter() - start:.1f} s"
    )
    bench.measure_floor()

    def pages(p: Any) -> list[tuple[str, str]]:
        meeting = (
            Meeting.objects_for(p).filter(group__is_decision_making=True).order_by("-held_on")[0]
        )
        base = f"/p/{p.slug}/"
        return [
            ("highlight report page", f"{base}meetings/{meeting.pk}/highlight-report/"),
            ("meeting page", f"{base}meetings/{meeting.pk}/"),
            ("decision log", f"{base}decisions/"),
            ("learning list", f"{base}learning/"),
            ("recommendation list", f"{base}recommendations/"),
            ("challenge list", f"{base}challenges/"),
        ]

    held = (
        Meeting.objects_for(big[0]).filter(group__is_decision_making=True).order_by("-held_on")[0]
    )
    year = business_year_of(held.held_on)
    ids = list(
        IndicatorSummary.objects_for(big[0])
        .filter(business_year=year)
        .values_list("indicator_id", flat=True)
    )
    # the pages in rounds with the floor and, when the data set scenario ran first (the report
    # has an exception section), the raw SQL of its summary rows in the same rounds
    operations = (
        [("raw SQL: the summary rows", lambda: summary_rows_raw(big[0].pk, year, ids))]
        if ids
        else []
    )
    timed = bench.time_pages(
        [Page(label, url) for label, url in pages(big[0])],
        bench.client(big[0]),
        operations=operations,
    )
    if ids:
        *timed, raw = timed
    bench.report(f"Learning cycle ({years} years, 500 actions, 60 meetings)", timed)
    if ids:
        bench.report(
            "Highlight report beside the raw SQL reading its exception report's summary rows",
            [raw, timed[0]],
            baseline=raw,
        )
    small = bench.client(bench.small)
    for (label, url), row in zip(pages(bench.small), timed, strict=True):
        few = time_page(label, small, url, 1).queries
        bench.compare_queries(label, "1 year, 6 meetings", f"{years} years, 60", few, row.queries)

    from weasyprint import HTML

    from assurance.core.documents import render_pdf
    from assurance.improvement.highlight.report import highlight_report

    meeting = (
        Meeting.objects_for(big[0]).filter(group__is_decision_making=True).order_by("-held_on")[0]
    )
    pdf_repeat = max(3, bench.repeat // 10)
    empty = time_callable(
        "WeasyPrint: an empty page", lambda: HTML(string="<p></p>").write_pdf(), pdf_repeat, 1
    )
    with CaptureQueriesContext(connection) as report_queries:
        highlight_report(meeting=meeting)
    pdf = time_callable(
        "highlight report PDF",
        lambda: render_pdf(highlight_report(meeting=meeting)),
        pdf_repeat,
        warmup=1,
    )
    bench.write(table([empty, pdf], empty, "Highlight report PDF (ratio to an empty page)"))
    bench.write(f"  report assembly queries: {len(report_queries.captured_queries)}")

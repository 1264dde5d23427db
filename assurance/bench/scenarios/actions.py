"""Action plans and the golden thread (issue 5): the action log, the action plans, one plan, an
action's golden thread, a learning item's thread and the actions API, on the learning cycle's
deployment (five years of learning, 500 actions and 60 meetings per partnership, built by the
learning scenario or here), with two progress updates per action and evidence and an impact
assessment per completed action (bulk inserts, no history). ``BENCH_LEARNING_YEARS=0`` skips
it."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from assurance.bench.harness import Bench, env_int, scenario, time_page
from assurance.bench.scenarios.learning import build_learning
from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
)
from assurance.improvement.learning.models import LearningItem
from assurance.improvement.meetings.models import Decision
from assurance.partnerships.models import Person

END = date(2026, 11, 1)


def build_action_history(partnerships: list[Any]) -> int:
    """Progress updates, evidence and impact for every action of ``partnerships``."""
    made = 0
    for p in partnerships:
        person = Person.objects_for(p).order_by("pk").values_list("pk", flat=True).first()
        assert person is not None, f"{p.slug} has no people"
        actions = list(Action.objects_for(p).values_list("pk", "state"))
        ActionUpdate.unscoped.bulk_create(
            [
                ActionUpdate(
                    partnership=p, action_id=a, rag=rag, text="Progress.", recorded_by_id=person
                )
                for a, _ in actions
                for rag in ("amber", "green")
            ],
            batch_size=2000,
        )
        done = [a for a, state in actions if state == "complete"]
        ActionEvidence.unscoped.bulk_create(
            [
                ActionEvidence(
                    partnership=p,
                    action_id=a,
                    description="Attendance register",
                    link=f"/p/{p.slug}/actions/",
                    added_by_id=person,
                )
                for a in done
            ],
            batch_size=2000,
        )
        ImpactAssessment.unscoped.bulk_create(
            [
                ImpactAssessment(
                    partnership=p,
                    action_id=a,
                    method="judgement",
                    outcome=["achieved", "improved", "no_clear_change"][a % 3],
                    summary="Judged from the evidence.",
                    assessed_by_id=person,
                )
                for a in done
            ],
            batch_size=2000,
        )
        made += len(actions)
    return made


def _pages(p: Any) -> list[tuple[str, str]]:
    """The pages of one partnership: its richest thread (an action whose recommendation has
    learning and decisions) and a learning item that led to a recommendation."""
    decided = set(Decision.objects_for(p).values_list("recommendation_id", flat=True))
    action = (
        Action.objects_for(p)
        .filter(recommendation_id__in=decided, recommendation__learning_items__isnull=False)
        .order_by("pk")
        .first()
    ) or Action.objects_for(p).order_by("pk").first()
    assert action is not None, f"{p.slug} has no actions"
    item = LearningItem.objects_for(p).filter(recommendations__isnull=False).order_by("pk").first()
    base = f"/p/{p.slug}/actions/"
    pages = [
        ("action log", base),
        ("action plans", f"{base}plans/"),
        ("one action plan", f"{base}plans/{action.recommendation_id}/"),
        ("golden thread", f"{base}{action.pk}/thread/"),
        ("action page", f"{base}{action.pk}/"),
        ("API: actions list", "/api/v1/actions/"),
        ("API: golden thread", f"/api/v1/actions/{action.pk}/thread"),
    ]
    if item is not None:
        pages.insert(4, ("learning item's thread", f"{base}from-learning/{item.pk}/"))
    return pages


@scenario("actions", order=45)
def actions(bench: Bench) -> None:
    years = env_int("BENCH_LEARNING_YEARS", 5)
    if years <= 0:
        bench.write("\nAction plans: skipped (BENCH_LEARNING_YEARS=0)")
        return
    big = bench.partnerships
    start = time.perf_counter()
    if not Action.objects_for(big[0]).exists():  # the learning scenario did not run
        build_learning(big, years=years, actions=500, meetings=60, end=END)
    if not Action.objects_for(bench.small).exists():
        build_learning([bench.small], years=1, actions=20, meetings=6, end=END)
    made = build_action_history(big) + build_action_history([bench.small])
    bench.write(
        f"\nAction plans: progress, evidence and impact for {made} actions built in "
        f"{time.perf_counter() - start:.1f} s"
    )
    bench.measure_floor()
    bu = bench.client(big[0])
    timed = [time_page(label, bu, url, bench.repeat) for label, url in _pages(big[0])]
    bench.report(
        f"Action plans and the golden thread ({years} years of learning, 500 actions, 60 meetings)",
        timed,
    )
    small = bench.client(bench.small)
    small_pages = dict(_pages(bench.small))
    for row in timed:
        url = small_pages.get(row.label)
        if url is None:
            continue
        few = time_page(row.label, small, url, 1).queries
        bench.compare_queries(
            row.label, "20 actions, 1 year", f"500, {years} years", few, row.queries
        )

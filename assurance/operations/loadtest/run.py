"""One load test run: the simulated users in threads until the deadline, then the figures and
the lost-write check."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import Any

from assurance.operations.loadtest.checks import Lost, lost_writes
from assurance.operations.loadtest.figures import PageFigures, page_figures, worst_ratio
from assurance.operations.loadtest.journeys import (
    ApiReader,
    Auditor,
    Lead,
    Reader,
    Recorder,
    SimulatedUser,
)
from assurance.operations.loadtest.plan import AuditorSpec, LeadSpec, Plan

TARGET_RATIO = 10.0  # every page's p95 under ten times the floor's


@dataclass
class Outcome:
    users: int
    seconds: float
    requests: int
    errors: int
    failures: list[str]
    pages: list[PageFigures]
    writes: int  # acknowledged
    checked: int  # (record, field) pairs read back
    lost: list[Lost]
    mix: dict[str, int]
    load: tuple[float, float]  # the machine's load average (1 minute) at the start and the end

    @property
    def worst_ratio(self) -> float:
        return worst_ratio(self.pages)

    @property
    def passed(self) -> bool:
        return not self.errors and not self.lost and self.worst_ratio < TARGET_RATIO


def make_users(
    plan: Plan,
    *,
    servers: list[str],
    total: int,
    recorder: Recorder,
    started: float,
    deadline: float,
    ramp: float,
    think: tuple[float, float],
    seed: int,
) -> list[SimulatedUser]:
    users: list[SimulatedUser] = []
    for n, (kind, spec) in enumerate(plan.users(total)):
        common: dict[str, Any] = {
            "servers": servers,
            "plan": plan,
            "recorder": recorder,
            "seed": seed * 1000 + n,
            "deadline": deadline,
            "think": think,
            "start": started + ramp * n / total,
            "email": spec.email,
        }
        if isinstance(spec, AuditorSpec):
            users.append(Auditor(agency_return=spec.agency_return, task_list=spec.path, **common))
        elif isinstance(spec, LeadSpec):
            users.append(
                Lead(
                    round=spec.round,
                    agency=spec.agency,
                    form_path=spec.form_path,
                    api_path=spec.api_path,
                    **common,
                )
            )
        else:
            reader = ApiReader if kind == "api" else Reader
            users.append(reader(pages=spec.pages, **common))
    return users


def run_load(
    plan: Plan,
    *,
    servers: list[str],
    total: int,
    seconds: float,
    think: tuple[float, float] = (1.0, 3.0),
    ramp: float = 30.0,
    seed: int = 15,
) -> Outcome:
    """``total`` users starting one after another over the first ``ramp`` seconds (people do
    not all sign in at the same instant), each until ``seconds`` after the first started,
    pausing ``think`` seconds (at random between the two) between pages as a reader does."""
    recorder = Recorder()
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    users = make_users(
        plan,
        servers=servers,
        total=total,
        recorder=recorder,
        started=started,
        deadline=started + seconds,
        ramp=min(ramp, seconds / 2),
        think=think,
        seed=seed,
    )
    threads = [threading.Thread(target=u.run, daemon=True) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    checked, lost = lost_writes(recorder.writes)
    mix: dict[str, int] = {}
    for user in users:
        mix[user.kind] = mix.get(user.kind, 0) + 1
    return Outcome(
        users=len(users),
        seconds=elapsed,
        requests=len(recorder.samples),
        errors=sum(1 for s in recorder.samples if not s.ok),
        failures=recorder.failures,
        pages=page_figures(recorder.samples),
        writes=len(recorder.writes),
        checked=checked,
        lost=lost,
        mix=mix,
        load=(load_before, os.getloadavg()[0]),
    )

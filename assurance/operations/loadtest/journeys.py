"""The simulated users: each signs in, then repeats their journey until the run's deadline,
sending each request to the next app server in turn (nothing about a user is kept in one server,
so any server can answer any request).

A request counts as an error when it fails or answers anything but what the page answers a
person using it as intended: 200 for a page, a redirect for a saved form, 200 for the API's
write. A write is recorded only when the service acknowledged it (the ``Write`` the lost-write
check reads back).
"""

from __future__ import annotations

import random
import re
import string
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import count
from typing import Any

import requests

from assurance.operations.loadtest.checks import Write
from assurance.operations.loadtest.figures import FLOOR, Sample
from assurance.operations.loadtest.htmlforms import Form, main_form
from assurance.operations.loadtest.plan import Page, Plan

# Seconds: a request slower than this is an error. The app servers' own limit (gunicorn's
# --timeout): a request the server is still working on is not abandoned earlier by the client.
TIMEOUT = 60
MAX_LOOPS = 10_000  # bounded loops, whatever the deadline
# The words of a return's summary page (AgencyReturn's narrative fields).
NARRATIVE = {"working_well", "worried_about", "needs_to_happen", "child_views", "family_views"}
_TOKEN = count(1)
_TOKEN_LOCK = threading.Lock()


def note() -> str:
    """A new, unique text in letters only (digits could look like a child's identifier)."""
    with _TOKEN_LOCK:
        n = next(_TOKEN)
    word = ""
    while True:
        n, r = divmod(n, 26)
        word = string.ascii_lowercase[r] + word
        if n == 0:
            break
    return f"checked in the load test, note {word}"


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def sample(self, sample: Sample, failure: str = "") -> None:
        with self.lock:
            self.samples.append(sample)
            if failure:
                self.failures.append(failure)

    def wrote(self, writes: list[Write]) -> None:
        with self.lock:
            self.writes.extend(writes)


class SimulatedUser:
    kind = ""

    def __init__(
        self,
        *,
        servers: list[str],
        plan: Plan,
        email: str,
        recorder: Recorder,
        seed: int,
        start: float,
        deadline: float,
        think: tuple[float, float],
    ) -> None:
        self.servers, self.plan, self.email = servers, plan, email
        self.recorder, self.start, self.deadline, self.think = recorder, start, deadline, think
        self.rng = random.Random(seed)
        self.turn = seed  # which server answers next
        self.http = requests.Session()

    # --- requests ----------------------------------------------------------------------

    def request(
        self, label: str, method: str, path: str, expect: set[int], **kwargs: Any
    ) -> requests.Response | None:
        server = self.servers[self.turn % len(self.servers)]
        self.turn += 1
        started = time.perf_counter()
        try:
            response = self.http.request(
                method, server + path, timeout=TIMEOUT, allow_redirects=False, **kwargs
            )
        except requests.RequestException as exc:
            seconds = time.perf_counter() - started
            self.recorder.sample(
                Sample(label, seconds, ok=False), f"{label}: {method} {path}: {exc}"
            )
            return None
        seconds = time.perf_counter() - started
        ok = response.status_code in expect
        failure = "" if ok else f"{label}: {method} {path} answered {response.status_code}"
        if not ok and response.status_code in {400, 409, 412}:
            failure += ": " + _problem(response.text)
        self.recorder.sample(Sample(label, seconds, ok=ok), failure)
        return response if ok else None

    def get(self, label: str, path: str) -> requests.Response | None:
        return self.request(label, "GET", path, {200})

    def pause(self) -> None:
        low, high = self.think
        time.sleep(self.rng.uniform(low, high))

    def running(self, loops: int) -> bool:
        return time.monotonic() < self.deadline and loops < MAX_LOOPS

    def sign_in(self) -> bool:
        page = self.get("sign in (page)", self.plan.sign_in)
        if page is None:
            return False
        form = main_form(page.text)
        data = {**form.fields, "username": self.email, "password": self.plan.password}
        return self.request("sign in", "POST", self.plan.sign_in, {302}, data=data) is not None

    def run(self) -> None:
        time.sleep(max(0.0, self.start - time.monotonic()))
        if not self.sign_in():
            return
        loops = 0
        while self.running(loops):
            self.journey()
            self.get(FLOOR, self.plan.floor)
            loops += 1

    def journey(self) -> None:
        raise NotImplementedError


class Reader(SimulatedUser):
    """Someone on the executive pages: home, the action and decision logs, the highlight
    report, a scorecard, the exception report, audit findings."""

    kind = "reader"

    def __init__(self, *, pages: list[Page], **common: Any) -> None:
        super().__init__(**common)
        self.pages = pages

    def journey(self) -> None:
        for page in self.rng.sample(self.pages, k=min(3, len(self.pages))):
            self.get(page.label, page.path)
            self.pause()


class ApiReader(Reader):
    """Another system reading the JSON API with the person's session."""

    kind = "api"

    def get(self, label: str, path: str) -> requests.Response | None:
        return self.request(label, "GET", path, {200}, headers={"Accept": "application/json"})


class Auditor(SimulatedUser):
    """An auditor filling in their return a page at a time: opens the task list, a page of
    questions, answers them with evidence, and saves the draft."""

    kind = "auditor"

    def __init__(self, *, agency_return: int, task_list: str, **common: Any) -> None:
        super().__init__(**common)
        self.agency_return, self.task_list = agency_return, task_list

    def journey(self) -> None:
        tasks = self.get("return task list", self.task_list)
        if tasks is None:
            return
        pages = sorted(set(re.findall(re.escape(self.task_list) + r"(\d+)/", tasks.text)))
        if not pages:
            self.recorder.sample(
                Sample("return task list", 0.0, ok=False),
                f"return task list {self.task_list}: no pages to fill in",
            )
            return
        self.pause()
        path = f"{self.task_list}{self.rng.choice(pages)}/"
        page = self.get("return page", path)
        if page is None:
            return
        form = main_form(page.text)
        data, writes = self.fill(form)
        self.pause()
        if self.request("return page (save draft)", "POST", path, {302}, data=data) is not None:
            self.recorder.wrote(writes)
        self.pause()

    def fill(self, form: Form) -> tuple[dict[str, str], list[Write]]:
        data = dict(form.fields)
        data["later"] = "later"
        writes = []
        answer = (("assessment__agency_return__pk", self.agency_return),)
        for name, options in form.radios.items():
            if match := re.fullmatch(r"item_(\d+)", name):
                data[name] = self.rng.choice(options)
                where = (*answer, ("item_id", int(match[1])))
                writes.append(Write("frameworks.Answer", where, "option_id", data[name]))
        for name in form.textareas:
            if match := re.fullmatch(r"(evidence|item)_(\d+)", name):
                data[name] = note()
                where = (*answer, ("item_id", int(match[2])))
                column = "evidence" if match[1] == "evidence" else "text"
                writes.append(Write("frameworks.Answer", where, column, data[name]))
            elif name in NARRATIVE:  # the return's own words (its summary page)
                data[name] = note()
                writes.append(
                    Write("audits.AgencyReturn", (("pk", self.agency_return),), name, data[name])
                )
        return data, writes


class Lead(SimulatedUser):
    """An agency lead entering their agency's values for the open round: on the form, then
    through the API with the ETag it answered (If-Match), in turn."""

    kind = "lead"

    def __init__(
        self, *, round: int, agency: int, form_path: str, api_path: str, **common: Any
    ) -> None:
        super().__init__(**common)
        self.round, self.agency, self.form_path, self.api_path = round, agency, form_path, api_path

    def journey(self) -> None:
        self.by_form()
        self.pause()
        self.by_api()
        self.pause()

    def where(self, code: str) -> tuple[tuple[str, Any], ...]:
        return (("round_id", self.round), ("agency_id", self.agency), ("indicator__code", code))

    def by_form(self) -> None:
        page = self.get("values form", self.form_path)
        if page is None:
            return
        form = main_form(page.text)
        numbers = {
            name.removesuffix("-numerator"): value
            for name, value in form.fields.items()
            if name.endswith("-numerator") and _number(value) is not None
        }
        if not numbers:
            return
        code = self.rng.choice(sorted(numbers))
        new = _toggle(numbers[code], form.fields.get(f"{code}-denominator", ""))
        commentary = note()
        data = {**form.fields, f"{code}-numerator": new, f"{code}-commentary": commentary}
        if f"{code}-confirmed" in form.checkboxes:
            data[f"{code}-confirmed"] = form.checkboxes[f"{code}-confirmed"]
        data["save"] = "save"
        self.pause()
        if self.request("values form (save)", "POST", self.form_path, {302}, data=data):
            where = self.where(code)
            self.recorder.wrote(
                [
                    Write("dataset.IndicatorValue", where, "numerator", new),
                    Write("dataset.IndicatorValue", where, "commentary", commentary),
                ]
            )

    def by_api(self) -> None:
        json = {"Accept": "application/json"}
        read = self.request("API round values", "GET", self.api_path, {200}, headers=json)
        if read is None:
            return
        values = [v for v in read.json()["values"] if _number(v["numerator"]) is not None]
        if not values:
            return
        value = self.rng.choice(values)
        new = _toggle(value["numerator"], value["denominator"] or "")
        commentary = note()
        body = {
            "values": [
                {
                    "indicator": value["indicator"],
                    "numerator": new,
                    "denominator": value["denominator"],
                    "commentary": commentary,
                    "confirmed_outlier": True,
                }
            ]
        }
        headers = {
            **json,
            "If-Match": read.headers.get("ETag", ""),
            "X-CSRFToken": self.http.cookies.get("csrftoken", ""),
            "Referer": self.servers[0] + self.api_path,
        }
        self.pause()
        if self.request(
            "API round values (save)", "POST", self.api_path, {200}, json=body, headers=headers
        ):
            where = self.where(value["indicator"])
            self.recorder.wrote(
                [
                    Write("dataset.IndicatorValue", where, "numerator", new),
                    Write("dataset.IndicatorValue", where, "commentary", commentary),
                ]
            )


def _number(text: Any) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", "")) if text not in (None, "") else None
    except InvalidOperation:
        return None


def _toggle(numerator: Any, denominator: Any) -> str:
    """One less, or one more from nought, never above the denominator: a small change a lead
    might make, that the collection rules accept with commentary."""
    value = _number(numerator) or Decimal(0)
    new = value - 1 if value >= 1 else value + 1
    limit = _number(denominator)
    if limit is not None and new > limit:
        new = limit
    return str(new.normalize() if new != new.to_integral_value() else int(new))


def _problem(html: str) -> str:
    """The first problem a page or the API names (for the failure list), briefly."""
    found = re.search(r"govuk-error-summary__list.*?<a[^>]*>(.*?)</a>", html, re.S)
    text = found[1] if found else html[:200]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()[:200]

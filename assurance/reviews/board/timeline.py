"""A review's deadlines and stage, from its dates (pure; table-tested).

Each deadline is computed by the statutory clock (``clock.rules``); a deadline is late when it
was missed (done after it, or not done and past it), and its working days left are counted from
today (0: due today; negative: working days overdue). The next deadline is the first not done.
Reminders: one in the ``REMIND_WORKING_DAYS`` working days before a deadline, one once it is
missed; each once (the send log makes the task idempotent).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from assurance.reviews.clock import rules

REMIND_WORKING_DAYS = rules.REMIND_WORKING_DAYS

STAGES = {
    "notification": "Notify the Panel",
    "rapid_review": "Rapid review",
    "decision": "Awaiting the decision",
    "practice_review": "Practice review",
    "closed": "Closed",
}
STAGE_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    "notification": "blue",
    "rapid_review": "light-blue",
    "decision": "yellow",
    "practice_review": "purple",
    "closed": "grey",
    "late": "red",
}


# A practice review's milestone: (key, label, due, done on)
Milestone = tuple[str, str, date | None, date | None]


@dataclass(frozen=True)
class Deadline:
    key: str  # "notification", "rapid_review", a milestone ("draft"), "notice", "publication"
    label: str
    due: date
    done_on: date | None
    late: bool
    days_left: int | None  # working days from today; None once done

    @property
    def when_words(self) -> str:
        if self.done_on is not None:
            return "done late" if self.late else "done in time"
        assert self.days_left is not None
        if self.days_left > 0:
            return f"{self.days_left} working day{'s' if self.days_left != 1 else ''} left"
        if self.days_left == 0:
            return "late" if self.late else "due today"
        overdue = -self.days_left
        return f"{overdue} working day{'s' if overdue != 1 else ''} late"


@dataclass(frozen=True)
class Timeline:
    stage: str
    deadlines: tuple[Deadline, ...]
    closed_on: date | None = None  # once closed: the last step's date (the decision at least)

    @property
    def stage_label(self) -> str:
        return STAGES[self.stage]

    @property
    def next(self) -> Deadline | None:
        return next((d for d in self.deadlines if d.done_on is None), None)

    @property
    def late(self) -> bool:
        return any(d.late for d in self.deadlines)

    @property
    def late_now(self) -> bool:
        """A deadline has passed with its step not done."""
        return any(d.late and d.done_on is None for d in self.deadlines)

    def get(self, key: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.key == key), None)


def _deadline(
    key: str, label: str, due: date, done_on: date | None, today: date, closures: Collection[date]
) -> Deadline:
    return Deadline(
        key=key,
        label=label,
        due=due,
        done_on=done_on,
        late=rules.is_late(due=due, done_on=done_on, today=today),
        days_left=None if done_on is not None else rules.working_days_between(today, due, closures),
    )


def review_timeline(
    *,
    became_aware_on: date,
    notified_on: date | None,
    rapid_review_sent_on: date | None,
    decision: str,
    decided_on: date | None,
    today: date,
    closures: Collection[date] = (),
    published_on: date | None = None,
    not_publishing: bool = False,
    planned_publication_on: date | None = None,
    report_sent_on: date | None = None,
    notice_working_days: int = rules.DEFAULT_NOTICE_WORKING_DAYS,
    milestones: tuple[Milestone, ...] = (),
) -> Timeline:
    """The review's deadlines and stage. A decision to undertake a practice review adds its
    milestones that have a due date (practitioner event, family's contribution, draft, final
    report: dates the partnership sets), the notice to the Panel and the Department for
    Education (before the planned publication date, else before the publication deadline) and
    the publication deadline, six months from the decision; a recorded decision not to publish
    (with its reasons) closes the review. Once it is closed, a milestone never done is no
    longer a deadline (the review no longer needs it)."""
    deadlines = [
        _deadline(
            "notification",
            "Notify the Panel",
            rules.notification_due(became_aware_on, closures),
            notified_on,
            today,
            closures,
        ),
        _deadline(
            "rapid_review",
            "Send the rapid review to the Panel",
            rules.rapid_review_due(became_aware_on, closures),
            rapid_review_sent_on,
            today,
            closures,
        ),
    ]
    practice_review = decision == "cspr" and decided_on is not None
    if practice_review:
        deadlines += [
            _deadline(key, label, due, done_on, today, closures)
            for key, label, due, done_on in milestones
            if due is not None
        ]
    if practice_review and not not_publishing:
        assert decided_on is not None
        publish_by = rules.publication_due(decided_on)
        deadlines.append(
            _deadline(
                "notice",
                "Send the final report to the Panel and the Department for Education",
                rules.notice_due(
                    min(planned_publication_on or publish_by, publish_by),
                    notice_working_days,
                    closures,
                ),
                report_sent_on,
                today,
                closures,
            )
        )
        deadlines.append(
            _deadline(
                "publication",
                "Publish the practice review",
                rules.publication_due(decided_on),
                published_on,
                today,
                closures,
            )
        )
    if notified_on is None:
        stage = "notification"
    elif rapid_review_sent_on is None:
        stage = "rapid_review"
    elif not decision or decided_on is None:
        stage = "decision"
    elif practice_review and published_on is None and not not_publishing:
        stage = "practice_review"
    else:
        stage = "closed"
    closed_on = None
    if stage == "closed":
        keys = {key for key, *_ in milestones}
        deadlines = [d for d in deadlines if d.key not in keys or d.done_on is not None]
        done = [d.done_on for d in deadlines if d.done_on is not None]
        closed_on = max([*done, decided_on] if decided_on else done)
    return Timeline(stage=stage, deadlines=tuple(deadlines), closed_on=closed_on)


def reminder_due(deadline: Deadline) -> str | None:
    """Which reminder a deadline should have had by today: ``before`` in its last working days,
    ``missed`` once it has passed undone; None once done or while it is far off."""
    if deadline.done_on is not None or deadline.days_left is None:
        return None
    if deadline.late:
        return "missed"
    if deadline.days_left <= REMIND_WORKING_DAYS:
        return "before"
    return None

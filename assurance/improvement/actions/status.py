"""An action's status, computed from its dates (a pure function)."""

from __future__ import annotations

from datetime import date, timedelta

AT_RISK_WINDOW = timedelta(days=28)


def action_status(
    *, state: str, started: bool, due: date, today: date, start: date | None = None
) -> str:
    """One of not_started, on_track, at_risk, overdue, complete, cancelled.

    * complete / cancelled: as recorded by the owner;
    * overdue: open and past its due date;
    * at risk: open, due within four weeks and not yet started — or, if started with a start
      date, with less than a quarter of its time left;
    * not started: open, not started and not yet at risk;
    * on track: started and not at risk.
    """
    if state in {"complete", "cancelled"}:
        return state
    if today > due:
        return "overdue"
    remaining = due - today
    if not started:
        return "at_risk" if remaining <= AT_RISK_WINDOW else "not_started"
    if start is not None and start < due:
        total = (due - start).days
        if total > 0 and remaining.days / total < 0.25 and remaining <= AT_RISK_WINDOW:
            return "at_risk"
    return "on_track"


STATUS_LABELS = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "overdue": "Overdue",
    "complete": "Complete",
    "cancelled": "Cancelled",
}

# GOV.UK tag colours (core/status_tag.html). Not started is blue, as the Design System's
# "Not yet started"; cancelled is grey, as its "Inactive".
STATUS_COLOURS = {
    "not_started": "blue",
    "on_track": "blue",
    "at_risk": "orange",
    "overdue": "red",
    "complete": "green",
    "cancelled": "grey",
}

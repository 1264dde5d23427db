"""Pure rules of a group's agenda (no database): what is due, and what goes on it by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# --- the agenda ---------------------------------------------------------------------------------

DUE_WINDOW = timedelta(days=56)  # actions due within eight weeks of the meeting come up


@dataclass(frozen=True)
class Candidate:
    """Something that could go on an agenda."""

    kind: str  # learning, recommendation, action, exception (learning), dataset (exception report)
    key: int
    title: str
    when: date | None = None  # learned on / due
    already_discussed: bool = False  # on an earlier agenda of this group
    status: str = ""  # an action's computed status; a recommendation's status


def agenda_defaults(
    *, decides: bool, meeting_on: date, candidates: list[Candidate]
) -> list[Candidate]:
    """The candidates ticked by default, in agenda order (the user may change the choice).

    * new learning (not on an earlier agenda of the group): for groups that assess learning,
      not for the decision-making group, which receives recommendations;
    * data set exceptions (learning items from the data set, and the indicators of the data
      set's exception report): for every group, until it has discussed them;
    * recommendations awaiting decision (or asked to come back with more information): for the
      decision-making group;
    * actions overdue, or open and due within eight weeks: for every group.
    """
    order = {"dataset": 0, "exception": 0, "learning": 1, "recommendation": 2, "action": 3}
    chosen = []
    for c in candidates:
        new = c.kind in {"learning", "exception", "dataset"} and not c.already_discussed
        due = c.status == "overdue" or (
            c.status not in {"complete", "cancelled"}
            and c.when is not None
            and c.when <= meeting_on + DUE_WINDOW
        )
        if (
            (c.kind == "learning" and new and not decides)
            or (c.kind in {"exception", "dataset"} and new)
            or (c.kind == "recommendation" and decides and c.status in {"proposed", "more_info"})
            or (c.kind == "action" and due)
        ):
            chosen.append(c)
    return sorted(chosen, key=lambda c: (order[c.kind], c.when or date.min, c.key))

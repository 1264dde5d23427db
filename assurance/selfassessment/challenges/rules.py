"""The challenge's rules, pure (table-tested in ``tests/test_rules.py``).

* An **agreed rating** is recorded only where the panel's rating differs from the self-rating,
  and always with the panel's reason: the organisation must be able to read why.
* The **outcome** must fit the ratings: *Confirmed* only if no rating was changed, *Confirmed with
  changes* only if at least one was. *Not assured* fits either (a return can rate itself rightly
  as not meeting its standards, or the panel can find the narrative does not show what it says).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RatingRow:
    code: str
    self_rating: str  # the option's label, "" if the standard was not rated
    agreed: str  # "" where the panel agrees with the self-rating
    reason: str


def rating_problems(rows: list[RatingRow]) -> dict[str, str]:
    """Standard code → what is wrong with the panel's rating of it."""
    problems: dict[str, str] = {}
    for row in rows:
        reason = row.reason.strip()
        if row.agreed and row.agreed == row.self_rating:
            problems[row.code] = (
                f"The rating agreed for {row.code} is the same as the self-rating "
                f"(“{row.self_rating}”): choose “Agree with the self-rating”, or a different rating"
            )
        elif row.agreed and not reason:
            problems[row.code] = (
                f"Give the panel's reason for rating {row.code} “{row.agreed}” rather than "
                f"“{row.self_rating or 'not rated'}”"
            )
        elif not row.agreed and reason:
            problems[row.code] = (
                f"Choose the rating the panel agreed for {row.code}, or remove the reason: a "
                "reason is only kept with a different rating"
            )
    return problems


CONFIRMED, AMENDED, NOT_ASSURED = "confirmed", "amended", "not_assured"


def outcome_problem(outcome: str, changed: int) -> str:
    """What is wrong with the outcome given how many ratings the panel changed ("" if none)."""
    if outcome == CONFIRMED and changed:
        return (
            f"The panel agreed a different rating for {changed} standard"
            f"{'s' if changed != 1 else ''}: choose “Confirmed with changes” or “Not assured”"
        )
    if outcome == AMENDED and not changed:
        return (
            "No agreed rating differs from the self-rating: choose “Confirmed”, or record the "
            "rating the panel agreed"
        )
    return ""

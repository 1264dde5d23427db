"""What makes a serious incident notification's dates consistent (pure; table-tested).

Each problem is named on the field it concerns, in words that say what to change."""

from __future__ import annotations

from datetime import date


def incident_problems(
    *,
    became_aware_on: date,
    today: date,
    notified_on: date | None = None,
    ofsted_notified_on: date | None = None,
    secretary_of_state_notified_on: date | None = None,
    regulators_apply: bool = False,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if became_aware_on > today:
        problems["became_aware_on"] = "The date of becoming aware cannot be in the future."
    dated = {
        "notified_on": ("The Panel was notified", notified_on),
        "ofsted_notified_on": ("Ofsted was notified", ofsted_notified_on),
        "secretary_of_state_notified_on": (
            "The Secretary of State was notified",
            secretary_of_state_notified_on,
        ),
    }
    for field, (what, when) in dated.items():
        if when is None:
            continue
        if when > today:
            problems[field] = f"{what} on a date in the future: enter the date it happened."
        elif when < became_aware_on:
            problems[field] = (
                f"{what} before the local authority became aware of the incident "
                f"({became_aware_on:%-d %B %Y}): check both dates."
            )
    if not regulators_apply:
        for field in ("ofsted_notified_on", "secretary_of_state_notified_on"):
            if dated[field][1] is not None:
                problems[field] = (
                    "Ofsted and the Secretary of State are notified when a looked-after child "
                    "has died: leave this blank, or record the incident as a looked-after "
                    "child's death."
                )
    return problems


def next_reference(year: int, taken: list[str]) -> str:
    """The next pseudonymised reference of the year: SI-2026-01, SI-2026-02 … (never a child's
    identifier, so it can appear anywhere)."""
    prefix = f"SI-{year}-"
    numbers = [
        int(r.removeprefix(prefix))
        for r in taken
        if r.startswith(prefix) and r.removeprefix(prefix).isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"

"""What makes a rapid review's record consistent (pure; table-tested). Each problem is named on
the field it concerns."""

from __future__ import annotations

from datetime import date


def rapid_review_problems(
    *,
    became_aware_on: date,
    today: date,
    sent_on: date | None,
    recommendation: str,
    recommendation_reasons: str,
    decision: str,
    decided_on: date | None,
    decision_reasons: str,
    panel_response: str,
    panel_response_on: date | None,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    aware = f"{became_aware_on:%-d %B %Y}"
    for field, what, when in (
        ("sent_on", "The rapid review was sent", sent_on),
        ("decided_on", "The decision was taken", decided_on),
        ("panel_response_on", "The Panel responded", panel_response_on),
    ):
        if when is None:
            continue
        if when > today:
            problems[field] = f"{what} on a date in the future: enter the date it happened."
        elif when < became_aware_on:
            problems[field] = f"{what} before the local authority became aware ({aware})."
    if recommendation and not recommendation_reasons.strip():
        problems["recommendation_reasons"] = "Enter why the rapid review recommends this."
    if decision and decided_on is None:
        problems.setdefault("decided_on", "Enter the date of the decision.")
    if decided_on is not None and not decision:
        problems["decision"] = "Select what the safeguarding partners decided."
    if decision and not decision_reasons.strip():
        problems["decision_reasons"] = "Enter the reasons for the decision."
    if panel_response.strip() and panel_response_on is None:
        problems.setdefault("panel_response_on", "Enter the date of the Panel's response.")
    if panel_response_on is not None and not panel_response.strip():
        problems["panel_response"] = "Enter what the Panel said."
    if (panel_response.strip() or panel_response_on) and sent_on is None:
        problems["sent_on"] = "The Panel responds to a rapid review it has: enter when it was sent."
    elif sent_on and panel_response_on and panel_response_on < sent_on:
        problems.setdefault(
            "panel_response_on",
            f"The Panel responded before the rapid review was sent ({sent_on:%-d %B %Y}).",
        )
    return problems

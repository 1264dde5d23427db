"""Did an action make a difference? Pure comparison rules, no database.

Two automatic methods, and what they say in plain English:

* **Indicator**: the partnership's value of the indicator before the action began is compared
  with the latest value published after it was completed, against the target and the
  indicator's polarity (is higher better?). Reaching the target is *achieved*; moving the right
  way without reaching it is *some improvement*.
* **Re-audit**: the proportion of cases meeting the standard in the baseline audit is compared
  with the same standard in a later audit of the same theme. Each proportion has a 95% Wilson
  interval and the change is tested with Fisher's exact test (two-sided); a rise with p < 0.05
  is *achieved*, a fall with p < 0.05 is *worse*, anything else is *no clear change* (a rise
  that chance could explain with these sample sizes is reported as *some improvement* only
  when a target was set and the later proportion reaches it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from assurance.core.stats import p_value_text, two_proportion_test, wilson_interval

SIGNIFICANCE = 0.05

ACHIEVED, IMPROVED, NO_CLEAR_CHANGE, WORSE, NOT_YET = (
    "achieved",
    "improved",
    "no_clear_change",
    "worse",
    "not_yet",
)

REAUDIT_METHOD = (
    "The proportion of cases meeting the standard in each audit, with a 95% Wilson interval; "
    "the change is tested with Fisher's exact test (two-sided) and counts as a real change when "
    "p < 0.05."
)
INDICATOR_METHOD = (
    "The partnership's latest published value before the action began, compared with the "
    "latest value published for a period ending after it was completed, against the target."
)


@dataclass(frozen=True)
class Verdict:
    outcome: str
    summary: str
    figures: dict[str, Any] = field(default_factory=dict)


def _fmt(value: Decimal | float | None) -> str:
    if value is None:
        return "no value"
    number = Decimal(str(value)).normalize()
    return f"{number:f}"


def _better(after: Decimal, before: Decimal, polarity: str, target: Decimal | None) -> int:
    """+1 if ``after`` is better than ``before``, -1 if worse, 0 if the same."""
    if after == before:
        return 0
    if polarity == "higher":
        return 1 if after > before else -1
    if polarity == "lower":
        return 1 if after < before else -1
    if target is None:
        return 0
    return 1 if abs(after - target) < abs(before - target) else -1


def _meets(value: Decimal, target: Decimal, polarity: str) -> bool:
    if polarity == "higher":
        return value >= target
    if polarity == "lower":
        return value <= target
    return value == target


def indicator_verdict(
    *,
    before: Decimal | None,
    after: Decimal | None,
    target: Decimal | None,
    polarity: str,
    before_period: str = "",
    after_period: str = "",
) -> Verdict:
    """Compare an indicator's value before an action with its value after it."""
    figures = {
        "before": _fmt(before) if before is not None else None,
        "after": _fmt(after) if after is not None else None,
        "target": _fmt(target) if target is not None else None,
        "before_period": before_period,
        "after_period": after_period,
        "polarity": polarity,
        "method": INDICATOR_METHOD,
    }
    if before is None:
        return Verdict(
            NOT_YET, "There is no value from before the action to compare with.", figures
        )
    if after is None:
        return Verdict(
            NOT_YET,
            f"The value before the action was {_fmt(before)} ({before_period}); no value has "
            "been published yet for a period after it was completed.",
            figures,
        )
    change = f"from {_fmt(before)} ({before_period}) to {_fmt(after)} ({after_period})"
    direction = _better(after, before, polarity, target)
    if target is not None and _meets(after, target, polarity):
        return Verdict(
            ACHIEVED,
            f"The indicator moved {change}, reaching the target of {_fmt(target)}.",
            figures,
        )
    aim = f" The target is {_fmt(target)}." if target is not None else ""
    if direction > 0:
        outcome = IMPROVED if target is not None else ACHIEVED
        return Verdict(outcome, f"The indicator improved {change}.{aim}", figures)
    if direction < 0:
        return Verdict(WORSE, f"The indicator got worse, {change}.{aim}", figures)
    return Verdict(NO_CLEAR_CHANGE, f"The indicator did not change: {change}.{aim}", figures)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.0f}%"


def reaudit_verdict(
    *,
    before_meeting: int,
    before_assessed: int,
    after_meeting: int,
    after_assessed: int,
    before_label: str = "the baseline audit",
    after_label: str = "the later audit",
    target: Decimal | None = None,
) -> Verdict:
    """Compare the proportion meeting a standard in a baseline audit and a later audit.

    ``target`` is an optional proportion to reach, as a percentage (75 for 75%).
    """
    before = wilson_interval(before_meeting, before_assessed)
    after = wilson_interval(after_meeting, after_assessed)
    p_value = two_proportion_test(after_meeting, after_assessed, before_meeting, before_assessed)
    figures: dict[str, Any] = {
        "before_meeting": before_meeting,
        "before_assessed": before_assessed,
        "before_proportion": before.value,
        "before_low": before.low,
        "before_high": before.high,
        "after_meeting": after_meeting,
        "after_assessed": after_assessed,
        "after_proportion": after.value,
        "after_low": after.low,
        "after_high": after.high,
        "p_value": p_value,
        "before_label": before_label,
        "after_label": after_label,
        "target": _fmt(target) if target is not None else None,
        "method": REAUDIT_METHOD,
    }
    if before.value is None or after.value is None:
        which = before_label if before.value is None else after_label
        return Verdict(NOT_YET, f"No case in {which} was assessed against this standard.", figures)
    text = (
        f"{before_meeting} of {before_assessed} ({_pct(before.value)}, 95% interval "
        f"{_pct(before.low)} to {_pct(before.high)}) met the standard in {before_label}; "
        f"{after_meeting} of {after_assessed} ({_pct(after.value)}, {_pct(after.low)} to "
        f"{_pct(after.high)}) in {after_label}. Fisher's exact test: {p_value_text(p_value)}"
    )
    significant = p_value is not None and p_value < SIGNIFICANCE
    diff = after.value - before.value
    reached = target is not None and after.value * 100 >= float(target)
    if significant and diff > 0:
        return Verdict(
            ACHIEVED,
            f"The standard improved: {text}, so the rise is unlikely to be chance.",
            figures,
        )
    if significant and diff < 0:
        return Verdict(
            WORSE, f"The standard got worse: {text}, so the fall is unlikely to be chance.", figures
        )
    if diff > 0 and reached:
        return Verdict(
            IMPROVED,
            f"The standard reached the target of {_fmt(target)}%: "
            f"{text}; the rise could still be chance with samples this size.",
            figures,
        )
    return Verdict(
        NO_CLEAR_CHANGE, f"No change that can be told apart from chance: {text}.", figures
    )

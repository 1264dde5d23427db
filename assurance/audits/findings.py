"""Findings from counts of answers (pure functions): the distribution of responses per
standard, the proportion meeting it with a 95% Wilson interval, by agency and overall, and the
change since an earlier audit of the same theme.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from assurance.core.stats import Proportion, two_proportion_test, wilson_interval

SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class OptionInfo:
    id: int
    label: str
    meets_standard: bool
    is_not_applicable: bool


@dataclass
class Tally:
    """Counts of each option for one standard (and one agency, or all agencies)."""

    counts: dict[int, int] = field(default_factory=dict)

    def add(self, option_id: int, count: int = 1) -> None:
        self.counts[option_id] = self.counts.get(option_id, 0) + count

    def summarise(self, options: Iterable[OptionInfo]) -> dict[str, object]:
        options = options if isinstance(options, tuple) else tuple(options)
        meets, assessed_ids, not_applicable_ids = _option_groups(options)
        get = self.counts.get
        meeting = sum([get(i, 0) for i in meets])
        assessed = sum([get(i, 0) for i in assessed_ids])
        proportion = wilson_interval(meeting, assessed)
        return {
            "counts": {o.label: get(o.id, 0) for o in options},
            "meeting": meeting,
            "assessed": assessed,
            "not_applicable": sum([get(i, 0) for i in not_applicable_ids]),
            "proportion": proportion.value,
            "low": proportion.low,
            "high": proportion.high,
        }


@lru_cache(maxsize=256)
def _option_groups(
    options: tuple[OptionInfo, ...],
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The ids of the options that meet the standard, that count as assessed, and that are
    "not applicable" (a findings page summarises the same few scales hundreds of times)."""
    return (
        tuple(o.id for o in options if o.meets_standard),
        tuple(o.id for o in options if not o.is_not_applicable),
        tuple(o.id for o in options if o.is_not_applicable),
    )


@dataclass(frozen=True)
class Change:
    before: Proportion
    after: Proportion
    p_value: float | None

    @property
    def difference(self) -> float | None:
        if self.before.value is None or self.after.value is None:
            return None
        return self.after.value - self.before.value

    @property
    def distinguishable(self) -> bool:
        return self.p_value is not None and self.p_value < SIGNIFICANCE

    @property
    def verdict(self) -> str:
        if self.difference is None:
            return "Not comparable: one of the audits assessed no cases on this standard."
        if not self.distinguishable:
            return "Not distinguishable from chance with these sample sizes."
        return "Improved" if self.difference > 0 else "Worse"


def compare(
    before_meeting: int, before_assessed: int, after_meeting: int, after_assessed: int
) -> Change:
    """Change in the proportion meeting a standard between two audits (Fisher's exact test)."""
    return Change(
        before=wilson_interval(before_meeting, before_assessed),
        after=wilson_interval(after_meeting, after_assessed),
        p_value=two_proportion_test(after_meeting, after_assessed, before_meeting, before_assessed),
    )


METHOD_NOTE = (
    "Proportions meeting each standard are shown with 95% Wilson score intervals. A change "
    "between two audits is tested with Fisher's exact test (two-sided); it is called "
    "distinguishable from chance when p < 0.05. With samples of about 24 cases only large "
    "changes can be told apart from chance."
)

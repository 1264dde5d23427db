"""Findings from counts of answers (pure functions): the distribution of responses per
standard, the proportion meeting it with a 95% Wilson interval, by agency and overall, and the
change since an earlier audit of the same theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


@dataclass(frozen=True)
class Scale:
    """A standard's response options, grouped once: which meet the standard, which count as
    assessed and which are "not applicable" (a findings page summarises the same few scales
    for every standard and agency, so this is worked out once per standard, not per summary)."""

    options: tuple[OptionInfo, ...]
    labelled: tuple[tuple[int, str], ...]
    meets: tuple[int, ...]
    assessed: tuple[int, ...]
    not_applicable: tuple[int, ...]

    @classmethod
    def of(cls, options: Iterable[OptionInfo]) -> Scale:
        options = tuple(options)
        return cls(
            options=options,
            labelled=tuple((o.id, o.label) for o in options),
            meets=tuple(o.id for o in options if o.meets_standard),
            assessed=tuple(o.id for o in options if not o.is_not_applicable),
            not_applicable=tuple(o.id for o in options if o.is_not_applicable),
        )


def summarise_counts(counts: Mapping[int, int], scale: Scale) -> dict[str, object]:
    """The summary of one standard's counts (option id → answers), for one agency or all: the
    count of each option by label, the number meeting the standard and assessed, the number
    "not applicable", and the proportion meeting it with its 95% Wilson interval."""
    get = counts.get
    meeting = sum([get(i, 0) for i in scale.meets])
    assessed = sum([get(i, 0) for i in scale.assessed])
    proportion = wilson_interval(meeting, assessed)
    return {
        "counts": {label: get(i, 0) for i, label in scale.labelled},
        "meeting": meeting,
        "assessed": assessed,
        "not_applicable": sum([get(i, 0) for i in scale.not_applicable]),
        "proportion": proportion.value,
        "low": proportion.low,
        "high": proportion.high,
    }


@dataclass
class Tally:
    """Counts of each option for one standard (and one agency, or all agencies)."""

    counts: dict[int, int] = field(default_factory=dict)

    def add(self, option_id: int, count: int = 1) -> None:
        self.counts[option_id] = self.counts.get(option_id, 0) + count

    def summarise(self, options: Iterable[OptionInfo]) -> dict[str, object]:
        return summarise_counts(self.counts, _scale(tuple(options)))


@lru_cache(maxsize=256)
def _scale(options: tuple[OptionInfo, ...]) -> Scale:
    return Scale.of(options)


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

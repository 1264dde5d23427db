"""The standards' pure rules: a standard's proportion of returns that meet it with its 95%
Wilson interval and the change since the last round of the same tool; the bands a heat map's
cells are shaded by; the short mark each rating shows in a cell, so that colour is never the
only signal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assurance.core.stats import percent, two_proportion_test, wilson_interval

# A heat map's shading of a share of returns that meet a standard: at least HIGH is "high"
# (green), at least MIDDLE "middle" (yellow), below it "low" (red).
HIGH = 0.8
MIDDLE = 0.5
# A change since the last round is called a change beyond chance below this p-value
# (Fisher's exact test of the two rounds' counts).
SIGNIFICANT = 0.05


@dataclass(frozen=True)
class Rating:
    """An option of the tool's scale: its label, whether it meets the standard, and whether it
    means "not applicable" (then it counts in no proportion)."""

    label: str
    meets: bool = False
    not_applicable: bool = False


@dataclass(frozen=True)
class StandardFigures:
    code: str
    title: str
    counts: tuple[tuple[str, int], ...]  # (rating label, returns), in the scale's order
    met: int
    n: int  # returns that rated it on the scale (not "not applicable")
    ci_low: float | None
    ci_high: float | None
    previous_met: int | None = None  # the last round's, None when it has no such standard
    previous_n: int | None = None

    @property
    def proportion(self) -> float | None:
        return self.met / self.n if self.n else None

    @property
    def previous_proportion(self) -> float | None:
        if not self.previous_n or self.previous_met is None:
            return None
        return self.previous_met / self.previous_n

    @property
    def change(self) -> float | None:
        """The proportion less the last round's (a fraction: 0.05 is 5 percentage points)."""
        now, before = self.proportion, self.previous_proportion
        return None if now is None or before is None else now - before

    @property
    def change_p(self) -> float | None:
        """Fisher's exact p-value that the two rounds' proportions differ."""
        if self.change is None or self.previous_met is None or self.previous_n is None:
            return None
        return two_proportion_test(self.met, self.n, self.previous_met, self.previous_n)

    @property
    def band(self) -> str:
        return band(self.proportion)

    @property
    def proportion_text(self) -> str:
        """ "75% (30 of 40)", or "No returns rated it"."""
        if not self.n:
            return "No returns rated it"
        return f"{percent(self.proportion)} ({self.met} of {self.n})"

    @property
    def interval_text(self) -> str:
        if self.ci_low is None or self.ci_high is None:
            return "–"
        return f"{percent(self.ci_low)} to {percent(self.ci_high)}"

    @property
    def change_text(self) -> str:
        return change_text(self.change, self.change_p, previous_n=self.previous_n)


def standard_figures(
    *,
    code: str,
    title: str,
    scale: Sequence[Rating],
    counts: Mapping[str, int],
    previous: tuple[int, int] | None = None,
) -> StandardFigures:
    """One standard's figures from how many returns gave each rating (by label; a label not on
    the scale is left out) and, if the last round of the tool had the standard, its (met, n)."""
    rated = [(r, int(counts.get(r.label, 0))) for r in scale]
    n = sum(count for r, count in rated if not r.not_applicable)
    met = sum(count for r, count in rated if r.meets and not r.not_applicable)
    interval = wilson_interval(met, n)
    return StandardFigures(
        code=code,
        title=title,
        counts=tuple((r.label, count) for r, count in rated),
        met=met,
        n=n,
        ci_low=interval.low,
        ci_high=interval.high,
        previous_met=previous[0] if previous else None,
        previous_n=previous[1] if previous else None,
    )


def change_text(change: float | None, p_value: float | None, *, previous_n: int | None) -> str:
    """What the change since the last round says: "Up 12 points", "Down 3 points (could be
    chance)", "No change", or why there is none."""
    if previous_n is None:
        return "Not in the last round"
    if change is None:
        return "No returns to compare"
    points = round(change * 100)
    if points == 0:
        return "No change"
    text = f"{'Up' if points > 0 else 'Down'} {abs(points)} point{'s' if abs(points) != 1 else ''}"
    if p_value is not None and p_value >= SIGNIFICANT:
        text += " (could be chance)"
    return text


def band(proportion: float | None) -> str:
    """The heat map's shading of a share that meets a standard: high, middle, low, or none."""
    if proportion is None:
        return "none"
    if proportion >= HIGH:
        return "high"
    if proportion >= MIDDLE:
        return "middle"
    return "low"


def rating_band(scale: Sequence[Rating], label: str) -> str:
    """A single return's rating shaded as the heat map shades shares: a rating that meets the
    standard is high, the scale's last rating (worst) low, any between middle; not applicable
    or no rating: none."""
    ratings = [r for r in scale if not r.not_applicable]
    found = next((r for r in scale if r.label == label), None)
    if found is None or found.not_applicable:
        return "none"
    if found.meets:
        return "high"
    if ratings and found == ratings[-1]:
        return "low"
    return "middle"


def rating_marks(labels: Sequence[str]) -> dict[str, str]:
    """A short mark for each rating, shown in the heat map's cells beside the colour: the
    initials of its words ("Fully met" F, "Partly met" P, "Not met" N; "Red" R); where two
    labels would share a mark, each is numbered by its place on the scale instead."""
    marks = {label: "".join(w[0] for w in label.split()[:1]).upper() for label in labels}
    if len(set(marks.values())) < len(labels) or any(not m for m in marks.values()):
        return {label: str(i) for i, label in enumerate(labels, start=1)}
    return marks

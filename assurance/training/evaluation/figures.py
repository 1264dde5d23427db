"""The evaluation's figures as words and numbers to show (page, report). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assurance.core.charts import Change, ChangeChart, change_chart
from assurance.core.stats import Proportion, percent
from assurance.training.evaluation.analysis import Comparison, PairedChange


def signed(value: float | None, places: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:+.{places}f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def plain(value: float | None, places: int = 1) -> str:
    return "–" if value is None else f"{value:.{places}f}"


def p_text(p: float | None) -> str:
    """A p-value as a reader expects it: three decimals, "< 0.001" below that."""
    if p is None:
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def share_text(share: Proportion) -> str:
    return "–" if share.value is None else percent(share.value)


def rate_text(rate: Proportion) -> str:
    """A rate with its interval: "62% (51% to 72%)"."""
    if rate.value is None:
        return "–"
    if rate.low is None or rate.high is None:
        return percent(rate.value)
    return f"{percent(rate.value)} ({percent(rate.low)} to {percent(rate.high)})"


def interval_text(change: PairedChange) -> str:
    if change.ci_low is None or change.ci_high is None:
        return "–"
    return f"{signed(change.ci_low)} to {signed(change.ci_high)}"


def verdict(change: PairedChange) -> str:
    """One sentence a busy reader can act on."""
    if change.n_pairs == 0 or change.mean_change is None:
        return "No pairs yet"
    if change.ci_low is not None and change.ci_low > 0 and (change.p_value or 1) < 0.05:
        return "Clear gain"
    if change.ci_high is not None and change.ci_high < 0 and (change.p_value or 1) < 0.05:
        return "Clear fall"
    return "No clear change"


@dataclass(frozen=True)
class ChangeRow:
    comparison: str
    n_pairs: int
    before: str
    after: str
    change: str
    interval: str
    p_value: str
    verdict: str
    caution: str


def change_row(comparison: Comparison, change: PairedChange) -> ChangeRow:
    return ChangeRow(
        comparison=comparison.label,
        n_pairs=change.n_pairs,
        before=plain(change.mean_before),
        after=plain(change.mean_after),
        change=signed(change.mean_change),
        interval=interval_text(change),
        p_value=p_text(change.p_value),
        verdict=verdict(change),
        caution=change.caution_text,
    )


def impact_of(course_title: str, change: PairedChange) -> tuple[str, str]:
    """The action log's outcome and sentence for an action delivered by a course, from the
    course's change before → three months after in the same practitioners: a clear gain is
    *achieved*, a clear fall *worse*, anything else *no clear change*; under two pairs there is
    no interval, so nothing to measure yet. The caution under 10 pairs is part of the sentence."""
    reading = verdict(change)
    if change.n_pairs < 2 or change.mean_change is None:
        people = "No one has" if change.n_pairs == 0 else "Only one person has"
        return "not_yet", (
            f"{people} answered both before “{course_title}” and three months after, so its "
            "change cannot be measured yet."
        )
    outcome = {"Clear gain": "achieved", "Clear fall": "worse"}.get(reading, "no_clear_change")
    sentence = (
        f"{reading} three months after “{course_title}”: in the {change.n_pairs} practitioners "
        f"who answered before and three months on, knowledge and confidence (1 to 10) went from "
        f"{plain(change.mean_before)} to {plain(change.mean_after)}, a mean change of "
        f"{signed(change.mean_change)} (95% interval {interval_text(change)}; Wilcoxon p "
        f"{p_text(change.p_value)})."
    )
    if change.caution:
        sentence += " " + change.caution_text
    return outcome, sentence


def change_text(change: PairedChange) -> str:
    """A change's figures beside its dot: "+2.2 (+0.8 to +3.6), 5 pairs"."""
    if change.mean_change is None:
        return "No pairs" if change.n_pairs == 0 else f"{change.n_pairs} pairs, no change"
    pairs = f"{change.n_pairs} pair{'' if change.n_pairs == 1 else 's'}"
    if change.ci_low is None or change.ci_high is None:
        return f"{signed(change.mean_change)}, {pairs}"
    return f"{signed(change.mean_change)} ({interval_text(change)}), {pairs}"


def outcome_numbers(outcomes: Sequence[str]) -> dict[str, int]:
    """Each outcome's number (1, 2…) in the order given, for the chart's short labels."""
    numbers: dict[str, int] = {}
    for outcome in outcomes:
        numbers.setdefault(outcome, len(numbers) + 1)
    return numbers


def three_month_chart(
    rows: Sequence[tuple[str, str, PairedChange]], *, course_title: str
) -> ChangeChart:
    """The change before → three months after per outcome and measure, as a chart: a dot at the
    mean change, a line across its 95% interval, 0 marked, the figures beside each row. Rows
    are labelled "Outcome 1: knowledge" (an outcome's words are too long to fit; the tables
    beside the chart number the outcomes the same way)."""
    numbers = outcome_numbers([outcome for outcome, _measure, _change in rows])
    return change_chart(
        [
            Change(
                f"Outcome {numbers[outcome]}: {measure}",
                change.mean_change,
                change.ci_low,
                change.ci_high,
                change_text(change),
            )
            for outcome, measure, change in rows
        ],
        description=(
            f"{course_title}: mean change in ratings (1 to 10) from before the course to three "
            "months after, in the same practitioners, with its 95% interval, per learning "
            "outcome and measure"
        ),
    )

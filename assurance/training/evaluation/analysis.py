"""The paired analysis of a course's evaluation. Pure functions, no database.

Practitioners rate their own knowledge and confidence against each learning outcome on a scale
of 1 to 10 before the course, at its end and three months on; their line manager rates their
practice three months on. Each answer is kept against a pseudonymous respondent id, so the
stages pair up without names. Change is measured only in the same people: a respondent counts
in "before → three months" when they answered both (a paired design), never by comparing the
mean of everyone who answered before with the mean of the fewer who answered later.

* the mean change with its 95% confidence interval from the paired t distribution
  (``scipy.stats.ttest_rel``);
* a Wilcoxon signed-rank p-value (``scipy.stats.wilcoxon``), which does not assume the changes
  are normally distributed — on a 1–10 scale with a dozen pairs they rarely are. Respondents
  whose score did not change carry no sign and are left out of its ranks (Wilcoxon's own rule);
* a caution when fewer than ``CAUTION_BELOW`` pairs: the interval is then wide and the
  p-value says little.

Manager agreement compares, for the same practitioner and outcome, the manager's rating of
their practice with the practitioner's own three-month rating: the share within one point of
each other (with its Wilson interval) and the mean of manager minus practitioner.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from scipy import stats as scipy_stats

from assurance.core.stats import Proportion, wilson_interval

CAUTION_BELOW = 10
SCORE_MIN, SCORE_MAX = 1, 10
AGREEMENT_WITHIN = 1


class Stage(StrEnum):
    BEFORE = "before"
    END = "end"
    THREE_MONTHS = "three_months"
    MANAGER = "manager"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS = {
    Stage.BEFORE: "Before the course",
    Stage.END: "At the end of the course",
    Stage.THREE_MONTHS: "Three months after",
    Stage.MANAGER: "Line manager, three months after",
}


class Comparison(StrEnum):
    """The two changes measured in the same practitioners."""

    BEFORE_END = "before_end"
    BEFORE_THREE_MONTHS = "before_three_months"

    @property
    def stages(self) -> tuple[Stage, Stage]:
        return COMPARISON_STAGES[self]

    @property
    def label(self) -> str:
        return COMPARISON_LABELS[self]


COMPARISON_STAGES = {
    Comparison.BEFORE_END: (Stage.BEFORE, Stage.END),
    Comparison.BEFORE_THREE_MONTHS: (Stage.BEFORE, Stage.THREE_MONTHS),
}
COMPARISON_LABELS = {
    Comparison.BEFORE_END: "Before → end of course",
    Comparison.BEFORE_THREE_MONTHS: "Before → three months after",
}


@dataclass(frozen=True)
class Answer:
    """One rating: who (pseudonymous), at which stage, against which learning outcome."""

    respondent: str
    stage: Stage
    outcome: str
    score: int


@dataclass(frozen=True)
class PairedChange:
    n_pairs: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None

    @property
    def caution(self) -> bool:
        return self.n_pairs < CAUTION_BELOW

    @property
    def caution_text(self) -> str:
        if self.n_pairs == 0:
            return "No one answered both questionnaires, so there is no change to measure."
        if self.caution:
            return (
                f"Only {self.n_pairs} {'person' if self.n_pairs == 1 else 'people'} answered "
                f"both questionnaires: with fewer than {CAUTION_BELOW} the interval is wide and "
                "the change may be chance."
            )
        return ""


def _check_score(score: float) -> None:
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise ValueError(f"A rating must be from {SCORE_MIN} to {SCORE_MAX}, got {score}.")


def paired_change(before: Mapping[str, float], after: Mapping[str, float]) -> PairedChange:
    """The change from ``before`` to ``after`` in the respondents present in both.

    Each mapping is respondent id → score. A respondent in only one is not a pair and is left
    out of every figure (their mean included), so the before and after means describe the same
    people and their difference is the mean change.
    """
    for score in (*before.values(), *after.values()):
        _check_score(score)
    paired = sorted(set(before) & set(after))
    n = len(paired)
    if n == 0:
        return PairedChange(0, None, None, None, None, None, None)
    first = [float(before[r]) for r in paired]
    second = [float(after[r]) for r in paired]
    differences = [b - a for a, b in zip(first, second, strict=True)]
    mean_before = sum(first) / n
    mean_after = sum(second) / n
    mean_change = sum(differences) / n
    ci_low = ci_high = None
    if n >= 2:
        if all(d == differences[0] for d in differences):
            # Every pair changed by the same amount: no spread, so the interval is that amount
            # (scipy would divide by a zero standard deviation).
            ci_low = ci_high = mean_change
        else:
            ci_low, ci_high = paired_t_interval(differences, mean_change)
    return PairedChange(
        n, mean_before, mean_after, mean_change, ci_low, ci_high, signed_rank_p(differences)
    )


@lru_cache(maxsize=512)
def t_quantile(df: int) -> float:
    """The 97.5th centile of Student's t with ``df`` degrees of freedom (scipy's), kept per
    ``df``: an evaluation asks for the same few dozen, and scipy's call costs far more than
    the arithmetic around it."""
    return float(scipy_stats.t.ppf(0.975, df))


def paired_t_interval(differences: list[float], mean: float) -> tuple[float, float]:
    """The 95% confidence interval of the mean of paired differences (the paired t interval:
    mean ± t₀.₉₇₅,ₙ₋₁ × s / √n), as ``scipy.stats.ttest_rel(after, before).confidence_interval``
    gives it (a table test checks they agree) without its cost per call."""
    n = len(differences)
    variance = sum((d - mean) ** 2 for d in differences) / (n - 1)
    half = t_quantile(n - 1) * math.sqrt(variance / n)
    return mean - half, mean + half


def signed_rank_p(differences: Iterable[float]) -> float | None:
    """Two-sided Wilcoxon signed-rank p-value of paired differences; None when no pair changed
    (nothing to rank). The method is scipy's own choice (``scipy.stats.wilcoxon`` with
    ``method="auto"`` on the pairs that changed; a table test checks every branch gives scipy's
    p-value): the exact distribution up to ``EXACT_UP_TO`` changed pairs without ties; with tied
    ranks, the exact distribution of the tied ranks up to ``EXACT_TIED_UP_TO`` pairs (scipy
    enumerates every sign pattern); beyond, the normal approximation corrected for ties, without
    continuity correction. Worked here rather than by calling scipy: its fixed cost per call
    was most of an evaluation's time, and each distribution is counted once per shape."""
    nonzero = [d for d in differences if d != 0]
    if not nonzero:
        return None
    ranks, tie_sizes = midranks([abs(d) for d in nonzero])
    n = len(nonzero)
    doubled = [round(2 * r) for r in ranks]  # midranks are halves: doubled, whole numbers
    observed = sum(r for r, d in zip(doubled, nonzero, strict=True) if d > 0)
    tied = any(size > 1 for size in tie_sizes)
    if (tied and n <= EXACT_TIED_UP_TO) or (not tied and n <= EXACT_UP_TO):
        return _exact_p(tuple(sorted(doubled)), observed)
    return _normal_p(n, observed / 2, tie_sizes)


# scipy's "auto": the exact distribution up to this many changed pairs without ties…
EXACT_UP_TO = 50
# …and up to this many with tied ranks (2^13 sign patterns: below its permutation test's 9,999
# resamples, so scipy counts every pattern).
EXACT_TIED_UP_TO = 13


def midranks(values: list[float]) -> tuple[list[float], list[int]]:
    """The rank of each value (1 for the smallest), tied values sharing the mean of their ranks;
    and the size of each group of equal values (for the tie correction)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    sizes: list[int] = []
    start = 0
    while start < len(order):
        stop = start
        while stop + 1 < len(order) and values[order[stop + 1]] == values[order[start]]:
            stop += 1
        rank = (start + stop) / 2 + 1
        for position in range(start, stop + 1):
            ranks[order[position]] = rank
        sizes.append(stop - start + 1)
        start = stop + 1
    return ranks, sizes


@lru_cache(maxsize=1024)
def _sign_pattern_counts(doubled: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Of the 2^n equally likely sign patterns of these (doubled) ranks, how many give each sum
    of positive ranks: counted by adding one rank at a time, once per set of ranks."""
    counts: dict[int, int] = {0: 1}
    for rank in doubled:
        following: dict[int, int] = defaultdict(int)
        for total, ways in counts.items():
            following[total] += ways
            following[total + rank] += ways
        counts = following
    return tuple(sorted(counts.items()))


def _exact_p(doubled: tuple[int, ...], observed: int) -> float:
    """The exact two-sided p-value: the share of sign patterns whose sum of positive ranks lies
    as far from its centre as the one observed."""
    centre = sum(doubled) / 2
    distance = abs(observed - centre)
    extreme = sum(
        ways for total, ways in _sign_pattern_counts(doubled) if abs(total - centre) >= distance
    )
    return min(1.0, extreme / 2 ** len(doubled))


def _normal_p(n: int, r_plus: float, tie_sizes: list[int]) -> float:
    """The normal approximation of the signed-rank statistic, its variance corrected for ties
    (as scipy: no continuity correction)."""
    mean = n * (n + 1) / 4
    tie_correction = sum(t**3 - t for t in tie_sizes)
    se = math.sqrt((n * (n + 1) * (2 * n + 1) - tie_correction / 2) / 24)
    z = (r_plus - mean) / se
    return min(1.0, math.erfc(abs(z) / math.sqrt(2)))


def tied_exact_p(nonzero: list[float]) -> float:
    """The exact two-sided p-value of the signed-rank statistic with tied (mid)ranks: of the
    2^n equally likely sign patterns, the share whose sum of positive ranks lies as far from
    its centre as the one observed."""
    ranks, _sizes = midranks([abs(d) for d in nonzero])
    doubled = [round(2 * r) for r in ranks]
    observed = sum(r for r, d in zip(doubled, nonzero, strict=True) if d > 0)
    return _exact_p(tuple(sorted(doubled)), observed)


def response_rate(responded: int, invited: int) -> Proportion:
    """The share of those asked who answered, with its Wilson interval."""
    return wilson_interval(min(responded, invited), invited)


@dataclass(frozen=True)
class ManagerAgreement:
    n_pairs: int
    within_one: Proportion
    mean_difference: float | None

    @property
    def caution(self) -> bool:
        return self.n_pairs < CAUTION_BELOW


def manager_agreement(
    practitioner: Mapping[str, float], manager: Mapping[str, float]
) -> ManagerAgreement:
    """How far a manager's three-month rating of a practitioner's practice agrees with the
    practitioner's own: the share of pairs within ``AGREEMENT_WITHIN`` point, and the mean of
    manager minus practitioner (negative: managers see less change than practitioners
    report)."""
    for score in (*practitioner.values(), *manager.values()):
        _check_score(score)
    paired = sorted(set(practitioner) & set(manager))
    n = len(paired)
    within = sum(1 for r in paired if abs(manager[r] - practitioner[r]) <= AGREEMENT_WITHIN)
    difference = sum(manager[r] - practitioner[r] for r in paired) / n if n else None
    return ManagerAgreement(n, wilson_interval(within, n), difference)


@dataclass(frozen=True)
class OutcomeEvaluation:
    outcome: str
    responses: dict[Stage, int]
    changes: dict[Comparison, PairedChange]
    agreement: ManagerAgreement


def scores_by_stage(answers: Iterable[Answer], outcome: str) -> dict[Stage, dict[str, float]]:
    """Respondent → score at each stage, for one outcome. A respondent who answered a stage
    twice is refused: a questionnaire is answered once."""
    found: dict[Stage, dict[str, float]] = defaultdict(dict)
    for answer in answers:
        if answer.outcome != outcome:
            continue
        stage = found[answer.stage]
        if answer.respondent in stage:
            raise ValueError(
                f"Respondent {answer.respondent} answered {answer.stage.label.lower()} twice "
                f"for “{outcome}”."
            )
        stage[answer.respondent] = answer.score
    return {stage: dict(found.get(stage, {})) for stage in Stage}


def evaluate_outcome(answers: Iterable[Answer], outcome: str) -> OutcomeEvaluation:
    """Every figure of one learning outcome: responses per stage, both paired changes and the
    manager's agreement with the practitioner at three months."""
    return evaluate_scores(scores_by_stage(answers, outcome), outcome)


def evaluate_scores(scores: Mapping[Stage, Mapping[str, float]], outcome: str) -> OutcomeEvaluation:
    """``evaluate_outcome`` of the scores already grouped by stage (respondent → score at each
    stage; a stage no one answered may be missing)."""
    scores = {stage: scores.get(stage, {}) for stage in Stage}
    return OutcomeEvaluation(
        outcome=outcome,
        responses={stage: len(scores[stage]) for stage in Stage},
        changes={
            comparison: paired_change(scores[comparison.stages[0]], scores[comparison.stages[1]])
            for comparison in Comparison
        },
        agreement=manager_agreement(scores[Stage.THREE_MONTHS], scores[Stage.MANAGER]),
    )


def respondent_means(answers: Iterable[Answer], stage: Stage) -> dict[str, float]:
    """Respondent → the mean of all their ratings at ``stage`` (every learning outcome and
    measure of the course): one figure a person, so a course's change pairs people, not
    ratings."""
    totals: dict[str, list[float]] = defaultdict(list)
    for answer in answers:
        if answer.stage == stage:
            totals[answer.respondent].append(answer.score)
    return {respondent: sum(s) / len(s) for respondent, s in totals.items()}


def course_change(answers: Iterable[Answer], comparison: Comparison) -> PairedChange:
    """The course's change in the same practitioners: each respondent's mean rating across the
    course's outcomes and measures, paired between the comparison's two stages. What an action
    delivered by the course takes as its measured impact (before → three months)."""
    answers = list(answers)
    first, second = comparison.stages
    return paired_change(respondent_means(answers, first), respondent_means(answers, second))

"""The paired analysis against figures worked by hand (t from printed tables: t(0.975, 4) =
2.7764, t(0.975, 5) = 2.5706; Wilcoxon's exact p from counting sign patterns)."""

import pytest

from assurance.training.evaluation.analysis import (
    CAUTION_BELOW,
    Answer,
    Comparison,
    Stage,
    evaluate_outcome,
    manager_agreement,
    paired_change,
    response_rate,
    signed_rank_p,
)


def scores(*values: float) -> dict[str, float]:
    return {f"R{i:03d}": v for i, v in enumerate(values)}


@pytest.mark.parametrize(
    ("before", "after", "n", "mean_before", "mean_after", "change", "low", "high", "p"),
    [
        # Changes 2, 2, 1, 1, 3: mean 1.8; s² = 2.8 / 4 = 0.7, s = 0.8367, se = 0.3742;
        # 1.8 ± 2.7764 × 0.3742 = 0.7612 to 2.8388. All five rose: p = 2 × (1/2)^5 = 0.0625.
        ((4, 5, 6, 5, 3), (6, 7, 7, 6, 6), 5, 4.6, 6.4, 1.8, 0.7612, 2.8388, 0.0625),
        # Changes 1, −2, 3, 4, 5, 6: mean 17/6 = 2.8333; s² = 42.8333 / 5, s = 2.9269,
        # se = 1.1949; 2.8333 ± 2.5706 × 1.1949 = −0.2383 to 5.9049. The one fall has rank 2:
        # of the 64 sign patterns, 3 have a falling rank sum ≤ 2 ({}, {1}, {2}): p = 6/64.
        (
            (3, 5, 2, 4, 1, 2),
            (4, 3, 5, 8, 6, 8),
            6,
            2.8333,
            5.6667,
            2.8333,
            -0.2383,
            5.9049,
            0.09375,
        ),
        # Every pair rose by one: no spread, so the interval is the change; p = 2 × (1/2)^3.
        ((5, 6, 7), (6, 7, 8), 3, 6.0, 7.0, 1.0, 1.0, 1.0, 0.25),
        # No pair changed: nothing to rank.
        ((5, 6), (5, 6), 2, 5.5, 5.5, 0.0, 0.0, 0.0, None),
        # One pair: a change but no interval (no degrees of freedom); p = 2 × 1/2.
        ((5,), (7,), 1, 5.0, 7.0, 2.0, None, None, 1.0),
    ],
)
def test_paired_change_matches_hand_worked_figures(
    before, after, n, mean_before, mean_after, change, low, high, p
):
    result = paired_change(scores(*before), scores(*after))
    assert result.n_pairs == n
    assert result.mean_before == pytest.approx(mean_before, abs=1e-4)
    assert result.mean_after == pytest.approx(mean_after, abs=1e-4)
    assert result.mean_change == pytest.approx(change, abs=1e-4)
    assert result.ci_low == (None if low is None else pytest.approx(low, abs=1e-4))
    assert result.ci_high == (None if high is None else pytest.approx(high, abs=1e-4))
    assert result.p_value == (None if p is None else pytest.approx(p, abs=1e-6))


def test_only_respondents_who_answered_both_stages_count():
    """Ann answered only before (a 1), Ben only after (a 10): neither moves any figure."""
    before = {"ann": 1, "R1": 4, "R2": 6}
    after = {"ben": 10, "R1": 6, "R2": 7}
    result = paired_change(before, after)
    assert (result.n_pairs, result.mean_before, result.mean_after) == (2, 5.0, 6.5)
    assert result.mean_change == 1.5


def test_no_pairs_gives_no_figures_and_says_why():
    result = paired_change({"a": 5}, {"b": 6})
    assert result.n_pairs == 0
    assert result.mean_change is None and result.ci_low is None and result.p_value is None
    assert "No one answered both" in result.caution_text


@pytest.mark.parametrize(("n", "caution"), [(1, True), (CAUTION_BELOW - 1, True), (10, False)])
def test_caution_under_ten_pairs(n, caution):
    result = paired_change(scores(*[5] * n), scores(*[6] * n))
    assert result.caution is caution
    assert bool(result.caution_text) is caution
    if caution:
        assert f"Only {n} " in result.caution_text


@pytest.mark.parametrize("bad", [0, 11, -3])
def test_a_score_off_the_scale_is_refused(bad):
    with pytest.raises(ValueError, match="from 1 to 10"):
        paired_change({"a": bad}, {"a": 5})


def test_signed_rank_p_leaves_out_pairs_that_did_not_change():
    # Zeros carry no sign (Wilcoxon's rule): the same as the four rises alone, 2 × (1/2)^4.
    assert signed_rank_p([0, 0, 1, 2, 3, 4]) == pytest.approx(0.125)
    assert signed_rank_p([0, 0]) is None


@pytest.mark.parametrize(
    ("responded", "invited", "value", "low", "high"),
    [(12, 24, 0.5, 0.3143, 0.6857), (0, 10, 0.0, 0.0, 0.2775), (0, 0, None, None, None)],
)
def test_response_rate_with_its_wilson_interval(responded, invited, value, low, high):
    rate = response_rate(responded, invited)
    assert rate.value == value
    assert rate.low == (None if low is None else pytest.approx(low, abs=1e-4))
    assert rate.high == (None if high is None else pytest.approx(high, abs=1e-4))


def test_manager_agreement_within_one_point_and_mean_difference():
    # a: 7 vs 6 (within one), b: 8 vs 8, c: 5 vs 7 (two apart), d: 9 vs 9; e has no self-rating.
    practitioner = {"a": 7, "b": 8, "c": 5, "d": 9}
    manager = {"a": 6, "b": 8, "c": 7, "d": 9, "e": 4}
    result = manager_agreement(practitioner, manager)
    assert result.n_pairs == 4
    assert (result.within_one.successes, result.within_one.n) == (3, 4)
    assert result.mean_difference == pytest.approx((-1 + 0 + 2 + 0) / 4)
    assert result.caution


def test_manager_agreement_with_no_pairs():
    result = manager_agreement({"a": 5}, {})
    assert result.n_pairs == 0 and result.mean_difference is None
    assert result.within_one.value is None


def answers(stage, outcome, values):
    return [Answer(f"R{i}", stage, outcome, v) for i, v in enumerate(values) if v is not None]


def test_evaluate_outcome_pairs_each_stage_and_counts_responses():
    outcome = "Recognise neglect"
    data = [
        *answers(Stage.BEFORE, outcome, [4, 5, 6, 5, 3]),
        *answers(Stage.END, outcome, [6, 7, 7, 6, 6]),
        *answers(Stage.THREE_MONTHS, outcome, [5, None, 7, None, 4]),
        *answers(Stage.MANAGER, outcome, [5, None, 5, 6, None]),
        *answers(Stage.BEFORE, "Another outcome", [1, 1, 1, 1, 1]),
    ]
    result = evaluate_outcome(data, outcome)
    assert result.responses == {
        Stage.BEFORE: 5,
        Stage.END: 5,
        Stage.THREE_MONTHS: 3,
        Stage.MANAGER: 3,
    }
    assert result.changes[Comparison.BEFORE_END].mean_change == pytest.approx(1.8)
    three_months = result.changes[Comparison.BEFORE_THREE_MONTHS]
    # R0 4→5, R2 6→7, R4 3→4.
    assert (three_months.n_pairs, three_months.mean_change) == (3, 1.0)
    # R0 5 vs 5, R2 7 vs 5 (two apart): R3's manager has no self-rating to compare.
    assert result.agreement.n_pairs == 2
    assert result.agreement.within_one.successes == 1


def test_a_stage_answered_twice_is_refused():
    data = [Answer("R1", Stage.BEFORE, "o", 4), Answer("R1", Stage.BEFORE, "o", 5)]
    with pytest.raises(ValueError, match="twice"):
        evaluate_outcome(data, "o")


@pytest.mark.parametrize(
    "differences",
    [
        [2, 2, 1, 1, 3],
        [1, 2, 2, 3, 1, -1, 2, 3],
        [1, 2, 2, 3, 1, -1, 2, 3, 4, 1, 2, -2],
        [-1, -1, 2, -3, -3, 1, 2],
    ],
)
def test_tied_ranks_give_scipy_s_exact_p_value_at_once(differences):
    # scipy's "auto" enumerates every sign pattern of tied ranks (seconds at 12 pairs);
    # counting them gives the same p-value.
    from scipy import stats

    expected = stats.wilcoxon(differences, zero_method="wilcox").pvalue
    assert signed_rank_p(differences) == pytest.approx(expected, abs=1e-12)


def test_many_tied_pairs_take_the_normal_approximation():
    from scipy import stats

    differences = [1, 2, 2, 3, 1, -1, 2, 3, 4, 1, 2, -2] * 3
    expected = stats.wilcoxon(differences, method="approx").pvalue
    assert signed_rank_p(differences) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ([3, 4, 5], [6, 6, 8]),
        ([3, 4], [5, 7]),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 5, 5], [2, 2, 5, 4, 7, 6, 9, 8, 10, 10, 4, 6]),
        ([4.5, 5.25, 6.0, 2.75], [6.0, 5.0, 8.5, 4.0]),
    ],
)
def test_the_paired_t_interval_is_scipys(before, after):
    from scipy import stats

    from assurance.training.evaluation.analysis import paired_t_interval

    differences = [float(b - a) for a, b in zip(before, after, strict=True)]
    mean = sum(differences) / len(differences)
    expected = stats.ttest_rel(after, before).confidence_interval(0.95)
    low, high = paired_t_interval(differences, mean)
    assert low == pytest.approx(float(expected.low), abs=1e-12)
    assert high == pytest.approx(float(expected.high), abs=1e-12)


def _samples() -> list[list[float]]:
    """Changes of every shape the evaluation meets: whole points on a 1–10 scale (tied) and
    means of several ratings (fractions, rarely tied), few pairs and many, with pairs that did
    not change; fixed seeds, so the table is the same every run."""
    import random

    rng = random.Random(12)
    found: list[list[float]] = []
    for n in (1, 2, 3, 5, 8, 9, 10, 14, 20, 35, 50, 51, 64, 90):
        # fractions: each person's mean change over six ratings (ties are rare)
        found.append([round(rng.gauss(0.8, 1.5) * 6) / 6 + rng.random() / 1000 for _ in range(n)])
        # untied whole numbers up to n
        found.append([v * rng.choice((-1, 1)) for v in rng.sample(range(1, 200), n)])
    for n in (2, 4, 7, 10, 14, 25, 60, 120):
        # whole points, with ties and pairs that did not change (left out of the ranks)
        found.append([rng.randint(-3, 5) for _ in range(n)])
    return found


@pytest.mark.parametrize("differences", _samples())
def test_the_signed_rank_p_value_is_scipys_own_choice(differences):
    """Every branch scipy's ``method="auto"`` takes on the pairs that changed (exact without
    ties up to 50; the tied ranks' sign patterns up to 13; the normal approximation corrected
    for ties beyond) gives scipy's p-value, though worked without calling it."""
    from scipy import stats

    nonzero = [d for d in differences if d != 0]
    if not nonzero:
        assert signed_rank_p(differences) is None
        return
    expected = float(stats.wilcoxon(nonzero, zero_method="wilcox", method="auto").pvalue)
    assert signed_rank_p(differences) == pytest.approx(min(1.0, expected), abs=1e-12)


@pytest.mark.parametrize(
    ("values", "ranks", "sizes"),
    [
        ([3.0, 1.0, 2.0], [3.0, 1.0, 2.0], [1, 1, 1]),
        ([2.0, 2.0, 1.0, 3.0], [2.5, 2.5, 1.0, 4.0], [1, 2, 1]),
        ([5.0, 5.0, 5.0], [2.0, 2.0, 2.0], [3]),
        ([], [], []),
    ],
)
def test_midranks_share_the_mean_rank_of_ties(values, ranks, sizes):
    from assurance.training.evaluation.analysis import midranks

    assert midranks(values) == (ranks, sizes)

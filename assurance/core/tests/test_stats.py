import pytest

from assurance.core.stats import sample_margin_of_error, two_proportion_test, wilson_interval


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        # Reference values from statsmodels' proportion_confint(method='wilson').
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (5, 10, 0.2366, 0.7634),
        (12, 24, 0.3143, 0.6857),
        (81, 263, 0.2553, 0.3662),
    ],
)
def test_wilson_interval_matches_reference_values(successes, n, low, high):
    result = wilson_interval(successes, n)
    assert result.low == pytest.approx(low, abs=1e-4)
    assert result.high == pytest.approx(high, abs=1e-4)


def test_wilson_interval_of_empty_sample_is_unknown():
    result = wilson_interval(0, 0)
    assert result.value is None and result.low is None and result.high is None


@pytest.mark.parametrize(("successes", "n"), [(-1, 5), (6, 5), (0, -1)])
def test_wilson_interval_rejects_impossible_counts(successes, n):
    with pytest.raises(ValueError):
        wilson_interval(successes, n)


@pytest.mark.parametrize(
    ("n", "margin"),
    [(11, 0.2544), (24, 0.1857), (100, 0.0962)],
)
def test_sample_margin_of_error_is_wilson_half_width_at_half(n, margin):
    assert sample_margin_of_error(n) == pytest.approx(margin, abs=1e-4)
    assert sample_margin_of_error(0) is None


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "p"),
    [
        # Fisher's exact test, two-sided, as scipy.stats.fisher_exact computes it.
        (3, 10, 3, 10, 1.0),
        (10, 10, 0, 10, 1.0825e-05),
        (20, 24, 10, 24, 0.0064839),
        (12, 24, 15, 24, 0.5612149),
    ],
)
def test_two_proportion_test_matches_fishers_exact_test(x1, n1, x2, n2, p):
    assert two_proportion_test(x1, n1, x2, n2) == pytest.approx(p, rel=2e-3)


def test_two_proportion_test_needs_both_samples():
    assert two_proportion_test(1, 0, 1, 5) is None


@pytest.mark.parametrize("n", [2, 10, 24, 100])
def test_sample_margin_of_error_equals_the_wilson_interval_of_half_a_sample(n):
    interval = wilson_interval(n // 2, n)
    assert sample_margin_of_error(n) == pytest.approx(interval.half_width, abs=1e-12)


@pytest.mark.parametrize(("x1", "n1", "x2", "n2"), [(-1, 5, 1, 5), (6, 5, 1, 5), (1, 5, 7, 5)])
def test_two_proportion_test_rejects_impossible_counts(x1, n1, x2, n2):
    with pytest.raises(ValueError):
        two_proportion_test(x1, n1, x2, n2)

"""Statistics used across capabilities. Pure functions, no database."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from scipy import stats as scipy_stats

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Proportion:
    successes: int
    n: int
    low: float | None
    high: float | None

    @property
    def value(self) -> float | None:
        return self.successes / self.n if self.n else None

    @property
    def half_width(self) -> float | None:
        if self.low is None or self.high is None:
            return None
        return (self.high - self.low) / 2


@lru_cache(maxsize=4096)
def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> Proportion:
    """The Wilson score interval for a proportion (95% by default), as
    ``scipy.stats.binomtest(...).proportion_ci(method="wilson")`` computes it.

    Unlike the normal approximation it behaves at 0%, 100% and in small samples, which audits
    of 10 to 30 cases always are. Kept in memory (the result is immutable): a findings page
    asks for the same few small samples hundreds of times (24 standards × 10 agencies).
    """
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"Need 0 <= successes <= n, got {successes} of {n}.")
    if n == 0:
        return Proportion(successes, n, None, None)
    interval = scipy_stats.binomtest(successes, n).proportion_ci(
        confidence_level=confidence, method="wilson"
    )
    return Proportion(successes, n, max(0.0, float(interval.low)), min(1.0, float(interval.high)))


def sample_margin_of_error(n: int, z: float = Z95) -> float | None:
    """Half-width of the 95% Wilson interval at p = 0.5: what a sample of n can tell apart.

    Written out rather than asked of scipy: at p = 0.5 an odd sample has half a success, which
    ``binomtest`` refuses; for even samples the table tests check it equals scipy's interval.
    """
    if n <= 0:
        return None
    return wilson_interval_half_width_at_half(n, z)


def wilson_interval_half_width_at_half(n: int, z: float = Z95) -> float:
    p = 0.5
    denominator = 1 + z * z / n
    return z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator


@lru_cache(maxsize=4096)
def two_proportion_test(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """Two-sided p-value that two proportions differ: Fisher's exact test
    (``scipy.stats.fisher_exact``, as R's fisher.test), because audit samples are small; None
    when either sample is empty. Kept in memory: scipy takes about 2 ms a test, and a findings
    page and an action's impact ask for the same few tables again.
    """
    if n1 <= 0 or n2 <= 0:
        return None
    if not (0 <= x1 <= n1 and 0 <= x2 <= n2):
        raise ValueError(f"Need 0 <= successes <= n, got {x1} of {n1} and {x2} of {n2}.")
    result = scipy_stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]], alternative="two-sided")
    return min(1.0, float(result.pvalue))


def p_value_text(p_value: float | None) -> str:
    """A p-value as a reader should see it: "p < 0.001" rather than "p = 0.000"."""
    if p_value is None:
        return "p not available"
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"


def percent(value: float | None) -> str:
    """A proportion (0–1) as a whole percentage, "67%"; "–" when there is none."""
    return "–" if value is None else f"{value * 100:.0f}%"


def percent_points(value: float | None) -> str:
    """A difference of two proportions in whole percentage points, always signed."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{abs(value) * 100:.0f} percentage points"

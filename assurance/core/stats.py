"""Statistics used across capabilities. Pure functions, no database."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

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
def wilson_interval(successes: int, n: int, z: float = Z95) -> Proportion:
    """The Wilson score interval for a proportion (95% by default).

    Unlike the normal approximation it behaves at 0%, 100% and in small samples, which audits
    of 10 to 30 cases always are. Kept in memory (the result is immutable): a findings page
    asks for the same few small samples hundreds of times (24 standards × 10 agencies).
    """
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"Need 0 <= successes <= n, got {successes} of {n}.")
    if n == 0:
        return Proportion(successes, n, None, None)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Proportion(successes, n, max(0.0, centre - margin), min(1.0, centre + margin))


def sample_margin_of_error(n: int, z: float = Z95) -> float | None:
    """Half-width of the 95% Wilson interval at p = 0.5: what a sample of n can tell apart."""
    if n <= 0:
        return None
    return wilson_interval_half_width_at_half(n, z)


def wilson_interval_half_width_at_half(n: int, z: float = Z95) -> float:
    p = 0.5
    denominator = 1 + z * z / n
    return z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator


def two_proportion_test(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """Two-sided p-value that two proportions differ.

    Fisher's exact test (hypergeometric, as scipy.stats.fisher_exact and R's fisher.test),
    because audit samples are small; None when either sample is empty. The probabilities are
    built by the hypergeometric recurrence from the first one, so each test is linear in n.
    """
    if n1 <= 0 or n2 <= 0:
        return None
    total, successes = n1 + n2, x1 + x2
    lo, hi = max(0, successes - n2), min(successes, n1)

    def log_choose(n: int, k: int) -> float:
        return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)

    first = math.exp(
        log_choose(n1, lo) + log_choose(n2, successes - lo) - log_choose(total, successes)
    )
    probs = [first]
    append = probs.append
    p, gap = first, n2 - successes + 1
    for k in range(lo, hi):
        p = p * (n1 - k) * (successes - k) / ((k + 1) * (gap + k))
        append(p)
    threshold = probs[x1 - lo] * (1 + 1e-7)
    return min(1.0, sum([p for p in probs if p <= threshold]))


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

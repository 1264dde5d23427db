"""Drawing an audit's case sample from a list of candidates (pure functions).

Every draw is reproducible: the same candidates in the same order, the same method, size and
seed give the same cases. Python's ``random.Random`` (Mersenne Twister) is seeded explicitly.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    record_number: str
    age_band: str = ""
    gender: str = ""
    ethnicity: str = ""
    agencies: tuple[str, ...] = field(default_factory=tuple)
    reason: str = ""

    def stratum(self, key: str) -> str:
        return str(getattr(self, key, "")) or "not recorded"


def candidates_fingerprint(candidates: Sequence[Candidate]) -> str:
    payload = json.dumps([c.record_number for c in candidates]).encode()
    return hashlib.sha256(payload).hexdigest()


def simple_random(candidates: Sequence[Candidate], n: int, seed: int) -> list[Candidate]:
    _check(candidates, n)
    rng = random.Random(seed)
    indices = sorted(rng.sample(range(len(candidates)), n))
    return [candidates[i] for i in indices]


def systematic(candidates: Sequence[Candidate], n: int, seed: int) -> list[Candidate]:
    """Every k-th candidate (k = N / n, fractional) from a random start in [0, k)."""
    _check(candidates, n)
    interval = len(candidates) / n
    start = random.Random(seed).random() * interval
    return [candidates[math.floor(start + i * interval)] for i in range(n)]


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Proportional allocation of n across strata by the largest-remainder method."""
    total = sum(sizes.values())
    if n > total:
        raise ValueError(f"Cannot draw {n} cases from {total} candidates.")
    exact = {s: n * size / total for s, size in sizes.items()}
    counts = {s: math.floor(v) for s, v in exact.items()}
    left = n - sum(counts.values())
    for s in sorted(exact, key=lambda s: (-(exact[s] - counts[s]), s))[:left]:
        counts[s] += 1
    return counts


def stratified(candidates: Sequence[Candidate], n: int, seed: int, by: str) -> list[Candidate]:
    """A simple random sample within each stratum, sizes proportional to the strata."""
    _check(candidates, n)
    strata: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        strata.setdefault(candidate.stratum(by), []).append(candidate)
    counts = allocate({s: len(members) for s, members in strata.items()}, n)
    chosen: list[Candidate] = []
    for stratum in sorted(strata):
        chosen.extend(simple_random(strata[stratum], counts[stratum], _derive(seed, stratum)))
    order = {id(c): i for i, c in enumerate(candidates)}
    return sorted(chosen, key=lambda c: order[id(c)])


def _derive(seed: int, stratum: str) -> int:
    digest = hashlib.sha256(f"{seed}:{stratum}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _check(candidates: Sequence[Candidate], n: int) -> None:
    if n <= 0:
        raise ValueError("The sample size must be at least 1.")
    if n > len(candidates):
        raise ValueError(f"Cannot draw {n} cases from {len(candidates)} candidates.")
    numbers = [c.record_number for c in candidates]
    if len(set(numbers)) != len(numbers):
        raise ValueError("The candidate list repeats a record number.")


METHODS = {"simple_random": simple_random, "systematic": systematic}

"""The sample draw: reproducible from its seed, the right size, proportional by stratum."""

import itertools

import pytest

from assurance.audits.sampling import (
    Candidate,
    allocate,
    candidates_fingerprint,
    simple_random,
    stratified,
    systematic,
)

CANDIDATES = [
    Candidate(
        f"LA{n:04d}", age_band=["0", "1-4", "5-9", "10-15"][n % 4], gender=["girl", "boy"][n % 2]
    )
    for n in range(100)
]


@pytest.mark.parametrize("draw", [simple_random, systematic])
def test_same_seed_same_cases_different_seed_different_cases(draw):
    first = draw(CANDIDATES, 24, seed=20260401)
    again = draw(CANDIDATES, 24, seed=20260401)
    other = draw(CANDIDATES, 24, seed=7)
    assert first == again
    assert first != other
    assert len(first) == 24
    assert len({c.record_number for c in first}) == 24


def test_systematic_takes_every_kth_from_a_random_start():
    chosen = systematic(CANDIDATES, 10, seed=1)
    positions = [CANDIDATES.index(c) for c in chosen]
    gaps = {b - a for a, b in itertools.pairwise(positions)}
    assert gaps == {10}
    assert 0 <= positions[0] < 10


@pytest.mark.parametrize(
    ("sizes", "n", "expected"),
    [
        ({"a": 50, "b": 50}, 10, {"a": 5, "b": 5}),
        ({"a": 60, "b": 30, "c": 10}, 10, {"a": 6, "b": 3, "c": 1}),
        # 12 × (7/13, 4/13, 2/13) = 6.46, 3.69, 1.85: floors 6, 3, 1 and the two largest
        # remainders (c, then b) get the 2 places left.
        ({"a": 7, "b": 4, "c": 2}, 12, {"a": 6, "b": 4, "c": 2}),
        ({"a": 70, "b": 40, "c": 20}, 24, {"a": 13, "b": 7, "c": 4}),
    ],
)
def test_allocation_is_proportional_by_largest_remainder(sizes, n, expected):
    assert allocate(sizes, n) == expected
    assert sum(allocate(sizes, n).values()) == n


def test_stratified_draw_respects_the_allocation_and_is_reproducible():
    chosen = stratified(CANDIDATES, 24, seed=99, by="age_band")
    bands = [c.age_band for c in chosen]
    assert {band: bands.count(band) for band in set(bands)} == {
        "0": 6,
        "1-4": 6,
        "5-9": 6,
        "10-15": 6,
    }
    assert chosen == stratified(CANDIDATES, 24, seed=99, by="age_band")


@pytest.mark.parametrize(
    ("candidates", "n", "message"),
    [
        (CANDIDATES[:5], 6, "Cannot draw 6 cases from 5"),
        (CANDIDATES, 0, "at least 1"),
        ([Candidate("X1"), Candidate("X1")], 1, "repeats a record number"),
    ],
)
def test_impossible_draws_are_refused_with_a_reason(candidates, n, message):
    with pytest.raises(ValueError, match=message):
        simple_random(candidates, n, seed=1)


def test_fingerprint_changes_when_the_list_changes():
    assert candidates_fingerprint(CANDIDATES) == candidates_fingerprint(list(CANDIDATES))
    assert candidates_fingerprint(CANDIDATES) != candidates_fingerprint(CANDIDATES[::-1])

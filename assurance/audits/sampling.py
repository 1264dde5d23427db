"""An audit's case sample (pure functions): reading a list of candidates from a CSV file,
drawing cases from it, and describing the sample.

Every draw is reproducible: the same candidates in the same order, the same method, size and
seed give the same cases. Python's ``random.Random`` (Mersenne Twister) is seeded explicitly.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from assurance.core.spreadsheets import MAX_CSV_BYTES, shown


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


# --- the candidates' CSV file -------------------------------------------------------------------

AGE_BANDS = {"unborn", "0", "1-4", "5-9", "10-15", "16-17", "18+"}
GENDERS = {"girl", "boy", "other"}


class Named(Protocol):
    """An agency, as far as reading a file needs one: its full name."""

    @property
    def name(self) -> str: ...


def csv_text(content: bytes) -> str:
    """The text of an uploaded CSV file, saved as UTF-8 (with or without a byte order mark), of
    at most ``MAX_CSV_BYTES``."""
    if len(content) > MAX_CSV_BYTES:
        raise ValueError(f"The file must be smaller than {MAX_CSV_BYTES // 1024 // 1024} MB.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError("The file must be a CSV saved as UTF-8.") from exc


def candidates_read(text: str, agencies: Mapping[str, Named]) -> list[Candidate]:
    """The candidates in a CSV file's text: a column record_number (required), and age_band,
    gender, ethnicity, agencies (names separated by ';') and reason.

    ``agencies`` maps each name the file may use for an agency taking part, in lower case (full
    or short), to the agency; a candidate's agencies are given by full name in lower case. A
    blank age band is 5-9 and a blank gender other. Every problem names its row and column; the
    first 20 are raised together as one ValueError.
    """
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames, records = list(reader.fieldnames or []), list(reader)
    except csv.Error as exc:  # a field longer than csv's limit, for one
        raise ValueError(f"Row {reader.reader.line_num}: this is not valid CSV ({exc}).") from exc
    if "record_number" not in fieldnames:
        raise ValueError("Row 1: the file needs a column called record_number.")
    problems, candidates = [], []
    for row_number, row in enumerate(records, start=2):
        number = (row.get("record_number") or "").strip()
        if not number:
            problems.append(f"Row {row_number}, column record_number: it is empty.")
            continue
        age = (row.get("age_band") or "").strip()
        if age and age not in AGE_BANDS:
            problems.append(
                f"Row {row_number}, column age_band: “{shown(age)}” is not one of "
                f"{', '.join(sorted(AGE_BANDS))}."
            )
        gender = (row.get("gender") or "").strip().lower()
        if gender and gender not in GENDERS:
            problems.append(f"Row {row_number}, column gender: use girl, boy or other.")
        names = [n.strip() for n in (row.get("agencies") or "").split(";") if n.strip()]
        unknown = [n for n in names if n.lower() not in agencies]
        if unknown:
            problems.append(
                f"Row {row_number}, column agencies: {', '.join(unknown)} is not "
                "taking part in this audit."
            )
        candidates.append(
            Candidate(
                record_number=number,
                age_band=age or "5-9",
                gender=gender or "other",
                ethnicity=(row.get("ethnicity") or "").strip(),
                agencies=tuple(
                    agencies[n.lower()].name.lower() for n in names if n.lower() in agencies
                ),
                reason=(row.get("reason") or "").strip(),
            )
        )
    if problems:
        raise ValueError(" ".join(problems[:20]))
    if not candidates:
        raise ValueError("The file has no candidate rows.")
    return candidates


# --- describing the sample ----------------------------------------------------------------------


def sample_profile(cases: Iterable[tuple[str, str, str]]) -> dict[str, list[tuple[str, int]]]:
    """How many cases of each age band, gender and ethnicity, each count sorted by label.

    Each case is given as (age band label, gender label, ethnicity); a blank ethnicity is counted
    as "Not recorded".
    """
    tallies: dict[str, dict[str, int]] = {"Age band": {}, "Gender": {}, "Ethnicity": {}}
    for age_band, gender, ethnicity in cases:
        labels = (age_band, gender, ethnicity or "Not recorded")
        for tally, label in zip(tallies.values(), labels, strict=True):
            tally[label] = tally.get(label, 0) + 1
    return {heading: sorted(tally.items()) for heading, tally in tallies.items()}

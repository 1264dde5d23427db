"""The case sample's pure rules: the draw (reproducible from its seed, the right size,
proportional by stratum), reading the candidates' CSV file (every problem named by its row and
column) and describing the sample."""

import itertools
from dataclasses import dataclass

import pytest

from assurance.audits import sampling
from assurance.audits.sampling import (
    Candidate,
    allocate,
    candidates_fingerprint,
    candidates_read,
    csv_text,
    sample_profile,
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


# --- reading the candidates' CSV file -----------------------------------------------------------


@dataclass(frozen=True)
class Agency:
    name: str


POLICE, HEALTH = Agency("Northfield Police"), Agency("Northfield Integrated Care Board")
# Each name a file may use, in lower case: short or full.
AGENCIES = {"np": POLICE, "northfield police": POLICE, "icb": HEALTH, HEALTH.name.lower(): HEALTH}
HEADER = "record_number,age_band,gender,ethnicity,agencies,reason\n"


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        (
            HEADER + "LA0001,1-4,girl,White British,NP;ICB,On a plan\n",
            [
                Candidate(
                    "LA0001",
                    age_band="1-4",
                    gender="girl",
                    ethnicity="White British",
                    agencies=("northfield police", "northfield integrated care board"),
                    reason="On a plan",
                )
            ],
        ),
        # Blanks: age band 5-9, gender other; names and values trimmed, gender in any case.
        (
            HEADER + " LA0002 ,, Boy ,, northfield police ; ,\n",
            [Candidate("LA0002", age_band="5-9", gender="boy", agencies=("northfield police",))],
        ),
        ("record_number\nLA0003\n", [Candidate("LA0003", age_band="5-9", gender="other")]),
        (
            "record_number,gender\nLA0004,girl\nLA0005,\n",
            [
                Candidate("LA0004", age_band="5-9", gender="girl"),
                Candidate("LA0005", age_band="5-9", gender="other"),
            ],
        ),
    ],
    ids=["every column", "blanks and spaces", "record numbers only", "two rows"],
)
def test_candidates_are_read_from_the_files_text(text, candidates):
    assert candidates_read(text, AGENCIES) == candidates


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Row 1: the file needs a column called record_number."),
        ("number,age_band\nLA0001,1-4\n", "Row 1: the file needs a column called record_number."),
        (HEADER, "The file has no candidate rows."),
        (HEADER + " ,1-4,girl,,,\n", "Row 2, column record_number: it is empty."),
        (
            HEADER + "LA0001,1-4,girl,,,\nLA0002,teen,girl,,,\n",
            "Row 3, column age_band: “teen” is not one of 0, 1-4, 10-15, 16-17, 18+, 5-9, unborn.",
        ),
        (HEADER + "LA0001,1-4,female,,,\n", "Row 2, column gender: use girl, boy or other."),
        (
            HEADER + "LA0001,1-4,girl,,NP;Fire;Probation,\n",
            "Row 2, column agencies: Fire, Probation is not taking part in this audit.",
        ),
        (
            HEADER + "LA0001," + "x" * 200_000 + ",girl,,,\n",
            "Row 2: this is not valid CSV (field larger than field limit (131072)).",
        ),
        (
            "record_number," + "x" * 200_000 + "\n",
            "Row 1: this is not valid CSV (field larger than field limit (131072)).",
        ),
        (
            HEADER + "LA0001," + "9" * 500 + ",girl,,,\n",
            "Row 2, column age_band: “" + "9" * 59 + "…” is not one of 0, 1-4, 10-15, 16-17, "
            "18+, 5-9, unborn.",
        ),
        (
            HEADER + ",1-4,girl,,,\nLA0002,6,x,,Fire,\n",
            "Row 2, column record_number: it is empty. "
            "Row 3, column age_band: “6” is not one of 0, 1-4, 10-15, 16-17, 18+, 5-9, unborn. "
            "Row 3, column gender: use girl, boy or other. "
            "Row 3, column agencies: Fire is not taking part in this audit.",
        ),
    ],
    ids=[
        "empty file",
        "no record_number column",
        "no rows",
        "empty record number",
        "unknown age band",
        "unknown gender",
        "agency not taking part",
        "a field too long for CSV",
        "a heading too long for CSV",
        "a long value quoted briefly",
        "every problem, in order",
    ],
)
def test_each_problem_names_its_row_and_column(text, message):
    with pytest.raises(ValueError) as refused:
        candidates_read(text, AGENCIES)
    assert str(refused.value) == message


def test_at_most_twenty_problems_are_listed():
    text = HEADER + "".join(f"LA{n:04d},1-4,female,,,\n" for n in range(30))
    with pytest.raises(ValueError) as refused:
        candidates_read(text, AGENCIES)
    listed = str(refused.value).split(". Row ")
    assert len(listed) == 20
    assert str(refused.value).endswith("Row 21, column gender: use girl, boy or other.")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"record_number\nLA1\n", "record_number\nLA1\n"),
        ("\ufeffrecord_number\nLA1\n".encode(), "record_number\nLA1\n"),  # Excel's BOM
        (
            "record_number,ethnicity\nLA1,Roma\u0301\n".encode(),
            "record_number,ethnicity\nLA1,Roma\u0301\n",
        ),
    ],
)
def test_the_files_text_is_utf_8(content, text):
    assert csv_text(content) == text


def test_a_file_over_the_size_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(sampling, "MAX_CSV_BYTES", 1024 * 1024)
    with pytest.raises(ValueError) as refused:
        csv_text(b"record_number\n" + b"LA1\n" * 300_000)
    assert str(refused.value) == "The file must be smaller than 1 MB."


def test_a_file_not_in_utf_8_is_refused():
    with pytest.raises(ValueError) as refused:
        csv_text("record_number,ethnicity\nLA1,Gypsy/Roma – other\n".encode("cp1252"))
    assert str(refused.value) == "The file must be a CSV saved as UTF-8."


# --- describing the sample ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cases", "profile"),
    [
        ([], {"Age band": [], "Gender": [], "Ethnicity": []}),
        (
            [("5 to 9", "Girl", "White British")],
            {
                "Age band": [("5 to 9", 1)],
                "Gender": [("Girl", 1)],
                "Ethnicity": [("White British", 1)],
            },
        ),
        (
            [
                ("5 to 9", "Girl", ""),
                ("1 to 4", "Boy", "Mixed"),
                ("5 to 9", "Boy", ""),
            ],
            {
                "Age band": [("1 to 4", 1), ("5 to 9", 2)],
                "Gender": [("Boy", 2), ("Girl", 1)],
                "Ethnicity": [("Mixed", 1), ("Not recorded", 2)],
            },
        ),
    ],
    ids=["no cases", "one case", "counted and sorted by label; blank ethnicity not recorded"],
)
def test_the_sample_is_described_by_age_band_gender_and_ethnicity(cases, profile):
    assert sample_profile(cases) == profile

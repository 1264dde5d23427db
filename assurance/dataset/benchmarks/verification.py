"""Checks of our aggregates against the published figures in the shipped files.

Pure (reads CSV files, no database); used by tests/test_verification.py and by
``python manage.py verify_benchmarks`` to print the figures in docs/dataset.md.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from assurance.dataset.benchmarks.aggregates import (
    TotalCheck,
    TotalStatus,
    check_total,
    population_year,
    rate_per_10k,
    region_groups,
    round_half_up,
)
from assurance.dataset.benchmarks.lait import LAIT_ENGLAND, LAIT_REGIONS
from assurance.dataset.benchmarks.reader import DATA_DIR

POPULATION = DATA_DIR / "ons_mid-year_population_estimates_2012_to_2024.csv"
LAIT = DATA_DIR / "lait" / "lait_rates_extract.csv"
ENGLAND = "E92000001"

# (file, count column, filter) whose England and regional totals are checked
TOTALS: list[tuple[str, str, tuple[str, str] | None]] = [
    ("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "referral_count", None),
    ("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "rereferral_count", None),
    ("c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv", "Section47", None),
    ("c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv", "ICPC", None),
    ("b1_children_in_need_2013_to_2025.csv", "At31_episodes", None),
    ("d3_cpps_subsequent_plan_2013_to_2025.csv", "CPP_start", None),
    ("d3_cpps_subsequent_plan_2013_to_2025.csv", "CPP_subsequent", None),
    ("d5_cpps_at31march_by_duration_2013_to_2025.csv", "CPP_At31", None),
    ("d5_cpps_at31march_by_duration_2013_to_2025.csv", "2_years_or_more", None),
]

CLA_31_MARCH = ("population_type", "Children looked after on 31 March each year")
# LAIT measure → (file, count column, filter, decimal places LAIT publishes, whether England and
# regional rates come from the unrounded sum of the LAs). The CIN census rates in LAIT are
# computed from the published (rounded to 10) England and regional counts; the children looked
# after rates from the unrounded counts (docs/dataset.md, "Verification").
RATES: dict[str, tuple[str, str, tuple[str, str] | None, int, bool]] = {
    "CPP_Total_Rateper10,000": (TOTALS[0][0], "referral_count", None, 1, False),
    "Section_47": (TOTALS[2][0], "Section47", None, 1, False),
    "ISCP_Conf": (TOTALS[2][0], "ICPC", None, 1, False),
    "CIN": (TOTALS[4][0], "At31_episodes", None, 1, False),
    "CPP_Abuse_Rate": (TOTALS[5][0], "CPP_start", None, 1, False),
    "CPP_rate": (TOTALS[7][0], "CPP_At31", None, 1, False),
    "LAC": ("cla_number_and_rate_per_10k_children.csv", "children_count", CLA_31_MARCH, 0, True),
}


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


@dataclass
class TotalsReport:
    file: str
    column: str
    checks: list[tuple[str, str, TotalCheck]] = field(default_factory=list)  # year, area, check

    def count(self, status: TotalStatus) -> int:
        return sum(1 for _, _, c in self.checks if c.status is status)


def verify_totals(file: str, column: str, where: tuple[str, str] | None = None) -> TotalsReport:
    report = TotalsReport(file, column)
    by_year: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(DATA_DIR / file):
        if where is None or row.get(where[0]) == where[1]:
            by_year[row["time_period"]].append(row)
    for year, rows in sorted(by_year.items()):
        las = {
            r["new_la_code"]: _int(r[column])
            for r in rows
            if r["geographic_level"] == "Local authority"
        }
        groups = region_groups(
            {
                r["new_la_code"]: r["region_code"]
                for r in rows
                if r["geographic_level"] == "Local authority"
            }
        )
        groups[ENGLAND] = list(las)
        for r in rows:
            level = r["geographic_level"]
            code = {"National": r["country_code"], "Regional": r["region_code"]}.get(level)
            if code is None:
                continue
            check = check_total(
                published=_int(r[column]), la_values=[las[c] for c in groups.get(code, [])]
            )
            report.checks.append((year, code, check))
    return report


def _populations() -> dict[tuple[str, str], int]:
    """(time_period, area) → children aged 0-17; area is the LA number, a region code or 970."""
    out = {}
    for r in _rows(POPULATION):
        level = r["geographic_level"]
        key = {
            "National": LAIT_ENGLAND,
            "Regional": r["region_code"],
            "Local authority": r["old_la_code"],
        }[level]
        pop = _int(r["population_estimate"])
        if pop:
            out[(r["time_period"], key)] = pop
    return out


@dataclass
class RatesReport:
    measure: str
    matched: int = 0
    rounded_totals: int = 0  # England or region rates computed from a rounded published count
    mismatches: list[tuple[str, str, Decimal, Decimal]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def verify_rates(measure: str) -> RatesReport:
    file, column, where, places, from_la_sum = RATES[measure]
    counts: dict[tuple[str, str], int | None] = {}
    for r in _rows(DATA_DIR / file):
        if where is not None and r.get(where[0]) != where[1]:
            continue
        key = {
            "National": LAIT_ENGLAND,
            "Regional": r["region_code"],
            "Local authority": r["old_la_code"],
        }.get(r["geographic_level"])
        if key:
            counts[(r["time_period"], key)] = _int(r[column])
    # Regional and England rates are computed by the DfE from the unrounded counts: use the sum
    # of the LAs when none is suppressed, else the published (rounded) count.
    la_sums: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    for r in _rows(DATA_DIR / file):
        if r["geographic_level"] != "Local authority":
            continue
        if where is not None and r.get(where[0]) != where[1]:
            continue
        value = _int(r[column])
        for area in region_groups({"la": r["region_code"]}):
            la_sums[(r["time_period"], area)].append(value)
        la_sums[(r["time_period"], LAIT_ENGLAND)].append(value)
    unrounded = {
        key: sum(v for v in values if v is not None)
        for key, values in la_sums.items()
        if None not in values
    }
    populations = _populations()
    report = RatesReport(measure)
    for r in _rows(LAIT):
        if r["measure_short"] != measure:
            continue
        year, area = r["years"], LAIT_REGIONS.get(r["la_number"], r["la_number"])
        if (year, area) not in counts:
            report.skipped["no count in the DfE file"] += 1
            continue
        count = counts[(year, area)]
        if from_la_sum and (not area.isdigit() or area == LAIT_ENGLAND):
            if (year, area) in unrounded:
                count = unrounded[(year, area)]
            else:
                report.rounded_totals += 1
        published = r["value"].strip()
        if count is None or published in ("-", ""):
            report.skipped["suppressed"] += 1
            continue
        pop = populations.get((str(population_year(int(year))), area))
        if pop is None:
            report.skipped["no population estimate"] += 1
            continue
        ours = rate_per_10k(count, pop, places)
        theirs = round_half_up(Decimal(published), places)  # LAIT stores floats
        if ours == theirs:
            report.matched += 1
        else:
            report.mismatches.append((year, r["la_number"], ours, theirs))
    return report

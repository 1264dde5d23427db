"""The benchmarks the shipped public files give beyond the DfE's open-data tables: referrals per
10,000 children computed from counts and the ONS mid-year estimates as the DfE does, and LAIT's
own measures (assessments within 45 working days, first-time entrants to the youth justice
system). Each reproduces the published figure for England and every local authority."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from assurance.dataset.benchmarks.aggregates import round_half_up
from assurance.dataset.benchmarks.lait import LAIT_ENGLAND, lait_areas, read_lait
from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.benchmarks.reader import (
    DATA_DIR,
    BenchmarkFileError,
    MappingSection,
    Measure,
    load_mapping,
    read_benchmarks,
)
from assurance.dataset.benchmarks.services import benchmarks_import, benchmarks_import_shipped
from assurance.dataset.benchmarks.verification import LAIT, LAIT_REGIONS
from assurance.dataset.catalogue.models import Indicator

C1 = DATA_DIR / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
EXTRACT = DATA_DIR / "lait" / "lait_measures_extract.csv"
POPULATION = DATA_DIR / "ons_mid-year_population_estimates_2012_to_2024.csv"


def _published(path, measure: str) -> dict[tuple[str, str], str]:
    """(year, LAIT number) → the value LAIT publishes."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {
            (r["years"], r["la_number"]): r["value"].strip()
            for r in csv.DictReader(f)
            if r["measure_short"] == measure
        }


def _stored(code: str) -> dict[tuple[str, str], Benchmark]:
    """(year, LAIT number) → our row: LAs by DfE number, England 970, regions by LAIT number."""
    regions = {v: k for k, v in LAIT_REGIONS.items()}
    out = {}
    for b in Benchmark.objects.filter(indicator__code=code):
        if b.area_level == "national":
            number = LAIT_ENGLAND
        elif b.area_level == "regional":
            number = regions.get(b.area_code, "")
        else:
            number = b.la_number
        out[(b.time_period, number)] = b
    return out


def _reproduces(code: str, path, measure: str, places: int) -> tuple[int, int]:
    """Every published figure has our row with the same value, England and every LA in every
    year: (figures compared, local authorities compared in the latest year)."""
    stored = _stored(code)
    published = _published(path, measure)
    compared, wrong = 0, []
    for (year, number), text in published.items():
        if text in ("-", ""):
            continue
        ours = stored.get((year, number))
        theirs = round_half_up(Decimal(text), places)
        if ours is None or ours.value != theirs:
            wrong.append((year, number, ours.value if ours else None, theirs))
        compared += 1
    assert wrong == []
    latest = max(year for year, _ in published)
    assert (latest, LAIT_ENGLAND) in stored and stored[(latest, LAIT_ENGLAND)].value is not None
    las = sum(
        1
        for (year, number), text in published.items()
        if year == latest and number.isdigit() and int(number) < 970 and text != "-"
    )
    return compared, las


def test_referrals_per_10000_reproduce_lait_for_england_and_every_la(catalogue):
    """Referrals per 10,000 children (CSC-REF-RATE): C1's referrals over the ONS mid-year
    estimate of the year before the reporting year ends, for England (from the published,
    rounded count), the regions and every LA, equal LAIT's published rate in every year."""
    benchmarks_import(path=C1)
    compared, las = _reproduces("CSC-REF-RATE", LAIT, "CPP_Total_Rateper10,000", 1)
    assert compared > 1500 and las >= 150
    england = Benchmark.objects.get(
        indicator__code="CSC-REF-RATE", area_code="E92000001", time_period="2025"
    )
    # 632,830 referrals over 12,183,016 children aged 0 to 17 in mid-2024
    assert england.numerator == 632830 and england.denominator == 12183016
    assert england.value == Decimal("519.4")


def test_lait_measures_reproduce_for_england_and_every_la(catalogue):
    benchmarks_import(path=EXTRACT)
    compared, las = _reproduces("CSC-ASS45", EXTRACT, "Continue_Assess_Comp", 1)
    assert compared > 1500 and las >= 150
    compared, las = _reproduces("YJ-FTE", EXTRACT, "FirstYJS", 0)
    assert compared > 1300 and las >= 140
    solihull = Benchmark.objects.get(
        indicator__code="YJ-FTE", area_code="E08000029", time_period="2024"
    )
    # first-time entrants are counted by calendar year (year ending December)
    assert solihull.value == 79 and str(solihull.period_start) == "2024-01-01"
    assessments = Benchmark.objects.get(
        indicator__code="CSC-ASS45", area_code="E92000001", time_period="2025"
    )
    assert assessments.value == Decimal("85.7") and str(assessments.period_end) == "2025-03-31"
    # LAIT's floating-point 81.100000000000009 is stored as the published 81.1
    assert Benchmark.objects.get(
        indicator__code="CSC-ASS45", area_code="E08000029", time_period="2017"
    ).value == Decimal("81.1")


def test_lait_import_is_idempotent(catalogue):
    first = benchmarks_import(path=EXTRACT)
    again = benchmarks_import(path=EXTRACT)
    assert again.replaced == first.rows == Benchmark.objects.count()


def test_every_phase_1_indicator_has_national_figures_or_says_why(catalogue):
    """Each indicator of the catalogue names the publication its benchmarks come from, or says
    why there is no national figure; every phase-1 indicator with a source (and YJ-FTE) has
    rows for England and every local authority in its latest year once the shipped files are
    imported, and none without a source has any."""
    benchmarks_import_shipped()
    for indicator in Indicator.objects.all():
        assert bool(indicator.benchmark_source) != bool(indicator.no_benchmark_reason), indicator
    with_source = Indicator.objects.exclude(benchmark_source="")
    phase_1 = Indicator.objects.filter(phase=1)
    assert phase_1.count() == 19
    assert set(phase_1.filter(benchmark_source="").values_list("code", flat=True)) == {
        "CSC-CPP-NEGLECT",
        "CSC-CPP-EMOTIONAL",
        "POL-MISSING",
        "POL-RHI72",
        "POL-DA-CHILD",
    }
    for indicator in with_source.filter(phase=1) | with_source.filter(code="YJ-FTE"):
        rows = Benchmark.objects.filter(indicator=indicator)
        latest = rows.order_by("-period_start").values_list("period_start", flat=True).first()
        assert latest is not None, indicator.code
        this_year = rows.filter(period_start=latest)
        assert this_year.filter(area_code="E92000001").exclude(value=None).exists(), indicator
        assert this_year.filter(area_level="local_authority").count() >= 150, indicator.code
    assert not Benchmark.objects.filter(indicator__benchmark_source="").exists()


# ---- the readers, on small files ------------------------------------------------------------

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,new_la_code,la_name,referral_count\n"
)
RATE = MappingSection(
    file="c1.csv",
    period="reporting_year",
    population="population.csv",
    measures=(
        Measure(
            indicator="CSC-REF-RATE",
            value=None,
            numerator=("referral_count",),
            denominator=None,
            where=(),
            compute="rate_10k",
            places=1,
        ),
    ),
)


def test_a_rate_keeps_the_counts_marker_and_says_when_there_is_no_estimate():
    body = (
        "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,841,"
        "E06000005,Darlington,c\n"
        "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,840,"
        "E06000047,County Durham,1000\n"
        "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,"
        "E06000001,Hartlepool,333\n"
    )
    populations = {("2024", "E06000001"): Decimal(20000)}
    rows = list(read_benchmarks(io.StringIO(HEADER + body), RATE, populations))
    assert [(r.value, r.missing_reason) for r in rows] == [
        (None, "c"),  # the count is suppressed
        (None, "x"),  # no estimate for County Durham in mid-2024
        (Decimal("166.5"), ""),  # 333 x 10,000 / 20,000 = 166.5
    ]
    assert rows[2].numerator == 333 and rows[2].denominator == 20000


def test_a_rate_needs_a_population_file(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "files:\n  - file: c1.csv\n    measures:\n"
        "      - {indicator: X, compute: rate_10k, numerator: referral_count}\n"
    )
    with pytest.raises(BenchmarkFileError, match="needs a 'numerator' and the section's"):
        load_mapping(mapping)


LAIT_SECTION = MappingSection(
    file="lait.csv",
    period="reporting_year",
    layout="lait",
    measures=(Measure("YJ-FTE", "FirstYJS", (), None, (), None, places=0, period="calendar_year"),),
)


def _areas():
    with POPULATION.open(encoding="utf-8-sig", newline="") as f:
        return lait_areas(f)


def test_lait_areas_are_named_by_their_latest_ons_code():
    areas = _areas()
    assert areas["970"].code == "E92000001" and areas["970"].level == "national"
    assert areas["987"].code == "E13000001" and areas["987"].name == "Inner London"
    assert areas["334"].code == "E08000029" and areas["334"].region_code == "E12000005"
    assert areas["815"].code == "E06000065"  # North Yorkshire, a unitary authority from 2023


def test_lait_dash_is_not_available_and_a_bad_area_is_named():
    text = "measure_short,years,la_number,value\nFirstYJS,2024,334,-\nOther,2024,1,5\n"
    (row,) = read_lait(io.StringIO(text), LAIT_SECTION, _areas())
    assert row.value is None and row.missing_reason == "x"
    bad = "measure_short,years,la_number,value\nFirstYJS,2024,999,12\n"
    with pytest.raises(BenchmarkFileError, match="Row 2, column 'la_number': '999'"):
        list(read_lait(io.StringIO(bad), LAIT_SECTION, _areas()))
    with pytest.raises(BenchmarkFileError, match="Row 2, column 'value': 'twelve'"):
        list(read_lait(io.StringIO(bad.replace("999,12", "334,twelve")), LAIT_SECTION, _areas()))

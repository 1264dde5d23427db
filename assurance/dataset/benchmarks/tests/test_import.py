"""import_benchmarks on the shipped DfE files and on bad files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.benchmarks.reader import DATA_DIR, MARKERS, parse_number
from assurance.dataset.benchmarks.services import benchmarks_import
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.services import catalogue_load

C1 = DATA_DIR / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,"
    "rereferral_percent\n"
)


@pytest.mark.parametrize("marker", sorted(MARKERS))
def test_markers_are_missing_with_reason(marker):
    value, reason = parse_number(marker)
    assert value is None and reason == (marker or "blank")


def test_numbers_parse_as_decimals():
    assert parse_number(" 22.6 ") == (Decimal("22.6"), "")
    with pytest.raises(ValueError):
        parse_number("n/a")


def test_c1_import_keeps_levels_suppression_and_is_idempotent(catalogue):
    first = benchmarks_import(path=C1)
    assert first.rows == 3 * 2132  # referrals, re-referrals and referrals per 10,000
    again = benchmarks_import(path=C1)
    assert again.replaced == first.rows
    assert Benchmark.objects.count() == first.rows
    levels = set(Benchmark.objects.values_list("area_level", flat=True))
    assert levels == {"national", "regional", "local_authority"}
    england = Benchmark.objects.get(
        indicator__code="CSC-REREF", area_code="E92000001", time_period="2025"
    )
    assert england.value == Decimal("22.6")
    assert england.numerator == 142900 and england.denominator == 632830
    assert str(england.period_start) == "2024-04-01" and str(england.period_end) == "2025-03-31"
    missing = Benchmark.objects.filter(value__isnull=True)
    assert missing.exists()
    assert not missing.filter(missing_reason="").exists()
    assert not Benchmark.objects.filter(value=0, missing_reason__gt="").exists()


def _bad(tmp_path: Path, body: str) -> Path:
    path = tmp_path / C1.name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


GOOD = (
    "2025,Reporting year,National,E92000001,England,,,,,,R,100,20,20.0\n"
    "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,841,"
    "E06000005,Darlington,R,c,c,c\n"
)


def test_bad_value_names_row_and_column_and_stores_nothing(catalogue, tmp_path):
    benchmarks_import(path=C1)
    before = Benchmark.objects.count()
    path = _bad(tmp_path, GOOD + "2025,Reporting year,National,E92000002,X,,,,,,R,12O,1,1\n")
    with pytest.raises(CommandError, match=r"Row 4, column 'referral_count': '12O'"):
        call_command("import_benchmarks", str(path))
    assert Benchmark.objects.count() == before


def test_missing_column_is_named(catalogue, tmp_path):
    path = tmp_path / C1.name
    path.write_text("time_period,referral_count\n2025,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no column 'time_identifier'"):
        call_command("import_benchmarks", str(path))


def test_duplicate_row_is_an_error(catalogue, tmp_path):
    path = _bad(tmp_path, GOOD + GOOD.splitlines(keepends=True)[0])
    with pytest.raises(CommandError, match="Row 4: a second row for CSC-REF"):
        call_command("import_benchmarks", str(path))
    assert Benchmark.objects.count() == 0


def test_small_file_through_the_command(catalogue, tmp_path, capsys):
    call_command("import_benchmarks", str(_bad(tmp_path, GOOD)))
    la = Benchmark.objects.get(indicator__code="CSC-REF", area_code="E06000005")
    assert la.value is None and la.missing_reason == "c" and la.la_number == "841"
    # referrals, re-referrals and referrals per 10,000 children for each of the two rows
    assert "6 rows stored (3 missing" in capsys.readouterr().out


def test_every_shipped_file_imports(catalogue):
    call_command(
        "import_benchmarks",
        *sorted(str(p) for p in DATA_DIR.glob("*.csv") if not p.name.startswith("ons_")),
    )
    codes = set(Benchmark.objects.values_list("indicator__code", flat=True))
    mapped = set(Indicator.objects.exclude(national_measure="").values_list("code", flat=True))
    assert {"CSC-REF", "CSC-ICPC15", "CSC-CLA-RATE", "CSC-CLA-MISSING", "WF-CASELOAD"} <= codes
    assert codes <= mapped | {"CSC-CLA-START-RATE"}
    icpc15 = Benchmark.objects.get(
        indicator__code="CSC-ICPC15", area_code="E92000001", time_period="2025"
    )
    # (6240 + 52430) / 72100
    assert icpc15.value == Decimal("81.4")


def test_catalogue_load_is_idempotent(db):
    created, updated = catalogue_load()
    assert created == Indicator.objects.count() and updated == 0
    assert catalogue_load() == (0, created)
    phases = set(Indicator.objects.values_list("phase", flat=True))
    assert phases == {1, 2, 3}


def test_joint_service_rows_keep_both_codes(catalogue):
    benchmarks_import(path=DATA_DIR / "csww_indicators_2017_to_2025.csv")
    joint = Benchmark.objects.filter(area_code="E06000061 / E06000062")
    assert joint.count() == 5 * 4  # 2021-2025, four workforce indicators
    assert set(joint.values_list("la_number", flat=True)) == {""}


def test_bad_area_code_is_named(catalogue, tmp_path):
    path = _bad(tmp_path, "2025,Reporting year,National,England,England,,,,,,R,1,1,1\n")
    with pytest.raises(CommandError, match="Row 2, column 'country_code': 'England'"):
        call_command("import_benchmarks", str(path))

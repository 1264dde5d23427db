"""Importing a GIAS extract: all rows or none, re-import updates what changed, other local
authorities are left out, and every setting written has its history."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from simple_history.manager import HistoryManager

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.settings.demo import SAMPLE
from assurance.selfassessment.settings.gias import GiasFileError, sample_lines
from assurance.selfassessment.settings.models import Setting, SettingStatus
from assurance.selfassessment.settings.services import gias_rows_from, settings_import


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture
def tenant(northfield: Tenant) -> Tenant:
    northfield.partnership.la_number = "334"
    northfield.partnership.save()
    return northfield


def test_the_command_imports_the_sample_keeping_only_the_partnerships_area(
    tenant: Tenant, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("import_settings", "northfield", str(SAMPLE))
    settings = Setting.objects_for(tenant.partnership)
    assert settings.count() == 150
    assert set(settings.values_list("la_number", flat=True)) == {"334"}
    out = capsys.readouterr().out
    assert "150 settings added" in out and "12 of other local authorities left out" in out
    closed = settings.filter(status=SettingStatus.CLOSED).first()
    assert closed is not None and closed.closed_on is not None
    assert all(s.history.count() == 1 for s in settings[:5])


def test_a_bad_row_names_its_line_and_nothing_is_imported(tenant: Tenant, tmp_path: Path) -> None:
    rows = sample_lines(30, la_number="334", la_name="Northfield")
    rows[25][rows[0].index("OpenDate")] = "32-13-2020"  # the 25th school: line 26 of the file
    path = write(tmp_path / "gias.csv", rows)
    with pytest.raises(CommandError) as caught:
        call_command("import_settings", "northfield", str(path))
    assert "nothing was imported" in str(caught.value)
    assert "Line 26, column OpenDate: “32-13-2020” is not a date" in str(caught.value)
    assert Setting.objects_for(tenant.partnership).count() == 0


def test_a_failure_while_storing_leaves_nothing_half_imported(
    tenant: Tenant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = sample_lines(10, la_number="334", la_name="N")
    settings_import(
        partnership=tenant.partnership, rows=gias_rows_from(write(tmp_path / "a.csv", lines[:6]))
    )
    lines[1][lines[0].index("EstablishmentName")] = "Renamed School"
    rows = gias_rows_from(write(tmp_path / "b.csv", lines))  # 5 new schools and 1 renamed

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(HistoryManager, "bulk_history_create", fail)  # the renamed one's history
    with pytest.raises(RuntimeError):
        settings_import(partnership=tenant.partnership, rows=rows)
    settings = Setting.objects_for(tenant.partnership)
    assert settings.count() == 5 and not settings.filter(name="Renamed School").exists()
    assert Setting.history.filter(partnership=tenant.partnership).count() == 5


def test_the_created_history_rows_copy_the_new_settings_and_name_who_imported(
    tenant: Tenant, amira: Person
) -> None:
    settings_import(partnership=tenant.partnership, rows=gias_rows_from(SAMPLE), user=amira.user,
                    source="gias_sample.csv")  # fmt: skip
    setting = Setting.objects_for(tenant.partnership).get(urn=990002)
    [entry] = setting.history.all()
    assert (entry.history_type, entry.history_user, entry.history_change_reason) == (
        "+", amira.user, "Imported from gias_sample.csv")  # fmt: skip
    assert (entry.name, entry.postcode, entry.imported_at) == (
        setting.name, setting.postcode, setting.imported_at)  # fmt: skip
    assert entry.history_date == setting.imported_at


def test_reimport_updates_opened_closed_and_renamed_schools_and_keeps_the_rest(
    tenant: Tenant, tmp_path: Path
) -> None:
    rows = sample_lines(20, la_number="334", la_name="Northfield")
    first = settings_import(
        partnership=tenant.partnership, rows=gias_rows_from(write(tmp_path / "a.csv", rows))
    )
    assert (first.created, first.updated, first.unchanged) == (20, 0, 0)
    head = rows[0]
    rows[1][head.index("EstablishmentStatus (name)")] = "Closed"
    rows[1][head.index("CloseDate")] = "31-08-2026"
    rows[2][head.index("EstablishmentName")] = "Larkfield Academy"
    newcomer = list(rows[3])
    newcomer[0], newcomer[head.index("EstablishmentName")] = "995000", "Brand New Free School"
    newcomer[head.index("EstablishmentStatus (name)")] = "Proposed to open"
    rows.append(newcomer)
    del rows[5]  # a school missing from a later extract is left as it was
    second = settings_import(
        partnership=tenant.partnership,
        rows=gias_rows_from(write(tmp_path / "b.csv", rows)),
        user=None,
        source="b.csv",
    )
    assert (second.created, second.updated, second.unchanged, second.closed) == (1, 2, 17, 1)
    settings = Setting.objects_for(tenant.partnership)
    assert settings.count() == 21
    closed = settings.get(urn=990001)
    assert closed.status == SettingStatus.CLOSED and str(closed.closed_on) == "2026-08-31"
    assert [h.history_type for h in closed.history.order_by("history_date", "pk")] == ["+", "~"]
    assert closed.history.latest("history_date").history_change_reason == "Imported from b.csv"
    assert settings.get(urn=990002).name == "Larkfield Academy"
    assert settings.get(urn=995000).status == SettingStatus.PROPOSED


def test_importing_the_same_file_again_changes_nothing(tenant: Tenant) -> None:
    rows = gias_rows_from(SAMPLE)
    settings_import(partnership=tenant.partnership, rows=rows)
    again = settings_import(partnership=tenant.partnership, rows=rows)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 150)
    assert Setting.history.filter(partnership=tenant.partnership).count() == 150


def test_settings_of_one_partnership_are_not_touched_by_anothers_import(
    tenant: Tenant, southvale: Tenant
) -> None:
    rows = gias_rows_from(SAMPLE)
    settings_import(partnership=southvale.partnership, rows=rows)  # no LA number: every row
    settings_import(partnership=tenant.partnership, rows=rows)
    assert Setting.objects_for(southvale.partnership).count() == 162
    assert Setting.objects_for(tenant.partnership).count() == 150


def test_an_unknown_partnership_or_unreadable_file_is_a_clear_error(
    tenant: Tenant, tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match="There is no partnership 'nowhere'"):
        call_command("import_settings", "nowhere", str(SAMPLE))
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_settings", "northfield", str(tmp_path / "missing.csv"))
    with pytest.raises(GiasFileError):
        gias_rows_from(tmp_path)

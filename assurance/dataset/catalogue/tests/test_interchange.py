"""Catalogue export and import as CSV and Excel."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.services import catalogue_load


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_round_trip(db, tmp_path, suffix):
    catalogue_load()
    before = list(Indicator.objects.order_by("code").values())
    out = tmp_path / f"catalogue.{suffix}"
    call_command("export_catalogue", str(out))
    Indicator.objects.update(title="changed")
    call_command("load_catalogue", str(out))
    after = list(Indicator.objects.order_by("code").values())
    assert after == before


def test_bad_cell_names_row_and_column_and_stores_nothing(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "code,title,definition,unit,polarity,sector,phase,frequency,source\n"
        "NEW-ONE,New,Def,count,higher,police,1,quarterly,agency_return\n"
        "NEW-TWO,New,Def,count,higher,police,one,quarterly,agency_return\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="row 3, column 'phase': 'one'"):
        call_command("load_catalogue", str(path))
    assert not Indicator.objects.exists()


def test_invalid_choice_names_the_indicator(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "code,title,definition,unit,polarity,sector,phase,frequency,source\n"
        "NEW-ONE,New,Def,furlongs,higher,police,1,quarterly,agency_return\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"Indicator 1 \(NEW-ONE\): unit"):
        call_command("load_catalogue", str(path))

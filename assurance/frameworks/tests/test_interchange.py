"""Frameworks in and out as YAML and Excel: round trips, and bad files that import nothing and
say where the problem is."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from assurance.frameworks.interchange import (
    ImportProblem,
    export_excel,
    export_yaml,
    import_file,
)
from assurance.frameworks.models import Framework, Item, ResponseType, Section

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def tree(framework: Framework) -> list[tuple]:
    return [
        (
            s.code,
            s.title,
            s.guidance,
            [
                (
                    i.code,
                    i.text,
                    i.guidance,
                    i.response_type,
                    i.scale.name if i.scale else None,
                    i.evidence_required,
                )
                for i in s.items.order_by("order")
            ],
        )
        for s in framework.sections.order_by("order")
    ]


@pytest.mark.parametrize(
    "name", ["general.yaml", "neglect.yaml", "domestic-abuse.yaml", "exploitation.yaml"]
)
def test_every_example_imports_and_round_trips_through_yaml_and_excel(name, northfield):
    p = northfield.partnership
    original = import_file(name=name, content=(EXAMPLES / name).read_bytes(), partnership=p)
    again = import_file(name="again.yaml", content=export_yaml(original).encode(), partnership=p)
    from_excel = import_file(name="again.xlsx", content=export_excel(original), partnership=p)
    assert tree(original) == tree(again) == tree(from_excel)


def test_the_general_tool_has_six_kloes_and_24_standards(northfield):
    tool = import_file(
        name="general.yaml",
        content=(EXAMPLES / "general.yaml").read_bytes(),
        partnership=northfield.partnership,
    )
    assert tool.sections.count() == 6
    graded = Item.objects.filter(
        section__framework=tool, response_type__in=[ResponseType.SCALE, ResponseType.YES_NO_NA]
    )
    assert graded.count() == 24
    assert {i.response_type for i in Item.objects.filter(section__framework=tool)} == {
        "scale",
        "yes_no_na",
        "number",
        "date",
        "text",
    }


def test_a_themed_variant_uses_a_second_scale(northfield):
    tool = import_file(
        name="exploitation.yaml",
        content=(EXAMPLES / "exploitation.yaml").read_bytes(),
        partnership=northfield.partnership,
    )
    scales = {
        i.scale.name for i in Item.objects.filter(section__framework=tool, scale__isnull=False)
    }
    assert "Outstanding / Good / Requires improvement / Inadequate" in scales


GOOD = (EXAMPLES / "general.yaml").read_text()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace("response: scale", "response: stars", 1),
            "field response: use one of",
        ),
        (
            lambda t: t.replace(
                "scale: Met / Partially met / Not met / Not applicable", "scale: Gold / Silver", 1
            ),
            "there is no scale called “Gold / Silver”",
        ),
        (lambda t: t.replace("- code: KLOE 2", "- code: KLOE 1", 1), "is repeated"),
        (
            lambda t: t.replace("name: Multi-agency case file audit tool", "name: ''", 1),
            "field name: this is required",
        ),
        (
            lambda t: t.replace("evidence_required: true", "evidence_required: perhaps", 1),
            "write yes or no",
        ),
        (lambda t: t + "\n  - [unclosed", "not valid YAML"),
    ],
)
def test_a_bad_yaml_file_names_the_line_and_field_and_imports_nothing(change, message, northfield):
    with pytest.raises(ImportProblem) as problem:
        import_file(
            name="bad.yaml", content=change(GOOD).encode(), partnership=northfield.partnership
        )
    assert any(message in p for p in problem.value.problems), problem.value.problems
    assert any(p.startswith("line ") for p in problem.value.problems)
    assert not Framework.objects_for(northfield.partnership).exists()
    assert not Section.objects.exists()


def test_the_line_number_points_at_the_bad_value(northfield):
    text = GOOD.replace("response: scale", "response: stars", 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "response: stars" in row)
    with pytest.raises(ImportProblem) as problem:
        import_file(name="bad.yaml", content=text.encode(), partnership=northfield.partnership)
    assert f"line {line}, field response" in problem.value.problems[0]


def test_a_bad_excel_file_names_the_sheet_row_and_column(northfield):
    tool = import_file(
        name="general.yaml", content=GOOD.encode(), partnership=northfield.partnership
    )
    workbook = load_workbook(io.BytesIO(export_excel(tool)))
    workbook["Items"]["G3"] = "stars"
    workbook["Scales"]["C2"] = "maybe"
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = Framework.objects_for(northfield.partnership).count()
    with pytest.raises(ImportProblem) as problem:
        import_file(name="bad.xlsx", content=buffer.getvalue(), partnership=northfield.partnership)
    text = " | ".join(problem.value.problems)
    assert "sheet Items, row 3, column G (response)" in text
    assert "sheet Scales, row 2, column C (meets_standard)" in text
    assert Framework.objects_for(northfield.partnership).count() == before


def test_not_a_workbook(northfield):
    with pytest.raises(ImportProblem, match="not an Excel workbook"):
        import_file(name="x.xlsx", content=b"hello", partnership=northfield.partnership)


def test_the_documented_example_is_valid_yaml():
    doc = Path(__file__).resolve().parents[3] / "docs" / "frameworks.md"
    text = doc.read_text()
    block = text.split("```yaml", 1)[1].split("```", 1)[0]
    assert yaml.safe_load(block)["format"] == "assurance-framework/1"

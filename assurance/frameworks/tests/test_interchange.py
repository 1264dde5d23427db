"""Frameworks in and out as YAML and Excel: round trips, and bad files that import nothing and
say where the problem is."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from assurance.core.spreadsheets import UploadProblem
from assurance.frameworks.interchange.format import ImportProblem, validate
from assurance.frameworks.interchange.loading import import_file, plan_of
from assurance.frameworks.interchange.workbooks import export_excel, read_excel
from assurance.frameworks.interchange.yaml_files import export_yaml
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
def test_every_example_imports_and_round_trips_through_yaml_and_excel(name, northfield, southvale):
    p = northfield.partnership
    original = import_file(name=name, content=(EXAMPLES / name).read_bytes(), partnership=p)
    # In another partnership (in this one, the same tool again would be refused as identical).
    again = import_file(
        name="again.yaml", content=export_yaml(original).encode(), partnership=southvale.partnership
    )
    assert tree(original) == tree(again)
    assert validate(read_excel(export_excel(original))) == plan_of(original)


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


def test_an_import_problem_is_an_upload_problem_listed_in_the_order_of_the_file():
    problem = ImportProblem(["line 9: b.", "sheet Items, row 2: c.", "line 2: a."])
    assert isinstance(problem, UploadProblem)
    assert problem.problems == ["line 2: a.", "line 9: b.", "sheet Items, row 2: c."]
    assert str(problem) == "line 2: a.; line 9: b.; sheet Items, row 2: c."


def test_the_documented_example_is_valid_yaml():
    doc = Path(__file__).resolve().parents[3] / "docs" / "frameworks.md"
    text = doc.read_text()
    block = text.split("```yaml", 1)[1].split("```", 1)[0]
    assert yaml.safe_load(block)["format"] == "assurance-framework/1"


@pytest.mark.django_db
def test_the_documented_example_imports(northfield):
    doc = Path(__file__).resolve().parents[3] / "docs" / "frameworks.md"
    block = doc.read_text().split("```yaml", 1)[1].split("```", 1)[0]
    tool = import_file(name="doc.yaml", content=block.encode(), partnership=northfield.partnership)
    assert [s.code for s in tool.sections.order_by("order")] == ["KLOE 1", "KLOE 2"]
    assert {i.response_type for i in Item.objects.filter(section__framework=tool)} == set(
        ResponseType.values
    )


MET = "Met / Partially met / Not met / Not applicable"


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            lambda t: t.replace("format: assurance-framework/1", "format: other/2", 1),
            "field format",
            "the format must be assurance-framework/1",
        ),
        (
            lambda t: t.replace("kind: case_audit", "kind: survey", 1),
            "field kind",
            "use one of case_audit",
        ),
        (
            lambda t: t.replace("name: Multi-agency case file audit tool", "name: " + "x" * 201),
            "field name",
            "at most 200 characters",
        ),
        (
            lambda t: t.replace("  - label: Not met\n", "  - label: Met\n", 1),
            "field label",
            "the option “Met” is repeated",
        ),
        (
            lambda t: t.replace("    meets_standard: true\n", "    meets_standard: false\n", 1),
            "field name",
            "say which option meets the standard",
        ),
        (
            lambda t: t.replace("- code: KLOE 2", "- code: KLOE 1", 1),
            "field code",
            "the section code “KLOE 1” is repeated",
        ),
        (
            lambda t: t.replace("  - code: '1.2'", "  - code: '1.1'", 1),
            "field code",
            "the item code “1.1” is repeated in its section",
        ),
        (
            lambda t: t.replace("    scale: " + MET + "\n", "", 1),
            "field scale",
            "this is required",
        ),
        (
            lambda t: t.replace("    evidence_required: true", "    evidence_requried: true", 1),
            "field evidence_requried",
            "there is no such field in this item. Did you mean evidence_required?",
        ),
        (
            lambda t: t.replace(
                "    evidence_required: true", "    evidence_required: true\n    code: x", 1
            ),
            "field code",
            "the field is given twice in this item",
        ),
        (
            lambda t: t.replace("  title: Identification", "  title: [Identification", 1).replace(
                "thresholds\n", "thresholds]\n", 1
            ),
            "field title",
            "write plain text here, not a list",
        ),
        (
            lambda t: t.replace("sections:\n", "sections: all of them\nold_sections:\n", 1),
            "field sections",
            "this must be a list",
        ),
    ],
)
def test_each_kind_of_yaml_problem_names_its_line_and_field(change, where, message, northfield):
    text = change(GOOD)
    with pytest.raises(ImportProblem) as problem:
        import_file(name="bad.yaml", content=text.encode(), partnership=northfield.partnership)
    found = [p for p in problem.value.problems if message in p]
    assert found, problem.value.problems
    assert found[0].startswith("line ") and f", {where}: " in found[0], found[0]
    line = int(found[0].split(",")[0].removeprefix("line "))
    assert 1 <= line <= len(text.splitlines())
    assert not Framework.objects_for(northfield.partnership).exists()


def test_a_scale_item_on_a_yes_no_item_and_a_missing_section_list(northfield):
    text = GOOD.replace("    response: scale\n", "    response: number\n", 1)
    with pytest.raises(ImportProblem) as problem:
        import_file(name="bad.yaml", content=text.encode(), partnership=northfield.partnership)
    assert any("only scale items have a scale" in p for p in problem.value.problems)
    with pytest.raises(ImportProblem, match="at least one section"):
        import_file(name="bad.yaml", content=b"name: Empty\n", partnership=northfield.partnership)
    with pytest.raises(ImportProblem, match="must be a YAML mapping"):
        import_file(name="bad.yaml", content=b"- a\n- b\n", partnership=northfield.partnership)
    with pytest.raises(ImportProblem, match=r"Upload a \.yaml or an \.xlsx file"):
        import_file(name="bad.csv", content=b"a,b", partnership=northfield.partnership)


def test_a_code_like_1_10_keeps_its_trailing_zero(northfield):
    text = GOOD.replace("  - code: '1.2'", "  - code: 1.10", 1)
    tool = import_file(name="t.yaml", content=text.encode(), partnership=northfield.partnership)
    assert Item.objects.filter(section__framework=tool, code="1.10").exists()


def _workbook(northfield) -> tuple[Framework, object]:
    tool = import_file(
        name="general.yaml", content=GOOD.encode(), partnership=northfield.partnership
    )
    return tool, load_workbook(io.BytesIO(export_excel(tool)))


def _upload(workbook, northfield) -> list[str]:
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = Framework.objects_for(northfield.partnership).count()
    with pytest.raises(ImportProblem) as problem:
        import_file(name="bad.xlsx", content=buffer.getvalue(), partnership=northfield.partnership)
    assert Framework.objects_for(northfield.partnership).count() == before
    return problem.value.problems


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda wb: wb["Items"].__setitem__("H2", "Gold"), "sheet Items, row 2, column H (scale)"),
        (lambda wb: wb["Items"].__setitem__("E2", None), "sheet Items, row 2, column E (text)"),
        (
            lambda wb: wb["Items"].__setitem__("I4", "maybe"),
            "sheet Items, row 4, column I (evidence_required): write yes or no",
        ),
        (
            lambda wb: wb["Items"].__setitem__("B3", "Another title"),
            "sheet Items, row 3, column B (section_title): section KLOE 1 is titled",
        ),
        (
            lambda wb: wb["Framework"].__setitem__("B2", None),
            "sheet Framework, row 2, column B (name): this is required",
        ),
        (
            lambda wb: wb["Framework"].__setitem__("A6", "owner"),
            "sheet Framework, row 6, column A: there is no field called “owner”",
        ),
        (lambda wb: wb.remove(wb["Scales"]), "The workbook needs a sheet called Scales"),
        (
            lambda wb: wb["Items"].__setitem__("G1", "answer"),
            "Sheet Items, row 1: missing column(s) response",
        ),
    ],
)
def test_each_kind_of_excel_problem_names_its_sheet_row_and_column(edit, message, northfield):
    _, workbook = _workbook(northfield)
    edit(workbook)
    problems = _upload(workbook, northfield)
    assert any(message in p for p in problems), problems


def test_the_excel_workbook_is_made_for_editing(northfield):
    _, workbook = _workbook(northfield)
    assert workbook.sheetnames == ["Framework", "Scales", "Items", "Help"]
    items = workbook["Items"]
    assert items.freeze_panes == "A2"
    assert items["D2"].number_format == "@"
    assert any("G2" in str(v.sqref) for v in items.data_validations.dataValidation)


def test_the_command_imports_an_example_and_reports_a_bad_file(northfield, tmp_path):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("import_framework", "neglect.yaml", partnership=northfield.slug, stdout=out)
    assert "Imported Neglect audit tool" in out.getvalue()
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("response: scale", "response: stars", 1))
    with pytest.raises(CommandError, match="Nothing was imported:\n  line "):
        call_command("import_framework", str(bad), partnership=northfield.slug)
    assert Framework.objects_for(northfield.partnership).count() == 1


def test_problems_are_listed_in_the_order_of_the_file(northfield):
    text = "name: Broken\nsections: none\ncolour: red\n"
    with pytest.raises(ImportProblem) as problem:
        import_file(name="bad.yaml", content=text.encode(), partnership=northfield.partnership)
    assert [p.split(",")[0] for p in problem.value.problems] == [
        "line 2",
        "line 3",
        "The framework needs at least one section with items.",
    ]

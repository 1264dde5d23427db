"""Uploading an audit tool file: versions instead of silent duplicates, every problem in one
pass, the evidence default, and the format guide reachable from the upload page."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from assurance.frameworks.interchange.format import (
    EXAMPLE,
    FRAMEWORK_FIELDS,
    ITEM_FIELDS,
    OPTION_FIELDS,
    SCALE_FIELDS,
    SECTION_FIELDS,
    ImportProblem,
)
from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.interchange.workbooks import export_excel
from assurance.frameworks.interchange.yaml_files import export_yaml
from assurance.frameworks.models import Framework, Item

pytestmark = pytest.mark.django_db

TOOL = """\
name: Voice of the child
{version}sections:
  - code: KLOE 1
    title: Hearing the child
    items:
      - code: "1.1"
        text: {text}
        response: yes_no_na
      - code: "1.2"
        text: What would the child say?
        response: text
"""


def _file(text: str = "The child was seen alone.", version: str = "") -> bytes:
    return TOOL.format(text=text, version=f"version: {version}\n" if version else "").encode()


def _upload(northfield, content: bytes, name: str = "tool.yaml") -> Framework:
    return import_file(name=name, content=content, partnership=northfield.partnership)


def test_the_same_tool_uploaded_twice_is_refused_not_duplicated(northfield):
    _upload(northfield, _file())
    with pytest.raises(ImportProblem, match="same as Voice of the child \\(version 1\\)"):
        _upload(northfield, _file())
    assert (
        Framework.objects_for(northfield.partnership).filter(name="Voice of the child").count() == 1
    )


def test_the_same_tool_as_excel_is_refused_too(northfield):
    tool = _upload(northfield, _file())
    with pytest.raises(ImportProblem, match="same as"):
        _upload(northfield, export_excel(tool), name="tool.xlsx")


def test_a_changed_tool_of_the_same_name_is_its_next_version(northfield):
    first = _upload(northfield, _file())
    second = _upload(northfield, _file("The child was seen alone, or why not is recorded."))
    assert (second.family, second.version) == (first.family, 2)


def test_the_files_version_is_used_and_a_taken_one_refused(northfield):
    first = _upload(northfield, _file(version="3"))
    assert first.version == 3
    with pytest.raises(ImportProblem, match="give the file version 4"):
        _upload(northfield, _file("Changed.", version="3"))
    with pytest.raises(ImportProblem, match="give the file version 4"):
        _upload(northfield, _file("Changed.", version="2"))
    assert _upload(northfield, _file("Changed.", version="5")).version == 5


def test_a_bad_version_is_a_problem_naming_its_line(northfield):
    with pytest.raises(ImportProblem, match="line 2, field version: the version must be a whole"):
        _upload(northfield, _file(version="two"))


def test_the_version_is_exported_and_read_back(northfield):
    tool = _upload(northfield, _file(version="7"))
    assert "version: 7" in export_yaml(tool)
    sheet = load_workbook(io.BytesIO(export_excel(tool)))["Framework"]
    assert ["version", 7] in [[c.value for c in row] for row in sheet.iter_rows()]


def test_every_problem_of_a_bad_file_is_reported_in_one_pass(northfield):
    text = """\
name: Broken
sections:
  - code: KLOE 1
    title: One
    items:
      - code: "1.1"
        text: A standard
        response: stars
        evidence_requried: no
      - code: "1.1"
        text: ""
        response: scale
"""
    with pytest.raises(ImportProblem) as problem:
        _upload(northfield, text.encode())
    found = "\n".join(problem.value.problems)
    assert "line 8, field response: use one of" in found  # a bad value
    assert "field evidence_requried: there is no such field" in found  # a misspelt field
    assert "item code “1.1” is repeated" in found
    assert "line 11, field text: this is required" in found
    assert "line 10, field scale: this is required" in found  # the item starts at line 10


def test_every_problem_of_a_bad_workbook_is_reported_in_one_pass(northfield):
    tool = _upload(northfield, _file())
    workbook = load_workbook(io.BytesIO(export_excel(tool)))
    del workbook["Scales"]
    items = workbook["Items"]
    items["G2"] = "stars"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportProblem) as problem:
        _upload(northfield, buffer.getvalue(), name="bad.xlsx")
    found = "\n".join(problem.value.problems)
    assert "needs a sheet called Scales" in found
    assert "sheet Items, row 2, column G (response)" in found


def test_free_text_items_need_no_separate_evidence_unless_the_file_says(northfield):
    tool = _upload(northfield, _file())
    evidence = dict(
        Item.objects.filter(section__framework=tool).values_list("code", "evidence_required")
    )
    assert evidence == {"1.1": True, "1.2": False}


def test_the_upload_page_links_the_format_guide(northfield, amira, client_for):
    page = client_for(amira).get(northfield.url("frameworks/upload/")).content.decode()
    assert f'href="{northfield.url("frameworks/file-format/")}"' in page


def test_the_guide_describes_every_field_and_its_example_imports(northfield, priya, client_for):
    page = client_for(priya).get(northfield.url("frameworks/file-format/")).content.decode()
    for name in {*FRAMEWORK_FIELDS, *SCALE_FIELDS, *OPTION_FIELDS, *SECTION_FIELDS, *ITEM_FIELDS}:
        assert f"<code>{name}</code>" in page, name
    assert "When left out: <strong>no</strong> for <code>text</code> items" in page
    assert "Voice of the child dip sample" in page
    tool = _upload(northfield, EXAMPLE.read_bytes())
    assert tool.version == 1 and tool.sections.count() == 2


def test_uploading_twice_on_the_page_says_why_nothing_was_imported(northfield, amira, client_for):
    client = client_for(amira)
    url = northfield.url("frameworks/upload/")
    assert client.post(url, {"file": SimpleUploadedFile("t.yaml", _file())}).status_code == 302
    response = client.post(url, {"file": SimpleUploadedFile("t.yaml", _file())})
    assert response.status_code == 200
    assert "already in the service: nothing was imported" in response.content.decode()

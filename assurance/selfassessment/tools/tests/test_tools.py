"""The shipped self-assessment tools: each is a valid framework file of kind self_assessment,
every standard has guidance naming its evidence and a rating scale with one rating that meets
the standard; loading them into a partnership adds each once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from assurance.frameworks.interchange.format import validate
from assurance.frameworks.interchange.yaml_files import read_yaml
from assurance.frameworks.models import Framework, FrameworkKind
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.tools.services import tool_paths, tools_load

S175 = "Section 175/157 safeguarding self-assessment for schools and colleges"
EXPECTED = {
    "section-11.yaml": ("Section 11 self-assessment", 4, 12),
    "section-175.yaml": (S175, 5, 14),
    "exploitation.yaml": ("Exploitation self-assessment", 3, 7),
}  # fmt: skip


@pytest.mark.parametrize("path", tool_paths(), ids=lambda p: p.name)
def test_each_tool_is_a_self_assessment_with_guidance_evidence_and_a_scale(path: Path) -> None:
    plan = validate(read_yaml(path.read_bytes()))
    name, sections, items = EXPECTED[path.name]
    assert (plan.name, plan.kind) == (name, FrameworkKind.SELF_ASSESSMENT)
    assert len(plan.sections) == sections
    standards = [item for section in plan.sections for item in section["items"]]
    assert len(standards) == items
    [(scale, options)] = plan.scales
    assert scale == "Fully met / Partly met / Not met"
    assert [o["label"] for o in options if o["meets_standard"]] == ["Fully met"]
    for item in standards:
        assert item["response_type"] == "scale" and item["scale"] == scale, item["code"]
        assert item["evidence_required"], item["code"]
        assert "Evidence:" in item["guidance"], f"{path.name} {item['code']} names no evidence"


def test_loading_adds_each_tool_once(
    northfield: Tenant, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("load_self_assessment_tools", "northfield")
    assert "tools added: Section 11 self-assessment" in capsys.readouterr().out
    tools = Framework.objects_for(northfield.partnership).filter(kind=FrameworkKind.SELF_ASSESSMENT)
    assert sorted(tools.values_list("name", flat=True)) == sorted(
        n for n, _, _ in EXPECTED.values()
    )
    s175 = tools.get(name__startswith="Section 175")
    assert sum(section.items.count() for section in s175.sections.all()) == 14
    assert tools_load(partnership=northfield.partnership) == []
    call_command("load_self_assessment_tools", "northfield")
    assert "none (it has them all)" in capsys.readouterr().out
    assert tools.count() == 3


def test_the_tools_appear_among_the_partnerships_frameworks(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Any]
) -> None:
    tools_load(partnership=northfield.partnership)
    page = client_for(amira).get(northfield.url("frameworks/")).content.decode()
    assert "Section 175/157 safeguarding self-assessment for schools and colleges" in page
    assert "Exploitation self-assessment" in page

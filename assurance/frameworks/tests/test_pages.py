"""The audit tool pages: Amira (business unit) manages tools; Priya (police auditor) reads them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from assurance.frameworks.assessments import assessment_start
from assurance.frameworks.demo import load_example_frameworks
from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.models import Framework, Item

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def neglect(northfield) -> Framework:
    return import_file(
        name="neglect.yaml",
        content=(EXAMPLES / "neglect.yaml").read_bytes(),
        partnership=northfield.partnership,
    )


def test_the_list_groups_versions_and_shows_what_is_in_use(neglect, northfield, amira, client_for):
    assessment_start(framework=neglect, partnership=northfield.partnership)
    client_for(amira).post(northfield.url(f"frameworks/{neglect.pk}/new-version/"))
    page = client_for(amira).get(northfield.url("frameworks/")).content.decode()
    assert page.count("Neglect audit tool") == 1  # one row for the family
    assert "v2" in page and "v1" in page and "In use" in page
    assert "Upload a tool" in page


def test_an_auditor_reads_the_tree_but_cannot_manage(neglect, northfield, priya, client_for):
    page = client_for(priya).get(northfield.url(f"frameworks/{neglect.pk}/")).content.decode()
    assert "KLOE 1" in page and "Met — meets the standard" in page
    assert "Download as YAML" in page and "Adapt for a theme" not in page
    assert client_for(priya).get(northfield.url("frameworks/upload/")).status_code == 403


def test_downloads_are_importable(neglect, northfield, amira, client_for):
    as_yaml = client_for(amira).get(northfield.url(f"frameworks/{neglect.pk}/export.yaml"))
    assert 'filename="neglect-audit-tool-v1.yaml"' in as_yaml["Content-Disposition"]
    assert yaml.safe_load(as_yaml.content)["name"] == "Neglect audit tool"
    as_excel = client_for(amira).get(northfield.url(f"frameworks/{neglect.pk}/export.xlsx"))
    assert load_workbook(io.BytesIO(as_excel.content))["Items"]["A2"].value == "KLOE 1"
    assert (
        client_for(amira).get(northfield.url(f"frameworks/{neglect.pk}/export.pdf")).status_code
        == 404
    )


def test_adapting_and_versioning_from_the_pages(neglect, northfield, amira, client_for):
    client = client_for(amira)
    response = client.post(
        northfield.url(f"frameworks/{neglect.pk}/copy/"),
        {"name": "Neglect in adolescence", "theme": "adolescent neglect"},
    )
    copy = Framework.objects_for(northfield.partnership).get(name="Neglect in adolescence")
    assert response.url.endswith(f"/frameworks/{copy.pk}/")
    assert copy.based_on == neglect and copy.family != neglect.family
    page = client.get(response.url).content.decode()
    assert "Adapted from" in page


def test_a_frozen_version_refuses_edits_on_its_pages(neglect, northfield, amira, client_for):
    assessment_start(framework=neglect, partnership=northfield.partnership)
    client = client_for(amira)
    response = client.post(
        northfield.url(f"frameworks/{neglect.pk}/change/"),
        {"name": "Renamed", "theme": "neglect", "description": ""},
    )
    assert response.status_code == 200 and "Make a new version" in response.content.decode()
    neglect.refresh_from_db()
    assert neglect.name == "Neglect audit tool"
    item = Item.objects.filter(section__framework=neglect).order_by("pk").first()
    response = client.post(
        northfield.url(f"frameworks/{neglect.pk}/items/{item.pk}/change/"),
        {"code": item.code, "text": "Changed", "response_type": "text", "evidence_required": "on"},
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.text != "Changed"


def test_adding_an_item_with_a_code_already_used_is_an_error(
    neglect, northfield, amira, client_for
):
    section = neglect.sections.order_by("order").first()
    url = northfield.url(f"frameworks/{neglect.pk}/sections/{section.pk}/items/new/")
    data = {"code": "1.1", "text": "Another", "response_type": "yes_no_na"}
    response = client_for(amira).post(url, data)
    assert response.status_code == 200 and "already has an item 1.1" in response.content.decode()
    response = client_for(amira).post(url, {**data, "code": "1.9"})
    assert response.status_code == 302
    added = Item.objects.get(section=section, code="1.9")
    assert added.scale.name == "Yes / No / Not applicable" and added.order == 5


def test_another_partnerships_tool_is_not_found(neglect, tamsin, client_for, northfield):
    url = f"/p/southvale/frameworks/{neglect.pk}/"
    assert client_for(tamsin).get(url).status_code == 404


def test_the_demo_loader_is_idempotent(northfield, southvale):
    load_example_frameworks()
    load_example_frameworks()
    for tenant in (northfield, southvale):
        names = sorted(Framework.objects_for(tenant.partnership).values_list("name", flat=True))
        assert names == [
            "Domestic abuse audit tool",
            "Exploitation audit tool",
            "Multi-agency case file audit tool",
            "Neglect audit tool",
        ]

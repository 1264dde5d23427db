"""Hostile files sent to every importer: each is refused with a clear message and nothing is
stored, and the work is bounded by limits the tests observe, never by timing.

A security probe took the service down with small files: a 366-byte YAML "billion laughs" grew a
process to 23.8 GB, a smaller one returned an 82.5 MB error page, 20,000 levels of nesting were a
500; a 9.6 KB workbook declaring A1:XFD20000 took 20 seconds and zip bombs over two minutes; a
workbook with broken sheet XML was a 500. The files are built here, as the tests run
(``core/tests/hostile.py``), from each importer's own download.

The importers: a framework from YAML or Excel, the indicator catalogue from YAML, CSV or Excel,
an agency's audit returns workbook and an agency's collection workbook.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils.html import escape

from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.tests.factories import add_case, neglect_deep_dive
from assurance.audits.workbooks import return_workbook, upload_return_workbook
from assurance.core import spreadsheets
from assurance.core.spreadsheets import UploadProblem
from assurance.core.tests import hostile
from assurance.dataset.catalogue.interchange import catalogue_csv, catalogue_xlsx
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.services import CatalogueError, catalogue_load
from assurance.dataset.collection.models import CollectionRound, IndicatorValue
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.dataset.collection.workbooks import upload_values_workbook, values_workbook
from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.interchange.workbooks import export_excel
from assurance.frameworks.models import Answer, Framework, ResponseScale
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PartnershipFactory, Tenant

pytestmark = pytest.mark.django_db


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> hostile.ParserSpy:
    return hostile.spy_on_parser(monkeypatch)


@dataclass
class Importer:
    """One way in for a spreadsheet: its own download (to make hostile files from), the sheet
    to attack, the upload (raising with the problems) and a snapshot of what it stores."""

    name: str
    sheet: str
    download: Callable[[], bytes]
    upload: Callable[[bytes], Any]
    stored: Callable[[], Any]

    def refusal(self, content: bytes) -> str:
        """The problems of uploading ``content``, which must be refused and store nothing."""
        before = self.stored()
        with pytest.raises((UploadProblem, CatalogueError)) as refused:
            self.upload(content)
        assert self.stored() == before
        exc = refused.value
        return "; ".join(exc.problems) if isinstance(exc, UploadProblem) else str(exc)


def _framework(northfield: Tenant, tmp_path: Path) -> Importer:
    # The tool is another partnership's: the same tool uploaded twice into one is refused.
    tool = NeglectAuditToolFactory(partnership=PartnershipFactory())
    return Importer(
        name="framework",
        sheet="Items",
        download=lambda: export_excel(tool),
        upload=lambda content: import_file(
            name="tool.xlsx", content=content, partnership=northfield.partnership
        ),
        stored=lambda: (Framework.unscoped.count(), ResponseScale.unscoped.count()),
    )


def _catalogue(northfield: Tenant, tmp_path: Path) -> Importer:
    catalogue_load()
    path = tmp_path / "catalogue.xlsx"

    def upload(content: bytes) -> Any:
        path.write_bytes(content)
        return catalogue_load(path=path)

    return Importer(
        name="catalogue",
        sheet="Indicators",
        download=lambda: catalogue_xlsx(Indicator.objects.order_by("order")),
        upload=upload,
        stored=lambda: list(Indicator.objects.order_by("code").values()),
    )


def _returns(northfield: Tenant, tmp_path: Path) -> Importer:
    """Priya's open returns of a neglect audit, two cases."""
    amira = Person.objects_for(northfield.partnership).get(email="amira@northfield.test")
    priya = Person.objects_for(northfield.partnership).get(email="priya@northfield.test")
    tool = NeglectAuditToolFactory(partnership=northfield.partnership)
    audit = neglect_deep_dive(northfield, tool=tool, lead=amira)
    for _ in range(2):
        case = add_case(audit, northfield, amira)
        AgencyReturn.unscoped.get(case=case, agency=northfield.police).auditors.add(priya)
    audit.status = AuditStatus.AUDITING
    audit.save()
    actor = actor_for_person(priya)
    return Importer(
        name="returns",
        sheet="Answers",
        download=lambda: return_workbook(actor=actor, audit=audit),
        upload=lambda content: upload_return_workbook(actor=actor, audit=audit, content=content),
        stored=lambda: (
            Answer.objects.count(),
            list(AgencyReturn.unscoped.values_list("working_well", flat=True)),
        ),
    )


def _collection(northfield: Tenant, tmp_path: Path) -> Importer:
    """Helen's police values of an open round."""
    catalogue_load()
    helen = Person.objects_for(northfield.partnership).get(email="helen@northfield.test")
    round = CollectionRoundFactory(partnership=northfield.partnership, status="open")
    actor = actor_for_person(helen)
    return Importer(
        name="collection",
        sheet="Values",
        download=lambda: values_workbook(round=round, agency=northfield.police),
        upload=lambda content: upload_values_workbook(actor=actor, round=round, content=content),
        stored=lambda: IndicatorValue.unscoped.count(),
    )


IMPORTERS = {"framework": _framework, "catalogue": _catalogue, "returns": _returns}
IMPORTERS["collection"] = _collection


@pytest.fixture(params=list(IMPORTERS))
def importer(
    request: pytest.FixtureRequest,
    northfield: Tenant,
    amira: Person,
    priya: Person,
    helen: Person,
    tmp_path: Path,
) -> Importer:
    built: Importer = IMPORTERS[request.param](northfield, tmp_path)
    return built


def test_every_workbook_and_yaml_file_is_read_through_the_one_reader() -> None:
    """Outside core's two readers (and tests), nothing opens a workbook or parses YAML itself:
    a new importer cannot forget the limits."""
    root = Path(spreadsheets.__file__).parents[1]
    readers = {root / "core" / "spreadsheets.py", root / "core" / "bounded_yaml.py"}
    calls = re.compile(r"(?<![\w.])(load_workbook|ExcelReader|yaml\.(safe_|full_|unsafe_)?load)\(")
    found = [
        f"{path.relative_to(root)}: {call.group()}"
        for path in root.rglob("*.py")
        if path not in readers and not {"tests", "browser_tests", "bench"} & set(path.parts)
        for call in calls.finditer(path.read_text())
    ]
    assert found == []


# --- Excel, for every importer ------------------------------------------------------------------


def test_the_download_itself_is_accepted(importer: Importer, spy: hostile.ParserSpy) -> None:
    """The control: each importer's own download goes back in (an empty upload or the same
    values), read through the one reader."""
    importer.upload(importer.download())
    assert spy.total > 0


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("A1:XFD20000", "reaches column XFD: a sheet to upload has at most 100 columns"),
        ("A1:I1048576", "reaches row 1,048,576: a sheet to upload has at most 20,000 rows"),
    ],
)
def test_a_huge_declared_size_is_refused_before_a_row_is_read(
    importer: Importer, ref: str, message: str, spy: hostile.ParserSpy
) -> None:
    content = hostile.declared(importer.download(), importer.sheet, ref)
    assert len(content) < 20_000  # a small file
    assert f"Sheet {importer.sheet} {message}" in importer.refusal(content)
    assert spy.rows.get(importer.sheet, 0) <= 1  # at most the heading row of a sheet before


def test_the_parser_is_never_given_more_than_the_row_limit(
    importer: Importer, spy: hostile.ParserSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows below the declared size (which says all is well) are read only to the limit."""
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 40)
    content = hostile.rows_beyond(importer.download(), importer.sheet, rows=2000)
    assert f"Sheet {importer.sheet} reaches row 41" in importer.refusal(content)
    assert spy.rows[importer.sheet] <= 41 + 1  # the heading row may have been read on its own


def test_a_zip_bomb_is_refused_unread(importer: Importer, spy: hostile.ParserSpy) -> None:
    bomb = hostile.zip_bomb(importer.download(), megabytes=25)
    assert len(bomb) < 200_000
    assert importer.refusal(bomb).startswith("The workbook is larger than 20 MB once unzipped: ")
    assert spy.total == 0


def test_broken_sheet_xml_is_a_clear_problem(importer: Importer) -> None:
    content = hostile.broken_sheet(importer.download(), importer.sheet)
    assert f"Sheet {importer.sheet} is damaged and cannot be read" in importer.refusal(content)


def test_an_xml_entity_bomb_is_refused(importer: Importer, spy: hostile.ParserSpy) -> None:
    content = hostile.entity_sheet(importer.download(), importer.sheet)
    assert "it holds XML that Excel never writes" in importer.refusal(content)
    assert spy.total == 0


def test_a_workbook_that_takes_too_long_is_stopped(
    importer: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheets, "READ_SECONDS", 0)
    assert "The workbook took more than 0 seconds to read" in importer.refusal(importer.download())


# --- YAML: a framework, the catalogue ------------------------------------------------------------

BOMBS = {
    "billion laughs": (hostile.billion_laughs(), "line 1: the file uses an anchor (&name)"),
    "an alias": ("name: A\ntheme: *t\n", "line 2: the file uses an alias (*name)"),
    "20,000 levels": (hostile.nested_yaml(), "line 2: the file is nested more than 20 levels"),
    "deep mappings": (hostile.nested_yaml(1500, block=True), "line 20: the file is nested more"),
    "3 MB": (hostile.huge_yaml(3), "The file is larger than 2 MB"),
}


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_a_yaml_bomb_framework_is_refused_briefly(bomb: str, northfield: Tenant) -> None:
    text, message = BOMBS[bomb]
    assert len(hostile.billion_laughs()) < 400
    with pytest.raises(UploadProblem) as refused:
        import_file(name="bomb.yaml", content=text.encode(), partnership=northfield.partnership)
    [problem] = refused.value.problems
    assert problem.startswith(message) and len(problem) < 200
    assert not Framework.unscoped.exists()


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_a_yaml_bomb_catalogue_is_refused_briefly(bomb: str, tmp_path: Path, db: None) -> None:
    text, message = BOMBS[bomb]
    path = tmp_path / "catalogue.yaml"
    path.write_text(text)
    with pytest.raises(CatalogueError) as refused:
        catalogue_load(path=path)
    assert message in str(refused.value) and len(str(refused.value)) < 200
    assert not Indicator.objects.exists()


def test_a_framework_value_is_never_echoed_whole(northfield: Tenant) -> None:
    """A problem quotes what it found briefly: the 82.5 MB error page printed the structure."""
    text = "name: T\nsections:\n  - " + "[" + ", ".join(["lol"] * 20_000) + "]\n"
    with pytest.raises(UploadProblem) as refused:
        import_file(name="big.yaml", content=text.encode(), partnership=northfield.partnership)
    assert all(len(problem) < 300 for problem in refused.value.problems)
    assert "each section must be a set of fields, not “a list”" in str(refused.value)


def test_the_upload_page_shows_the_refusal(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    client.raise_request_exception = False
    for text, message in [BOMBS["billion laughs"], BOMBS["20,000 levels"]]:
        upload = io.BytesIO(text.encode())
        upload.name = "bomb.yaml"
        response = client.post(northfield.url("frameworks/upload/"), {"file": upload})
        assert response.status_code == 200
        page = response.content.decode()
        assert escape(message.split(":", 1)[1].strip()) in page and len(page) < 100_000
    assert not Framework.unscoped.exists()


# --- CSV: the catalogue --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        ("code,title\nA," + "x" * 200_000 + "\n", "Row 2: this is not valid CSV"),
        ("code,phase\nA,1e999\n", "row 2, column 'phase': '1e999' is not a whole number"),
        ("code,title\n" + "A,x\n" * 25, "The file has more than 20 rows"),
        ("code\x00,title\n\xff", "The file must be a CSV saved as UTF-8"),
    ],
)
def test_a_hostile_catalogue_csv_is_refused(
    csv: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: None
) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 20)
    path = tmp_path / "catalogue.csv"
    path.write_bytes(csv.encode("latin-1") if "\xff" in csv else csv.encode())
    with pytest.raises(CatalogueError, match=message.replace("(", r"\(")):
        catalogue_load(path=path)
    assert not Indicator.objects.exists()


def test_catalogue_csv_formulas_stay_text_and_load_back(tmp_path: Path, db: None) -> None:
    catalogue_load()
    Indicator.objects.filter(code="CSC-REF").update(definition='=HYPERLINK("http://x","y")')
    text = catalogue_csv(Indicator.objects.order_by("order"))
    assert "'=HYPERLINK" in text
    path = tmp_path / "catalogue.csv"
    path.write_text(text)
    catalogue_load(path=path)
    assert Indicator.objects.get(code="CSC-REF").definition == '=HYPERLINK("http://x","y")'


# --- through the pages ---------------------------------------------------------------------------


def _post(client: Client, url: str, content: bytes) -> Any:
    upload = io.BytesIO(content)
    upload.name = "upload.xlsx"
    return client.post(url, {"file": upload})


def test_the_returns_upload_page_shows_a_damaged_sheet(
    northfield: Tenant, amira: Person, priya: Person, helen: Person, tmp_path: Path, client_for: Any
) -> None:
    returns = _returns(northfield, tmp_path)
    audit = AgencyReturn.unscoped.first().case.audit  # type: ignore[union-attr]
    client = client_for(priya)
    client.raise_request_exception = False
    content = hostile.broken_sheet(returns.download(), "Answers")
    response = _post(client, northfield.url(f"audits/{audit.pk}/returns/upload/"), content)
    assert response.status_code == 200
    assert "Sheet Answers is damaged and cannot be read" in response.content.decode()


def test_the_collection_upload_page_shows_a_zip_bomb_refused(
    northfield: Tenant, amira: Person, priya: Person, helen: Person, tmp_path: Path, client_for: Any
) -> None:
    collection = _collection(northfield, tmp_path)
    client = client_for(helen)
    client.raise_request_exception = False
    url = northfield.url(f"data-set/collection/{CollectionRound.unscoped.get().pk}/upload/")
    response = _post(client, url, hostile.zip_bomb(collection.download()))
    assert response.status_code == 200
    assert "The workbook is larger than 20 MB once unzipped" in response.content.decode()
    assert not IndicatorValue.unscoped.exists()

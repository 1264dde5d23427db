"""Hostile files, built while the tests run (none is kept in the repository): YAML bombs,
workbooks that declare a huge size, zip bombs, damaged or entity-laden sheet XML, and a spy
that counts what openpyxl's parser hands over.

Shared by core's own tests and the project-wide ``tests/test_hostile_files.py``, which sends
each file to every importer.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

# --- YAML -----------------------------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    """The classic: each anchor repeats the one before nine times (9**9 strings in 366 bytes)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        here, before = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{here}: &{here} [{','.join([f'*{before}'] * 9)}]")
    return "\n".join(lines) + "\n"


def nested_yaml(levels: int = 20_000, *, block: bool = False) -> str:
    """Lists inside lists, ``levels`` deep: in flow style ([[[…]]]) or as indented mappings."""
    if block:
        return "".join(f"{' ' * level}k{level}:\n" for level in range(levels)) + " " * levels + "x"
    return "name: Deep\nsections: " + "[" * levels + "]" * levels + "\n"


def huge_yaml(megabytes: int = 3) -> str:
    return "name: Huge\ndescription: " + "x" * (megabytes * 1024 * 1024) + "\n"


# --- workbooks ------------------------------------------------------------------------------


def workbook(sheets: dict[str, list[list[Any]]]) -> bytes:
    """An ordinary workbook of these sheets and rows, as openpyxl writes it."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_part(content: bytes, sheet: str) -> str:
    """The file inside the .xlsx that holds ``sheet`` (openpyxl numbers them in order)."""
    names = load_workbook(io.BytesIO(content), read_only=True).sheetnames
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def replace_parts(content: bytes, parts: dict[str, bytes], *, extra: int = 0) -> bytes:
    """The same .xlsx with some files replaced (or added), and ``extra`` MB of zeros added."""
    original = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in original.infolist():
            archive.writestr(info.filename, parts.pop(info.filename, original.read(info)))
        for name, data in parts.items():
            archive.writestr(name, data)
        if extra:
            with archive.open("xl/media/padding.bin", "w") as padding:
                for _ in range(extra):
                    padding.write(bytes(1024 * 1024))
    return out.getvalue()


def declared(content: bytes, sheet: str, ref: str) -> bytes:
    """The workbook with ``sheet`` declaring the range ``ref`` (e.g. "A1:XFD20000")."""
    part = sheet_part(content, sheet)
    xml = zipfile.ZipFile(io.BytesIO(content)).read(part).decode()
    xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml)
    return replace_parts(content, {part: xml.encode()})


def zip_bomb(content: bytes, megabytes: int = 25) -> bytes:
    """The workbook with ``megabytes`` of zeros inside (a few KB once zipped)."""
    return replace_parts(content, {}, extra=megabytes)


def broken_sheet(content: bytes, sheet: str) -> bytes:
    """The workbook with ``sheet``'s XML cut off in the middle of its cells: a well-formed zip
    that openpyxl opens, whose sheet cannot be parsed."""
    part = sheet_part(content, sheet)
    xml = zipfile.ZipFile(io.BytesIO(content)).read(part).decode()
    cut = xml.index("</row>") + len("</row>")
    return replace_parts(content, {part: (xml[:cut] + '<row r="2"><c r="A2" t="n"><v>1').encode()})


def unreadable_sheet(content: bytes, sheet: str) -> bytes:
    """The workbook with ``sheet`` not XML at all, from its first byte."""
    return replace_parts(content, {sheet_part(content, sheet): b"<worksheet><<<not xml"})


def entity_sheet(content: bytes, sheet: str) -> bytes:
    """The workbook with a "billion laughs" XML entity bomb in ``sheet``."""
    part = sheet_part(content, sheet)
    xml = zipfile.ZipFile(io.BytesIO(content)).read(part).decode()
    body = xml.split("?>", 1)[-1]
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = f"<!DOCTYPE worksheet [{entities}]>" + body.replace("<sheetData>", "<sheetData>&l9;")
    return replace_parts(content, {part: bomb.encode()})


def rows_beyond(content: bytes, sheet: str, *, rows: int, after: int = 0) -> bytes:
    """The workbook with ``rows`` more rows of values in ``sheet`` (its declared size left as it
    was), starting below row ``after`` (below the last row if 0)."""
    part = sheet_part(content, sheet)
    xml = zipfile.ZipFile(io.BytesIO(content)).read(part).decode()
    last = after or max(int(r) for r in re.findall(r'<row r="(\d+)"', xml))
    extra = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>extra {n}</t></is></c></row>'
        for n in range(last + 1, last + 1 + rows)
    )
    return replace_parts(
        content, {part: xml.replace("</sheetData>", extra + "</sheetData>").encode()}
    )


def wide_row(content: bytes, sheet: str, *, columns: int = 16384) -> bytes:
    """The workbook with a value in every one of ``columns`` columns of ``sheet``'s row 2."""
    from openpyxl.utils import get_column_letter

    part = sheet_part(content, sheet)
    xml = zipfile.ZipFile(io.BytesIO(content)).read(part).decode()
    cells = "".join(
        f'<c r="{get_column_letter(c)}2" t="n"><v>{c}</v></c>' for c in range(1, columns + 1)
    )
    xml = re.sub(r'<row r="2"[^>]*>.*?</row>', "", xml, flags=re.S)
    xml = xml.replace("</row>", f'</row><row r="2">{cells}</row>', 1)
    return replace_parts(content, {part: xml.encode()})


# --- what the parser hands over ----------------------------------------------------------------


@dataclass
class ParserSpy:
    """Every row openpyxl's read-only parser handed over, by sheet, and the widest."""

    rows: dict[str, int] = field(default_factory=dict)
    widest: int = 0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def spy_on_parser(monkeypatch: pytest.MonkeyPatch) -> ParserSpy:
    """Count what openpyxl's read-only parser hands over, from now to the end of the test."""
    spy = ParserSpy()
    original = ReadOnlyWorksheet._cells_by_row

    def counting(sheet: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for row in original(sheet, *args, **kwargs):
            spy.rows[sheet.title] = spy.rows.get(sheet.title, 0) + 1
            spy.widest = max(spy.widest, len(row))
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    return spy

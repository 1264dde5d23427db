"""Turning a report into files: PDF (WeasyPrint) and Word (python-docx).

Each capability assembles its report as a ``Report`` — a title and blocks of headings,
paragraphs, lists and tables — and renders it three ways from the same records: a web page, a
PDF (``core/document.html``) and a Word document (python-docx). The page and the PDF draw the
blocks with the same partial, ``core/report_blocks.html``; ``partnerships.viewmixins.DocumentView``
answers all three for a partnership's report. Charts appear in all three, drawn from the same
geometry (``core.charts``): by the same SVG template in the page and the PDF, as a PNG picture of
it in Word (``core.chart_images``).

WeasyPrint lays out every table cell and every SVG letter as a box of its own, which costs about
a millisecond each: a block can say that it is left out of the PDF (``in_pdf=False``, such as a
large table of figures that the page and the Word document give in full) or that only the PDF
has it (``only_pdf=True``, such as the sentence that says where those figures are). ADR 011 says
why.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string

from assurance.core.chart_images import change_chart_png, proportion_chart_png
from assurance.core.charts import ChangeChart, ProportionChart

PDF_CONTENT_TYPE = "application/pdf"
FIGURE_SPACE = "\u2007"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    numeric_from: int = 1  # columns from this index are right-aligned


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "bullets", "table", "chart", "change_chart", "quote"
    text: str = ""
    level: int = 2
    items: list[str] = field(default_factory=list)
    table: Table | None = None
    chart: ProportionChart | None = None
    change_chart: ChangeChart | None = None
    in_pdf: bool = True  # False: on the page and in Word, not in the PDF
    only_pdf: bool = False  # True: in the PDF alone
    figures: list[str] = field(default_factory=list)  # a chart's figures by row, for the PDF

    @property
    def print_axis(self) -> str:
        """A chart's axis labels as one line for the PDF, which spreads them evenly from 0% to
        100%: each is padded on both sides with figure spaces (as wide as a digit) to the widest,
        so that their centres fall on their ticks."""
        if self.chart is None:
            return ""
        labels = [tick.label for tick in self.chart.ticks]
        widest = max(len(label) for label in labels)
        padded = []
        for label in labels:
            pad = widest - len(label)
            padded.append(FIGURE_SPACE * ((pad + 1) // 2) + label + FIGURE_SPACE * (pad // 2))
        return " ".join(padded)

    @property
    def print_values(self) -> list[str]:
        """What the PDF prints right of each of a chart's bars: the row's figures when the report
        gave them, otherwise its percentage; nothing for a row with nothing assessed (its SVG
        says so where the bar would be)."""
        if self.chart is None:
            return []
        figures = self.figures or [row.value for row in self.chart.rows]
        return [
            "" if row.width is None else text
            for row, text in zip(self.chart.rows, figures, strict=True)
        ]


@dataclass
class Report:
    title: str
    subtitle: str
    organisation: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """The key of the report's drawn blocks in the cache (ADR 032): the organisation and
        everything the blocks show (their ``repr``: every text, item, table cell and chart's
        drawing, and where each block appears), in order. The page draws the same blocks once
        per process; any change of what they show is a new digest, so a drawing is never out
        of date."""
        content = repr([self.organisation, *self.blocks]).encode()
        return hashlib.blake2b(content, digest_size=20).hexdigest()

    def heading(self, text: str, level: int = 2) -> None:
        self.blocks.append(Block("heading", text=text, level=level))

    def paragraph(self, text: str, *, only_pdf: bool = False) -> None:
        self.blocks.append(Block("paragraph", text=text, only_pdf=only_pdf))

    def bullets(self, items: list[str]) -> None:
        self.blocks.append(Block("bullets", items=items))

    def quote(self, text: str) -> None:
        self.blocks.append(Block("quote", text=text))

    def table(self, table: Table, *, empty: str = "", in_pdf: bool = True) -> None:
        """The table; or, when it has no rows and ``empty`` says so, that sentence instead."""
        if empty and not table.rows:
            self.paragraph(empty)
        else:
            self.blocks.append(Block("table", table=table, in_pdf=in_pdf))

    def chart(self, chart: ProportionChart, *, figures: list[str] | None = None) -> None:
        """A chart; ``figures`` (one a row) are printed right of its bars in the PDF instead of
        the percentages."""
        self.blocks.append(Block("chart", chart=chart, figures=figures or []))

    def changes(self, chart: ChangeChart) -> None:
        """A change chart (each row's figures are printed beside it, in every format)."""
        self.blocks.append(Block("change_chart", change_chart=chart))


def render_pdf(report: Report, *, base_url: str = "") -> bytes:
    from weasyprint import HTML

    html = render_to_string("core/document.html", {"report": report, "pdf": True})
    return HTML(string=html, base_url=base_url or None).write_pdf()


def render_docx(report: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.author = report.organisation
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.subtitle)
    for block in report.blocks:
        if block.only_pdf:
            continue
        if block.kind == "heading":
            document.add_heading(block.text, level=min(block.level, 4))
        elif block.kind == "paragraph":
            document.add_paragraph(block.text)
        elif block.kind == "quote":
            document.add_paragraph(block.text, style="Intense Quote")
        elif block.kind == "bullets":
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif block.kind == "chart" and block.chart is not None:
            document.add_picture(io.BytesIO(proportion_chart_png(block.chart)), width=Mm(150))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.LEFT
            _describe_picture(document, block.chart.description)
        elif block.kind == "change_chart" and block.change_chart is not None:
            document.add_picture(io.BytesIO(change_chart_png(block.change_chart)), width=Mm(150))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.LEFT
            _describe_picture(document, block.change_chart.description)
        elif block.kind == "table" and block.table is not None:
            table = block.table
            document.add_paragraph(table.caption, style="Caption")
            grid = document.add_table(rows=1, cols=len(table.header))
            grid.style = "Light Grid Accent 1"
            for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
                cell.text = text
            for row in table.rows:
                cells = grid.add_row().cells
                for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                    cell.text = text
                    if index >= table.numeric_from:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _mark_header_row(grid)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _mark_header_row(grid: Any) -> None:
    """Repeat the first row as a header (Word's accessibility checker asks for it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = grid.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _describe_picture(document: Any, description: str) -> None:
    """Give the picture just added its alternative text (Word's "Alt Text")."""
    picture = document.inline_shapes[-1]
    picture._inline.docPr.set("descr", description)

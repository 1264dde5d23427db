"""The annual report and its young people's version as ``core.documents.Report``s (page, PDF
and Word through the shared document machinery), built only from a report's frozen snapshot:
what the public reads is what was approved and published, and no figure is read again."""

from __future__ import annotations

from typing import Any

from assurance.annualreport.reports.selectors import ShownSection, sections_of_snapshot
from assurance.core.charts import Share, proportion_chart
from assurance.core.documents import Report, Table

# The sections whose tables are counts of children and families: the young people's version
# draws them as bars, each with its figures in words beside it.
CHARTED = {"voice"}


def full_report(snapshot: dict[str, Any]) -> Report:
    report = Report(
        title=f"Annual report {snapshot['year_label']}",
        subtitle=f"The {snapshot['partnership']}'s report on its work from April to March",
        organisation=snapshot["partnership"],
    )
    for shown in sections_of_snapshot(snapshot):
        _full_section(report, shown)
    return report


def _full_section(report: Report, shown: ShownSection) -> None:
    section = shown.section
    report.heading(section.title)
    for paragraph in _paragraphs(shown.narrative):
        report.paragraph(paragraph)
    if section.figures:
        report.table(
            Table(
                caption=f"{section.title}: the figures",
                header=["Measure", "Figure"],
                rows=[[f.label, f.value] for f in section.figures],
            )
        )
    for table in section.tables:
        rows = [[cell.text for cell in row] for row in table.rows]
        report.table(
            Table(
                caption=table.caption,
                header=table.header,
                rows=rows,
                numeric_from=numeric_from(rows, len(table.header)),
            ),
            empty=f"{table.caption}: none.",
        )
    for note in section.notes:
        report.paragraph(note)


# The column of a table of counts that the young people's version draws as a chart
COUNTED = "Pieces of feedback"


def young_peoples_report(snapshot: dict[str, Any]) -> Report:
    report = Report(
        title=f"Keeping children safe: our year {snapshot['year_label']}",
        subtitle="The young people's version of our annual report",
        organisation=snapshot["partnership"],
    )
    for shown in sections_of_snapshot(snapshot):
        if not shown.young_people:
            continue
        report.heading(shown.section.title)
        for paragraph in _paragraphs(shown.young_people):
            report.paragraph(paragraph)
        if shown.section.key in CHARTED:
            for table in shown.section.tables:
                if table.header[1:] == [COUNTED]:  # counts only: not the quotes or answers
                    counts = [(r[0].text, int(r[1].text)) for r in table.rows]
                    _chart(report, table.caption, counts)
    return report


def _chart(report: Report, caption: str, counts: list[tuple[str, int]]) -> None:
    total = sum(n for _, n in counts)
    if not total:
        return
    words = [f"{label}: {n} of {total}" for label, n in counts]
    report.chart(
        proportion_chart(
            [Share(label, n / total) for label, n in counts],
            description=f"{caption}. " + "; ".join(words) + ".",
        ),
        figures=[f"{n} of {total}" for _, n in counts],
    )
    report.bullets(words)


def _is_figure(text: str) -> bool:
    try:
        float(text.replace(",", "").removeprefix("£").removesuffix("%"))
    except ValueError:
        return False
    return True


def numeric_from(rows: list[list[str]], columns: int) -> int:
    """The first column from which every column holds figures (right-aligned, as GOV.UK
    tables align numbers); ``columns`` when the last column holds words."""
    start = columns
    for index in range(columns - 1, 0, -1):
        if rows and all(_is_figure(row[index]) for row in rows):
            start = index
        else:
            break
    return start


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]

"""A public practice review or audit summary as a ``core.documents.Report`` (page and PDF),
built only from what was frozen when it was made public."""

from __future__ import annotations

from datetime import date
from typing import Any

from assurance.core.documents import Report, Table


def public_document(content: dict[str, Any], *, partnership: str) -> Report:
    report = Report(title=content["title"], subtitle=content["kind"], organisation=partnership)
    if content.get("published_on"):
        published = date.fromisoformat(content["published_on"])
        report.paragraph(
            f"The safeguarding partners published this review on {published:%-d %B %Y}."
        )
    if content.get("year_label"):
        report.paragraph(f"A multi-agency case file audit of {content['year_label']}.")
    for paragraph in [p.strip() for p in content.get("summary", "").split("\n\n") if p.strip()]:
        report.paragraph(paragraph)
    if content.get("findings"):
        report.table(
            Table(
                caption="What the audit found",
                header=["Finding", "About", "What we found"],
                rows=[list(row) for row in content["findings"]],
            )
        )
    if content.get("link"):
        report.paragraph(f"The full report of the review: {content['link']}")
    return report

"""The round's report for the executive and the education group, as one
``core.documents.Report`` (page, PDF and Word): who took part and who has submitted; how each
standard is met, with its 95% interval and the change since the last round; the heat map's
table; where a challenge panel agreed a rating different from the self-rating, and why; what
staff say beside the self-ratings (only where at least five answered); and the organisations to
look at."""

from __future__ import annotations

from collections.abc import Sequence

from assurance.core.charts import Share, proportion_chart
from assurance.core.documents import Report, Table
from assurance.core.stats import percent
from assurance.selfassessment.challenges.selectors import AgreedRow
from assurance.selfassessment.rounds.models import ParticipantStatus, Round
from assurance.selfassessment.standards.selectors import (
    GroupRow,
    OrganisationRatings,
    RoundStandards,
)
from assurance.selfassessment.surveys.rules import MIN_GROUP
from assurance.selfassessment.surveys.selectors import OrganisationStaffResult

# Tables longer than this are left out of the PDF (WeasyPrint lays out every cell: ADR 011);
# the page and the Word document give them in full, and the PDF says so.
PDF_ROWS = 150


def _plural(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _long_table(report: Report, table: Table, *, empty: str) -> None:
    if len(table.rows) > PDF_ROWS:
        report.paragraph(
            f"{table.caption}: {len(table.rows)} rows, given in full on the report's page and "
            "in its Word document.",
            only_pdf=True,
        )
        report.table(table, in_pdf=False)
    else:
        report.table(table, empty=empty)


def round_report(
    *,
    round: Round,
    partnership_name: str,
    counts: dict[str, int],
    figures: RoundStandards,
    grouping: str,
    groups: Sequence[GroupRow],
    organisations: Sequence[OrganisationRatings],
    staff: Sequence[OrganisationStaffResult],
    agreed: Sequence[AgreedRow] = (),
) -> Report:
    report = Report(
        title=f"{round.framework.name} {round.year_label}",
        subtitle="The round's report",
        organisation=partnership_name,
    )
    _completion(report, round, counts)
    _standards(report, figures)
    _heat_map_table(report, figures, grouping, groups, organisations)
    _agreed(report, agreed)
    flags = _staff(report, staff)
    _to_look_at(report, organisations, flags)
    return report


def _completion(report: Report, round: Round, counts: dict[str, int]) -> None:
    report.heading("Who took part")
    total, submitted = counts["total"], counts[ParticipantStatus.SUBMITTED]
    share = percent(submitted / total) if total else "–"
    deadline = f"{round.deadline:%-d %B %Y}"
    text = (
        f"{_plural(total, 'organisation')} took part; {submitted} submitted their return "
        f"({share}). The deadline {'was' if round.is_past_deadline else 'is'} {deadline}"
    )
    text += f": {_plural(counts['overdue'], 'is', 'are')} overdue." if counts["overdue"] else "."
    report.paragraph(text)
    report.table(
        Table(
            caption="Returns by status",
            header=["Status", "Organisations"],
            rows=[[s.label, str(counts[s.value])] for s in ParticipantStatus]
            + [["Overdue", str(counts["overdue"])]],
        )
    )


def _standards(report: Report, figures: RoundStandards) -> None:
    report.heading("How each standard is met")
    meets = figures.labels[0] if figures.labels else "a rating that meets it"
    report.paragraph(
        f"From the {_plural(figures.returns, 'submitted return')}: the share rating each "
        f"standard {meets}, with its 95% interval (Wilson score), the range the true share is "
        "likely to be in. "
        + (
            f"The change is since the {figures.previous} round; “could be chance” means "
            "Fisher's exact test cannot tell the two rounds apart."
            if figures.previous
            else "There is no earlier round of this tool to compare with."
        )
    )
    if not figures.returns:
        report.paragraph("No return has been submitted yet.")
        return
    report.chart(
        proportion_chart(
            [Share(s.code, s.proportion, s.ci_low, s.ci_high) for s in figures.standards],
            description="The share of returns meeting each standard, with its 95% interval.",
        ),
        figures=[f"{percent(s.proportion)} ({s.met} of {s.n})" for s in figures.standards],
    )
    header = ["Standard", "Meet it", "95% interval"]
    if figures.previous:
        header += [figures.previous.year_label, "Change"]
    rows = []
    for s in figures.standards:
        row = [f"{s.code} {s.title}", s.proportion_text, s.interval_text]
        if figures.previous:
            before = s.previous_proportion
            row += [
                "–"
                if before is None
                else f"{percent(before)} ({s.previous_met} of {s.previous_n})",
                s.change_text,
            ]
        rows.append(row)
    report.table(Table(caption="Each standard", header=header, rows=rows))


def _heat_map_table(
    report: Report,
    figures: RoundStandards,
    grouping: str,
    groups: Sequence[GroupRow],
    organisations: Sequence[OrganisationRatings],
) -> None:
    report.heading("The heat map's table")
    if groups:
        report.paragraph(
            f"The share of submitted returns meeting each standard, by {grouping.lower()} "
            "(the number of returns in each group under its name)."
        )
        header = ["Standard", *(f"{g.label} ({g.returns})" for g in groups)]
        rows = [
            [f"{s.code}"]
            + [
                f"{percent(g.figures[i].proportion)} ({g.figures[i].met} of {g.figures[i].n})"
                if g.figures[i].n
                else "–"
                for g in groups
            ]
            for i, s in enumerate(figures.standards)
        ]
        report.table(Table(caption=f"By {grouping.lower()}", header=header, rows=rows))
        return
    report.paragraph("How many standards each organisation gave each rating in its return.")
    table = Table(
        caption="Each organisation's ratings",
        header=["Organisation", *figures.labels],
        rows=[
            [o.name, *(str(o.counts.get(label, 0)) for label in figures.labels)]
            for o in organisations
        ],
    )
    _long_table(report, table, empty="No return has been submitted yet.")


def _agreed(report: Report, agreed: Sequence[AgreedRow]) -> None:
    report.heading("Where the challenge panel agreed a different rating")
    if not agreed:
        report.paragraph(
            "No challenge panel has agreed a rating different from an organisation's own."
        )
        return
    organisations = len({row.organisation for row in agreed})
    text = (
        f"The panel agreed a different rating for {_plural(len(agreed), 'standard')} in the "
        f"returns of {_plural(organisations, 'organisation')}: the self-rating it read, the "
        "rating it agreed and its reason."
    )
    if any(row.earlier for row in agreed):
        text += (
            " Where a return was unlocked and submitted again after its challenge, the rating "
            "is marked as about the earlier submission: the panel has not judged the new answers."
        )
    report.paragraph(text)
    table = Table(
        caption="Agreed ratings",
        header=["Organisation", "Standard", "Self-rating", "Agreed rating", "The panel's reason"],
        numeric_from=5,
        rows=[
            [
                row.organisation,
                f"{row.code} {row.title}",
                row.self_rating,
                row.agreed + (" (about the earlier submission)" if row.earlier else ""),
                row.reason,
            ]
            for row in agreed
        ],
    )
    _long_table(report, table, empty="")


def _staff(report: Report, staff: Sequence[OrganisationStaffResult]) -> dict[int, list[str]]:
    """The section on what staff say; returns each organisation's flagged standards."""
    report.heading("What staff say beside the self-ratings")
    if not staff:
        report.paragraph("No practitioners' survey was run in this round.")
        return {}
    shown = [r for r in staff if r.shown]
    hidden = len(staff) - len(shown)
    text = (
        f"{_plural(len(shown), 'organisation')} had at least {MIN_GROUP} staff answer its "
        "practitioners' survey. A standard is flagged where what staff say and the "
        "organisation's self-rating in its submitted return disagree."
    )
    if hidden:
        text += (
            f" {_plural(hidden, 'organisation')} had fewer than {MIN_GROUP} answers: no result "
            "is shown for them, so that no one's answer can be picked out."
        )
    report.paragraph(text)
    report.table(
        Table(
            caption="Practitioners' surveys with results",
            header=["Organisation", "Answers", "Where staff and the self-rating disagree"],
            rows=[
                [
                    r.participant.name,
                    str(r.responses),
                    "; ".join(f"{code} {flag.lower()}" for code, flag in r.flags) or "None",
                ]
                for r in shown
            ],
            numeric_from=1,
        ),
        empty=f"No organisation's survey has reached {MIN_GROUP} answers yet.",
    )
    return {r.participant.pk: [code for code, _ in r.flags] for r in shown if r.flags}


def _to_look_at(
    report: Report, organisations: Sequence[OrganisationRatings], flags: dict[int, list[str]]
) -> None:
    report.heading("Organisations to look at")
    report.paragraph(
        "Those whose return rates a standard on the scale's lowest rating, or whose staff "
        "disagree with their self-rating."
    )
    names = {o.participant_id: o for o in organisations}
    chosen = sorted(
        {o.participant_id for o in organisations if o.lowest} | set(flags),
        key=lambda pk: (names[pk].name.lower() if pk in names else "", pk),
    )
    rows = []
    for pk in chosen:
        o = names.get(pk)
        rows.append(
            [
                o.name if o else "",
                ", ".join(o.lowest) if o and o.lowest else "None",
                ", ".join(flags.get(pk, [])) or "None",
            ]
        )
    table = Table(
        caption="Organisations to look at",
        header=["Organisation", "Standards rated lowest", "Staff disagree on"],
        rows=rows,
        numeric_from=3,
    )
    _long_table(report, table, empty="None: no standard is rated lowest and no staff disagree.")

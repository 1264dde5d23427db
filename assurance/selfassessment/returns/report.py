"""The return as a document (page, PDF, Word): the organisation, the round, its state and
sign-off, then each section's standards with the self-rating, the narrative and the evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from assurance.audits.progress import SectionProgress
from assurance.core.documents import Report, Table
from assurance.selfassessment.returns.models import ReturnEvidence, SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Participant


def _when(moment: Any) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y}"


def return_report(
    *,
    participant: Participant,
    sa_return: SelfAssessmentReturn | None,
    pages: Sequence[SectionProgress],
    evidence: dict[int, list[ReturnEvidence]],
) -> Report:
    round = participant.round
    report = Report(
        title=f"{participant.name}: {round.framework.name}",
        subtitle=f"Self-assessment {round.year_label}",
        organisation=participant.partnership.name,
    )
    if sa_return is not None and sa_return.is_locked and sa_return.submitted_at is not None:
        signer = sa_return.signed_off_name or "the head"
        report.paragraph(
            f"Signed off by {signer} and submitted on {_when(sa_return.submitted_at)}."
        )
    elif sa_return is not None:
        report.paragraph(
            f"In progress: not yet signed off. The deadline is {round.deadline:%-d %B %Y}."
        )
    else:
        report.paragraph(f"Not started. The deadline is {round.deadline:%-d %B %Y}.")
    for page in pages:
        report.heading(page.title)
        rows = []
        for question in page.questions:
            answer = question.answer
            rating = ""
            if answer is not None and answer.option_id is not None:
                rating = answer.option.label
            files = "; ".join(
                e.description + (f" ({e.link})" if e.link else f" (file {e.file_name})")
                for e in evidence.get(question.item.pk, [])
            )
            rows.append(
                [
                    f"{question.item.code} {question.item.text}",
                    rating or "Not rated",
                    (answer.evidence if answer is not None else "") or "Not given",
                    files or "None",
                ]
            )
        report.table(
            Table(
                caption=f"{page.title}: the self-ratings",
                header=["Standard", "Self-rating", "Narrative", "Evidence"],
                rows=rows,
                numeric_from=4,
            )
        )
    return report

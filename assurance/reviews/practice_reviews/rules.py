"""What makes a practice review's record consistent (pure; table-tested)."""

from __future__ import annotations

from datetime import date

from assurance.reviews.practice_reviews.models import MILESTONES


def practice_review_problems(
    *, decided_on: date, today: date, fields: dict[str, object]
) -> dict[str, str]:
    problems: dict[str, str] = {}
    decided = f"{decided_on:%-d %B %Y}"
    for key, label in MILESTONES:
        done = fields.get(f"{key}_on")
        if isinstance(done, date) and done > today:
            problems[f"{key}_on"] = f"{label}: enter the date it happened, not a future one."
        for suffix in ("_due", "_on"):
            when = fields.get(key + suffix)
            if isinstance(when, date) and when < decided_on:
                problems.setdefault(
                    key + suffix,
                    f"{label}: before the decision to undertake the review ({decided}).",
                )
    for field, what in (
        ("report_sent_on", "The report was sent"),
        ("published_on", "The report was published"),
    ):
        when = fields.get(field)
        if isinstance(when, date) and when > today:
            problems[field] = f"{what} on a date in the future: enter the date it happened."
        elif isinstance(when, date) and when < decided_on:
            problems[field] = f"{what} before the decision to undertake the review ({decided})."
    publication = fields.get("publication") or ""
    reasons = str(fields.get("publication_reasons") or "").strip()
    published = fields.get("published_on")
    if publication in ("delay", "not_publish") and not reasons:
        problems["publication_reasons"] = (
            "Enter the reasons for not publishing or for delaying: they are recorded."
        )
    if published and publication != "publish":
        problems["publication"] = "A published report: select “Publish the report”."
    if published and not fields.get("publication_link"):
        problems["publication_link"] = "Enter the link to the published report."
    if published and not fields.get("report_sent_on"):
        problems["report_sent_on"] = (
            "Enter when the final report went to the Panel and the Department for Education: "
            "they receive it before publication."
        )
    sent = fields.get("report_sent_on")
    if isinstance(published, date) and isinstance(sent, date) and sent > published:
        problems.setdefault(
            "report_sent_on", "The Panel and the Department receive the report before publication."
        )
    notice = fields.get("notice_working_days")
    if isinstance(notice, int) and not 0 <= notice <= 60:
        problems["notice_working_days"] = "Enter a notice of 0 to 60 working days."
    return problems

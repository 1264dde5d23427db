"""The annual summary's figures for one business year (April to March), from each review's
facts (pure; table-tested): notifications and how many reached the Panel within 5 working days,
rapid reviews sent and how many within 15, the safeguarding partners' decisions, practice
reviews published and how many within six months of the decision. Anonymised: counts only."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from assurance.core.business_year import business_year_of


@dataclass(frozen=True)
class Facts:
    became_aware_on: date
    incident_type: str
    age_band: str
    notification_due: date
    notified_on: date | None
    rapid_review_due: date
    rapid_review_sent_on: date | None
    decision: str
    decided_on: date | None
    publication_due: date | None
    published_on: date | None


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    notifications: int
    notified: int
    notified_in_time: int
    rapid_reviews_sent: int
    rapid_reviews_in_time: int
    decisions: dict[str, int]  # decisions taken in the year, by outcome
    published: int  # practice reviews published in the year
    published_in_time: int
    by_type: dict[str, int]
    by_age: dict[str, int]
    information_asked: int = 0  # agencies asked for their information in the year
    information_in_time: int = 0  # of those, answered by the date it was due


def information_in_time(
    requests: list[tuple[date, date, date | None]], year: int
) -> tuple[int, int]:
    """Of the agencies asked for their information in the year (each request's date sent, due
    date and date submitted), how many answered by its due date; (in time, asked)."""
    asked = [(due, done) for sent, due, done in requests if _in(sent, year)]
    return sum(done is not None and done <= due for due, done in asked), len(asked)


def _in(day: date | None, year: int) -> bool:
    return day is not None and business_year_of(day) == year


def annual_figures(facts: list[Facts], year: int) -> AnnualFigures:
    """Notifications and rapid reviews count in the year the local authority became aware;
    decisions in the year they were taken; publications in the year they were published."""
    aware = [f for f in facts if _in(f.became_aware_on, year)]
    notified = [f for f in aware if f.notified_on is not None]
    sent = [f for f in aware if f.rapid_review_sent_on is not None]
    published = [f for f in facts if _in(f.published_on, year)]
    return AnnualFigures(
        year=year,
        notifications=len(aware),
        notified=len(notified),
        notified_in_time=sum(f.notified_on <= f.notification_due for f in notified),  # type: ignore[operator]
        rapid_reviews_sent=len(sent),
        rapid_reviews_in_time=sum(
            f.rapid_review_sent_on <= f.rapid_review_due  # type: ignore[operator]
            for f in sent
        ),
        decisions=dict(
            Counter(f.decision for f in facts if f.decision and _in(f.decided_on, year))
        ),
        published=len(published),
        published_in_time=sum(
            f.publication_due is not None and f.published_on <= f.publication_due  # type: ignore[operator]
            for f in published
        ),
        by_type=dict(Counter(f.incident_type for f in aware)),
        by_age=dict(Counter(f.age_band for f in aware)),
    )


def share(part: int, whole: int) -> str:
    """ "3 of 4 (75%)", or "none" when there is nothing to count."""
    if whole == 0:
        return "none"
    return f"{part} of {whole} ({round(100 * part / whole)}%)"

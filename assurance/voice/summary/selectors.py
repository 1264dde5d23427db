"""Reads of a period's feedback summary, scoped to the actor: the counts by source, age band
and theme, the quotes the business unit chose, and the “you said, we did” answers given. Every
figure is read through ``feedback.selectors.reportable``: a possible disclosure is never
counted or quoted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count as Counted
from django.db.models import QuerySet
from django.urls import reverse

from assurance.core.business_year import business_year_bounds
from assurance.core.registry import StandingItem
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Group
from assurance.voice.feedback.models import AgeBand, Feedback, FeedbackSource
from assurance.voice.feedback.selectors import reportable
from assurance.voice.summary.figures import Count, Figures, by_count, tally
from assurance.voice.summary.models import AgendaGroup
from assurance.voice.summary.periods import quarter_of
from assurance.voice.themes.models import FeedbackTheme
from assurance.voice.themes.selectors import quotes

# The form's words for a child ("I am a parent or carer") read oddly in a table of figures.
AGE_BANDS = [
    (value, {"parent_carer": "Parents and carers", "not_said": "Age not given"}.get(value, label))
    for value, label in AgeBand.choices
]
WHO = {"parent_carer": "a parent or carer", "not_said": "age not given"}


def feedback_between(*, actor: Actor, start: date, end: date) -> QuerySet[Feedback]:
    """The reportable feedback received between two days (inclusive)."""
    return reportable(actor=actor).filter(received_on__range=(start, end))


def _by_source_and_age(feedback: QuerySet[Feedback]) -> tuple[dict[str, int], dict[str, int]]:
    """The feedback counted by source and by age band, from one query grouped by both."""
    by_source: dict[str, int] = {}
    by_age: dict[str, int] = {}
    for source, age_band, n in (
        feedback.order_by().values_list("source", "age_band").annotate(n=Counted("pk"))
    ):
        by_source[str(source)] = by_source.get(str(source), 0) + int(n)
        by_age[str(age_band)] = by_age.get(str(age_band), 0) + int(n)
    return by_source, by_age


def figures_between(*, actor: Actor, start: date, end: date) -> Figures:
    """The period's counts by source, age band and theme: four queries (source and age band
    grouped together in one; the total is their sum)."""
    feedback = feedback_between(actor=actor, start=start, end=end)
    pieces = feedback.values("pk")
    tags = (
        FeedbackTheme.unscoped.filter(feedback__in=pieces)
        .order_by()
        .values("theme")
        .annotate(n=Counted("feedback", distinct=True))
    )
    tagged = {row["theme"]: int(row["n"]) for row in tags}
    themes = LearningTheme.objects_for(actor.partnership).order_by("title")
    by_source, by_age = _by_source_and_age(feedback)
    return Figures(
        total=sum(by_source.values()),
        by_source=tally(by_source, FeedbackSource.choices),
        by_age_band=tally(by_age, AGE_BANDS),
        by_theme=by_count(Count(str(t.pk), t.title, tagged.get(t.pk, 0)) for t in themes),
        untagged=feedback.filter(theme_tags=None).count(),
    )


def year_figures(*, actor: Actor, year: int) -> Figures:
    """The business year's counts (``2025``: April 2025 to March 2026) by source, age band and
    theme. For the annual report: see docs/voice.md."""
    start, end = business_year_bounds(year)
    return figures_between(actor=actor, start=start, end=end)


@dataclass(frozen=True)
class Quote:
    text: str
    who: str  # "aged 13 to 15", "a parent or carer": never a name
    source: str
    received_on: date


def quotes_between(*, actor: Actor, start: date, end: date) -> list[Quote]:
    """The words the business unit chose to quote, of feedback received in the period."""
    chosen = quotes(feedback=feedback_between(actor=actor, start=start, end=end))
    return [
        Quote(
            text=quote.text,
            who=WHO.get(quote.feedback.age_band, f"aged {quote.feedback.get_age_band_display()}"),
            source=quote.feedback.get_source_display(),
            received_on=quote.feedback.received_on,
        )
        for quote in chosen
    ]


# --- the standing agenda item -------------------------------------------------------------------

STANDING_TITLE = "The voice of children and families"


def agenda_groups(*, actor: Actor) -> QuerySet[Group]:
    """The groups whose every meeting has voice on its agenda."""
    return Group.objects_for(actor.partnership).filter(voice_agenda__isnull=False)


def standing_items(meeting: Any) -> list[StandingItem]:
    """Voice on the agenda of a meeting of a group the business unit chose, its paper the
    summary of the last quarter ended before the meeting (registered in ``core.registry``)."""
    partnership = meeting.partnership
    if not AgendaGroup.objects_for(partnership).filter(group_id=meeting.group_id).exists():
        return []
    quarter = quarter_of(meeting.held_on).previous()
    href = reverse("voice:summary", args=[partnership.slug]) + f"?period={quarter.key}"
    return [
        StandingItem(
            title=STANDING_TITLE,
            paper_title=f"What children and families told us: {quarter.label}",
            paper_href=href,
            permission="voice.view",
        )
    ]

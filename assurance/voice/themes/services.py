"""Writes of feedback's themes and chosen quotes (the business unit's). A possible disclosure
is never tagged or quoted: it is read only in the duty inbox."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.core.history import delete_as, save_as
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import Actor
from assurance.voice.feedback.models import Feedback
from assurance.voice.themes.models import ChosenQuote, FeedbackTheme, QuotePart


def _check(actor: Actor, feedback: Feedback, themes: Iterable[LearningTheme] = ()) -> None:
    actor.require("voice.manage")
    if feedback.partnership_id != actor.partnership.pk or feedback.flagged:
        # A possible disclosure stays in the duty inbox, whatever a crafted request asks.
        raise ValidationError(f"Feedback {feedback.reference} cannot be tagged or quoted.")
    for theme in themes:
        if theme.partnership_id != actor.partnership.pk:
            raise ValidationError({"themes": "Choose themes of this partnership."})


@transaction.atomic
def feedback_themes_set(
    *, actor: Actor, feedback: Feedback, themes: Iterable[LearningTheme]
) -> Feedback:
    """Make ``themes`` the feedback's themes: those added are tagged, those left out untagged,
    each change in the history with who made it."""
    chosen = {theme.pk: theme for theme in themes}
    _check(actor, feedback, chosen.values())
    current = {tag.theme_id: tag for tag in FeedbackTheme.unscoped.filter(feedback=feedback)}
    for pk, tag in current.items():
        if pk not in chosen:
            delete_as(tag, actor)
    for pk, theme in chosen.items():
        if pk not in current:
            save_as(
                FeedbackTheme(
                    partnership=actor.partnership,
                    feedback=feedback,
                    theme=theme,
                    tagged_by=actor.person,
                ),
                actor,
            )
    return feedback


@transaction.atomic
def feedback_tag_many(*, actor: Actor, feedback: Iterable[Feedback], theme: LearningTheme) -> int:
    """Tag every piece of ``feedback`` with ``theme`` (those already tagged with it are left as
    they are). All or nothing: one piece that cannot be tagged stops the lot. Returns how many
    were newly tagged."""
    pieces = list(feedback)
    if not pieces:
        raise ValidationError({"feedback": "Choose at least one piece of feedback to tag"})
    for piece in pieces:
        _check(actor, piece, [theme])
    already = set(
        FeedbackTheme.unscoped.filter(feedback__in=pieces, theme=theme).values_list(
            "feedback_id", flat=True
        )
    )
    added = 0
    for piece in pieces:
        if piece.pk in already:
            continue
        save_as(
            FeedbackTheme(
                partnership=actor.partnership,
                feedback=piece,
                theme=theme,
                tagged_by=actor.person,
            ),
            actor,
        )
        added += 1
    return added


@transaction.atomic
def quote_choose(*, actor: Actor, feedback: Feedback, part: str) -> Feedback:
    """Choose the feedback's words (what was good, or what could be better) as a quote for its
    quarter's summary; ``part`` empty: not quoted."""
    _check(actor, feedback)
    existing = ChosenQuote.unscoped.filter(feedback=feedback).first()
    if not part:
        if existing:
            delete_as(existing, actor)
        return feedback
    if part not in QuotePart.values:
        raise ValidationError({"part": "Choose which words to quote"})
    if not str(getattr(feedback, part)).strip():
        label = QuotePart(part).label
        raise ValidationError({"part": f"{label} is empty in this feedback: choose other words"})
    quote = existing or ChosenQuote(partnership=actor.partnership, feedback=feedback)
    quote.part, quote.chosen_by = part, actor.person
    save_as(quote, actor)
    return feedback

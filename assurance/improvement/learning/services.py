"""Writes of learning: learning items and their documents, themes, and the recommendations the
Assurance and Review Group makes from them. Every write checks the actor's permission and
records history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    LearningSource,
    LearningTheme,
    Recommendation,
)
from assurance.improvement.learning.rules import document_problem
from assurance.partnerships.access import Actor, require_same_partnership

# --- learning -----------------------------------------------------------------------------------


def learning_item_create(
    *,
    actor: Actor,
    title: str,
    what_was_learned: str,
    source: str,
    learned_on: date,
    source_reference: str = "",
    audit: Any = None,
    standard: Any = None,
    indicator: Any = None,
    themes: Iterable[LearningTheme] = (),
) -> LearningItem:
    actor.require("learning.manage")
    require_same_partnership(actor, audit, *themes)
    if standard is not None and (
        audit is None or audit.framework_id != standard.section.framework_id
    ):
        raise ValidationError({"standard": "Select a standard of the audit's tool."})
    with transaction.atomic():
        item = LearningItem(
            partnership=actor.partnership,
            title=title,
            what_was_learned=what_was_learned,
            source=source,
            source_reference=source_reference,
            learned_on=learned_on,
            audit=audit,
            standard=standard,
            indicator=indicator,
            recorded_by=actor.person,
        )
        save_as(item, actor)
        item.themes.set(list(themes))
    return item


def learning_document_attach(
    *, actor: Actor, item: LearningItem, title: str, upload: UploadedFile
) -> LearningDocument:
    actor.require("learning.manage")
    require_same_partnership(actor, item)
    head = upload.read(64)
    upload.seek(0)
    problem = document_problem(upload.name or "", upload.size or 0, head)
    if problem:
        raise ValidationError({"upload": problem})
    document = LearningDocument(
        partnership=actor.partnership,
        item=item,
        title=title,
        file=upload,
        size=upload.size or 0,
        uploaded_by=actor.person,
    )
    with transaction.atomic():
        save_as(document, actor)
    return document


RECOMMENDATION_SOURCE = {
    LearningSource.AUDIT: Recommendation.Source.AUDIT,
    LearningSource.DATASET: Recommendation.Source.DATASET,
    LearningSource.REVIEW: Recommendation.Source.REVIEW,
    LearningSource.INSPECTION: Recommendation.Source.INSPECTION,
    LearningSource.SINGLE_AGENCY: Recommendation.Source.SELF_ASSESSMENT,
    LearningSource.FEEDBACK: Recommendation.Source.FEEDBACK,
    LearningSource.NATIONAL_REVIEW: Recommendation.Source.NATIONAL,
    LearningSource.REGIONAL: Recommendation.Source.NATIONAL,
    LearningSource.LEGISLATION: Recommendation.Source.NATIONAL,
}


def recommendation_source(items: Iterable[LearningItem]) -> str:
    """The recommendation's source: its learning's single source, or 'other' if several."""
    sources = {RECOMMENDATION_SOURCE[LearningSource(i.source)] for i in items}
    return sources.pop() if len(sources) == 1 else Recommendation.Source.OTHER


def learning_recommendation_create(
    *,
    actor: Actor,
    title: str,
    text: str,
    learning_items: Iterable[LearningItem] = (),
    themes: Iterable[LearningTheme] = (),
    made_on: date | None = None,
) -> Recommendation:
    """A recommendation of the Assurance and Review Group to the executive, linked to the
    learning and themes it rests on; it awaits the executive's decision.

    ``made_on``: when the group made it, if earlier than today (recorded after its meeting);
    the agenda and the highlight report of an executive meeting count it from that date."""
    actor.require("learning.manage")
    items, theme_list = list(learning_items), list(themes)
    require_same_partnership(actor, *items, *theme_list)
    if not items and not theme_list:
        raise ValidationError(
            {"learning_items": "Select the learning or the theme the recommendation rests on."}
        )
    for theme in theme_list:
        items += [i for i in theme.items.all() if i not in items]
    today = timezone.localdate()
    if made_on is not None and made_on > today:
        raise ValidationError(
            {"made_on": "The date the recommendation was made must be in the past"}
        )
    audits = {i.audit_id for i in items if i.audit_id}
    with transaction.atomic():
        recommendation = Recommendation(
            partnership=actor.partnership,
            title=title,
            text=text,
            source=recommendation_source(items),
            audit_id=audits.pop() if len(audits) == 1 else None,
        )
        save_as(recommendation, actor)
        if made_on is not None and made_on < today:
            # created_at is set on the first save; the history keeps when it was entered.
            moment = timezone.make_aware(datetime.combine(made_on, time(12)))
            Recommendation.unscoped.filter(pk=recommendation.pk).update(created_at=moment)
            recommendation.created_at = moment
        recommendation.learning_items.set(items)  # type: ignore[attr-defined]
        recommendation.themes.set(theme_list)  # type: ignore[attr-defined]
    return recommendation


def recommendation_create(
    *, actor: Actor, title: str, text: str, source: str, audit: Any = None
) -> Recommendation:
    actor.require("action.manage")
    recommendation = Recommendation(
        partnership=actor.partnership, title=title, text=text, source=source, audit=audit
    )
    return save_as(recommendation, actor)

"""The authorisation matrix rows of learning items, themes and recommendations.

Records from the demo's year in Northfield: the rapid review's learning (with its document),
the drift theme and its recommendation."""

from assurance.core.tests.matrix import BU, PRACTITIONERS, expect
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    LearningTheme,
    Recommendation,
)

N = "northfield"
DRIFT = "Train managers to recognise and review drift in neglect cases"

LOOKUPS = {
    "learning_item": lambda: (
        LearningItem.unscoped.get(
            partnership__slug=N, title="Health visiting did not know of police call-outs"
        ).pk
    ),
    "learning_document": lambda: (
        LearningDocument.unscoped.filter(partnership__slug=N).order_by("pk").first().pk
    ),
    "theme": lambda: (
        LearningTheme.unscoped.get(partnership__slug=N, title="Drift in neglect cases").pk
    ),
    "recommendation": lambda: Recommendation.unscoped.get(partnership__slug=N, title=DRIFT).pk,
}


def _row(allow, key=None):  # type: ignore[no-untyped-def]
    return expect(allow=allow, kwargs={"pk": key} if key else None)


EXPECTED = {
    "improvement:learning_list": _row(PRACTITIONERS),
    "improvement:learning_create": _row(BU),
    "improvement:learning_detail": _row(PRACTITIONERS, "learning_item"),
    "improvement:learning_update": _row(BU, "learning_item"),
    "improvement:learning_history": _row(PRACTITIONERS, "learning_item"),
    "improvement:learning_document_add": _row(BU, "learning_item"),
    "improvement:learning_document": _row(PRACTITIONERS, "learning_document"),
    "improvement:theme_list": _row(PRACTITIONERS),
    "improvement:theme_create": _row(BU),
    "improvement:theme_detail": _row(PRACTITIONERS, "theme"),
    "improvement:theme_update": _row(BU, "theme"),
    "improvement:theme_history": _row(PRACTITIONERS, "theme"),
    "improvement:recommendation_list": _row(PRACTITIONERS),
    "improvement:recommendation_create": _row(BU),
    "improvement:recommendation_detail": _row(PRACTITIONERS, "recommendation"),
    "improvement:recommendation_history": _row(PRACTITIONERS, "recommendation"),
}

"""The authorisation matrix rows of the learning cycle (merged into ``authorisation.py``).

Records from the demo's year in Northfield: the rapid review's learning (with its document),
the drift theme and recommendation, the quorate executive meeting that decided it, the open
challenge to the council and the answered challenge to the ICB."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, PRACTITIONERS, SCRUTINEER, expect
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    LearningTheme,
    Recommendation,
)
from assurance.improvement.meetings.models import Decision, Meeting
from assurance.improvement.scrutiny.models import Challenge

N = "northfield"

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
    "recommendation": lambda: (
        Recommendation.unscoped.get(
            partnership__slug=N,
            title="Train managers to recognise and review drift in neglect cases",
        ).pk
    ),
    "executive_meeting": lambda: (
        Decision.unscoped.get(
            partnership__slug=N,
            recommendation__title="Train managers to recognise and review drift in neglect cases",
        ).meeting_id
    ),
    "decision": lambda: (
        Decision.unscoped.get(
            partnership__slug=N,
            recommendation__title="Train managers to recognise and review drift in neglect cases",
        ).pk
    ),
    "open_challenge": lambda: (
        Challenge.unscoped.get(
            partnership__slug=N, subject="Evidence that supervision now challenges drift"
        ).pk
    ),
    "answered_challenge": lambda: (
        Challenge.unscoped.get(
            partnership__slug=N, subject="Health visiting access to police call-outs"
        ).pk
    ),
    "any_meeting": lambda: Meeting.unscoped.filter(partnership__slug=N).order_by("pk").first().pk,
}

CHALLENGE_READERS = BU | SCRUTINEER | MEMBER | LEADS


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
    "improvement:meeting_list": _row(PRACTITIONERS),
    "improvement:meeting_create": _row(BU),
    "improvement:meeting_detail": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:meeting_update": _row(BU, "executive_meeting"),
    "improvement:meeting_agenda": _row(BU, "executive_meeting"),
    "improvement:meeting_attendance": _row(BU, "executive_meeting"),
    "improvement:paper_add": _row(BU, "executive_meeting"),
    "improvement:decision_create": _row(BU, "executive_meeting"),
    "improvement:meeting_history": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:highlight_report": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:highlight_pdf": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:highlight_docx": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:decision_log": _row(PRACTITIONERS),
    "improvement:decision_detail": _row(PRACTITIONERS, "decision"),
    "improvement:decision_history": _row(PRACTITIONERS, "decision"),
    "improvement:challenge_list": _row(CHALLENGE_READERS),
    "improvement:challenge_create": _row(SCRUTINEER),
    "improvement:challenge_detail": _row(CHALLENGE_READERS, "open_challenge"),
    "improvement:challenge_history": _row(CHALLENGE_READERS, "open_challenge"),
    # Only the challenged agency (the council's lead) or the business unit answers
    "improvement:challenge_answer": _row(BU | {"la-lead"}, "open_challenge"),
    "improvement:challenge_outcome": _row(SCRUTINEER, "answered_challenge"),
}

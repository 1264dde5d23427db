"""The authorisation matrix rows of meetings and decisions: the quorate executive meeting of the
demo's year that decided the drift recommendation, and that decision."""

from assurance.core.tests.matrix import BU, PRACTITIONERS, expect
from assurance.improvement.meetings.models import Decision, Meeting

N = "northfield"
DRIFT = "Train managers to recognise and review drift in neglect cases"

LOOKUPS = {
    "executive_meeting": lambda: (
        Decision.unscoped.get(partnership__slug=N, recommendation__title=DRIFT).meeting_id
    ),
    "decision": lambda: Decision.unscoped.get(partnership__slug=N, recommendation__title=DRIFT).pk,
    "any_meeting": lambda: Meeting.unscoped.filter(partnership__slug=N).order_by("pk").first().pk,
}


def _row(allow, key=None):  # type: ignore[no-untyped-def]
    return expect(allow=allow, kwargs={"pk": key} if key else None)


EXPECTED = {
    "improvement:meeting_list": _row(PRACTITIONERS),
    "improvement:meeting_create": _row(BU),
    "improvement:meeting_detail": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:meeting_update": _row(BU, "executive_meeting"),
    "improvement:meeting_agenda": _row(BU, "executive_meeting"),
    "improvement:meeting_attendance": _row(BU, "executive_meeting"),
    "improvement:paper_add": _row(BU, "executive_meeting"),
    "improvement:decision_create": _row(BU, "executive_meeting"),
    "improvement:meeting_history": _row(PRACTITIONERS, "executive_meeting"),
    "improvement:decision_log": _row(PRACTITIONERS),
    "improvement:decision_detail": _row(PRACTITIONERS, "decision"),
    "improvement:decision_history": _row(PRACTITIONERS, "decision"),
}

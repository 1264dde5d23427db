"""The authorisation matrix rows of the scrutineer's challenges: the open challenge to the
council and the answered challenge to the ICB, from the demo's year in Northfield."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, SCRUTINEER, expect
from assurance.improvement.scrutiny.models import Challenge

N = "northfield"

LOOKUPS = {
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
}

CHALLENGE_READERS = BU | SCRUTINEER | MEMBER | LEADS


def _row(allow, key=None):  # type: ignore[no-untyped-def]
    return expect(allow=allow, kwargs={"pk": key} if key else None)


EXPECTED = {
    "improvement:challenge_list": _row(CHALLENGE_READERS),
    "improvement:challenge_create": _row(SCRUTINEER),
    "improvement:challenge_detail": _row(CHALLENGE_READERS, "open_challenge"),
    "improvement:challenge_history": _row(CHALLENGE_READERS, "open_challenge"),
    # Only the challenged agency (the council's lead) or the business unit answers
    "improvement:challenge_answer": _row(BU | {"la-lead"}, "open_challenge"),
    "improvement:challenge_outcome": _row(SCRUTINEER, "answered_challenge"),
}

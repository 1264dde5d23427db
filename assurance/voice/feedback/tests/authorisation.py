"""The authorisation matrix rows of feedback, the form's links and the duty inbox.

Records from the demo's year in Northfield: the children-in-care link, a piece of feedback, and
the possible disclosure the duty officer handled. The child's form and its thank-you page are
public: anyone with the link, signed in or not, whatever their partnership."""

from assurance.core.tests.matrix import ALLOW, BU, LEADS, MEMBER, SCRUTINEER, expect
from assurance.voice.feedback.models import Feedback, FeedbackLink

N = "northfield"
IN_CARE = "Children in care: tell us about your social worker"
READERS = BU | SCRUTINEER | MEMBER | LEADS

LOOKUPS = {
    "feedback_link": lambda: FeedbackLink.unscoped.get(partnership__slug=N, title=IN_CARE).pk,
    "form_token": lambda: FeedbackLink.unscoped.get(partnership__slug=N, title=IN_CARE).token,
    "feedback": lambda: (
        Feedback.unscoped.filter(partnership__slug=N, flagged=False).order_by("pk").first().pk
    ),
    "disclosure": lambda: Feedback.unscoped.get(partnership__slug=N, flagged=True).pk,
}


def _row(allow, key=None):  # type: ignore[no-untyped-def]
    return expect(allow=allow, kwargs={"pk": key} if key else None)


# Anyone with the link, signed in or not, whatever their partnership.
PUBLIC = expect(northfield=ALLOW, southvale=ALLOW, anonymous=ALLOW, kwargs={"token": "form_token"})

EXPECTED = {
    "voice:link_list": _row(BU),
    "voice:link_create": _row(BU),
    "voice:link_detail": _row(BU, "feedback_link"),
    "voice:link_update": _row(BU, "feedback_link"),
    "voice:link_history": _row(BU, "feedback_link"),
    "voice:link_qr": _row(BU, "feedback_link"),
    "voice:feedback_upload": _row(BU | LEADS),
    "voice:upload_template": _row(BU | LEADS),
    "voice:duty_list": _row(BU),
    "voice:duty_settings": _row(BU),
    "voice:duty_detail": _row(BU, "disclosure"),
    "voice:duty_history": _row(BU, "disclosure"),
    "say:feedback_form": PUBLIC,
    "say:feedback_thanks": PUBLIC,
}

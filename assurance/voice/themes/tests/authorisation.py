"""The authorisation matrix rows of feedback's themes and quotes, and of the feedback pages
that show them (a piece of the demo's feedback)."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, SCRUTINEER, expect

READERS = BU | SCRUTINEER | MEMBER | LEADS

EXPECTED = {
    "voice:feedback_list": expect(allow=READERS),
    "voice:feedback_detail": expect(allow=READERS, kwargs={"pk": "feedback"}),
    "voice:feedback_themes": expect(allow=BU, kwargs={"pk": "feedback"}),
    "voice:theme_tag": expect(allow=BU),
}

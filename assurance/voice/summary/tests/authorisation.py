"""The authorisation matrix rows of the summary of feedback (page, PDF, Word) and its API.
The API lists the partnerships where the user may read feedback: none is an empty list."""

from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    LEADS,
    MEMBER,
    SCRUTINEER,
    UNAUTHENTICATED,
    expect,
)

READERS = BU | SCRUTINEER | MEMBER | LEADS

EXPECTED = {
    "voice:summary": expect(allow=READERS),
    "voice:summary_pdf": expect(allow=READERS),
    "voice:summary_docx": expect(allow=READERS),
    "voice:summary_agenda": expect(allow=BU),
    "api:voice_feedback_summary": expect(
        northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED
    ),
}

"""The authorisation matrix rows of the deadline board and a review's page (see
notifications/tests/authorisation.py for who is named on the demo's review)."""

from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    PRACTITIONERS,
    SCRUTINEER,
    UNAUTHENTICATED,
    expect,
)

READERS = BU | SCRUTINEER | {"la-lead", "police-lead"}
NOT_NAMED = {"health-lead", "group-member", "la-auditor", "police-auditor"}

EXPECTED = {
    # Everyone who works in the partnership sees the anonymised counts; viewers do not
    "reviews:board": expect(allow=PRACTITIONERS),
    "reviews:incident_detail": expect(allow=READERS, hidden=NOT_NAMED, kwargs={"pk": "review"}),
    # The annual summary: counts and themes only, like the board's counts
    "reviews:annual_summary": expect(allow=PRACTITIONERS),
    "reviews:annual_summary_pdf": expect(allow=PRACTITIONERS),
    "reviews:annual_summary_docx": expect(allow=PRACTITIONERS),
    # The API: the list holds what each caller may open (empty for a viewer, Southvale's own)
    "api:reviews_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:reviews_detail": expect(
        allow=READERS, hidden=NOT_NAMED, anonymous=UNAUTHENTICATED, kwargs={"pk": "review"}
    ),
}

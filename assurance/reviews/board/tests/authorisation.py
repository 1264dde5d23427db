"""The authorisation matrix rows of the deadline board and a review's page (see
notifications/tests/authorisation.py for who is named on the demo's review)."""

from assurance.core.tests.matrix import BU, PRACTITIONERS, SCRUTINEER, expect

READERS = BU | SCRUTINEER | {"la-lead", "police-lead"}
NOT_NAMED = {"health-lead", "group-member", "la-auditor", "police-auditor"}

EXPECTED = {
    # Everyone who works in the partnership sees the anonymised counts; viewers do not
    "reviews:board": expect(allow=PRACTITIONERS),
    "reviews:incident_detail": expect(allow=READERS, hidden=NOT_NAMED, kwargs={"pk": "review"}),
}

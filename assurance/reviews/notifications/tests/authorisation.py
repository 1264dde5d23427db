"""The authorisation matrix rows of serious incidents, from the demo's year in Northfield.

A review is read by the people named on it, the business unit and the scrutineer. The demo's
review awaiting its rapid review names the council's and the police's leads, not the ICB's: she,
the group member and the auditors hold the permission for reviews they are named on, so for them
this one does not exist (404); a viewer may not read reviews at all (403)."""

from assurance.core.tests.matrix import BU, SCRUTINEER, expect
from assurance.reviews.notifications.models import SeriousIncident

N = "northfield"

LOOKUPS = {
    "review": lambda: (
        SeriousIncident.unscoped.filter(partnership__slug=N, notified_on__isnull=False)
        .exclude(rapid_review__isnull=False)
        .get()
        .pk
    ),
}

READERS = BU | SCRUTINEER | {"la-lead", "police-lead"}
NOT_NAMED = {"health-lead", "group-member", "la-auditor", "police-auditor"}
REVIEW = {"pk": "review"}

EXPECTED = {
    "reviews:incident_create": expect(allow=BU),
    "reviews:incident_edit": expect(allow=BU, kwargs=REVIEW),
    "reviews:incident_history": expect(allow=READERS, hidden=NOT_NAMED, kwargs=REVIEW),
}

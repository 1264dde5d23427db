"""The authorisation matrix rows of information requests. The demo's review awaiting its rapid
review names the council's and the police's leads, not the ICB's; the ICB was asked for its
information and has not answered. Its request is read by the ICB's people (its lead), the
panel, the business unit and the scrutineer, and answered by the ICB's people only: the other
leads and the auditors hold the answering permission for their own agency's requests, so for
them this one does not exist (404)."""

from assurance.core.tests.matrix import BU, SCRUTINEER, expect
from assurance.reviews.information_requests.models import InformationRequest

LOOKUPS = {
    "information_icb": lambda: (
        InformationRequest.unscoped.filter(partnership__slug="northfield", agency__short_name="ICB")
        .exclude(status="submitted")
        .get()
        .pk
    ),
}

READERS = BU | SCRUTINEER | {"la-lead", "police-lead", "health-lead"}
NOT_NAMED = {"group-member", "la-auditor", "police-auditor"}
ICB = {"pk": "information_icb"}

EXPECTED = {
    "reviews:information_send": expect(allow=BU, kwargs={"pk": "review"}),
    "reviews:information_request": expect(allow=READERS, hidden=NOT_NAMED, kwargs=ICB),
    "reviews:information_history": expect(allow=READERS, hidden=NOT_NAMED, kwargs=ICB),
    "reviews:information_answer": expect(
        allow={"health-lead"},
        hidden={"la-lead", "police-lead", "la-auditor", "police-auditor"},
        kwargs=ICB,
    ),
}

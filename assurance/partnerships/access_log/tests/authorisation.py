"""The authorisation matrix rows of the access log: the business unit's pages."""

from assurance.core.tests.matrix import BU, expect

LOOKUPS = {
    # The access log of a case (the case itself is the audits' lookup "case").
    "access_logged_type": lambda: "audits.auditcase",
}

EXPECTED = {
    "partnerships:access_log": expect(allow=BU),
    "partnerships:record_access_log": expect(
        allow=BU, kwargs={"record_type": "access_logged_type", "pk": "case"}
    ),
}

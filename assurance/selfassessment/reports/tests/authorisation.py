"""The authorisation matrix rows of a round's report (Northfield's demo Section 175/157 round):
the business unit, the scrutineer and the members of the partnership's groups (the executive,
the education group) read it as a page, a PDF and a Word document."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, SCRUTINEER, expect

# The demo's agency leads sit on the executive group (group members too), so they read it
READERS = BU | SCRUTINEER | MEMBER | LEADS

EXPECTED = {
    "selfassessment:round_report_list": expect(allow=READERS),
    "selfassessment:round_report": expect(allow=READERS, kwargs={"pk": "sa_round"}),
    "selfassessment:round_report_pdf": expect(allow=READERS, kwargs={"pk": "sa_round"}),
    "selfassessment:round_report_docx": expect(allow=READERS, kwargs={"pk": "sa_round"}),
}

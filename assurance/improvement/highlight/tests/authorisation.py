"""The authorisation matrix rows of the highlight report (the executive meeting's lookup is the
meetings' ``executive_meeting``)."""

from assurance.core.tests.matrix import PRACTITIONERS, expect

EXPECTED = {
    "improvement:highlight_report": expect(allow=PRACTITIONERS, kwargs={"pk": "executive_meeting"}),
    "improvement:highlight_pdf": expect(allow=PRACTITIONERS, kwargs={"pk": "executive_meeting"}),
    "improvement:highlight_docx": expect(allow=PRACTITIONERS, kwargs={"pk": "executive_meeting"}),
}

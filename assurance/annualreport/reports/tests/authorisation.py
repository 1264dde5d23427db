"""The authorisation matrix rows of the annual report: the business unit writes, approves and
publishes it; the scrutineer reads it (their view is one of its sections). The published
report's pages are public: anyone, signed in or not, whatever their partnership."""

from assurance.annualreport.reports.models import AnnualReport
from assurance.core.business_year import current_business_year
from assurance.core.tests.matrix import ALLOW, BU, SCRUTINEER, UNAUTHENTICATED, expect

N = "northfield"
YEAR = current_business_year() - 1  # the demo publishes last year's report

LOOKUPS = {
    "annual_report": lambda: AnnualReport.unscoped.get(partnership__slug=N, business_year=YEAR).pk,
    "annual_section": lambda: "voice",
    "annual_slug": lambda: N,
    "annual_year": lambda: YEAR,
}

ONE = {"pk": "annual_report"}
PUBLIC = expect(
    northfield=ALLOW,
    southvale=ALLOW,
    anonymous=ALLOW,
    kwargs={"slug": "annual_slug", "year": "annual_year"},
)

EXPECTED = {
    "annualreport:list": expect(allow=BU | SCRUTINEER),
    "annualreport:start": expect(allow=BU),
    "annualreport:detail": expect(allow=BU | SCRUTINEER, kwargs=ONE),
    "annualreport:history": expect(allow=BU | SCRUTINEER, kwargs=ONE),
    "annualreport:section_edit": expect(
        allow=BU, kwargs={"pk": "annual_report", "key": "annual_section"}
    ),
    "annualreport:contribution": expect(allow=BU, kwargs=ONE),
    "annualreport:approve": expect(allow=BU, kwargs=ONE),
    "annualreport:publish": expect(allow=BU, kwargs=ONE),
    "annual_public:report": PUBLIC,
    "annual_public:report_pdf": PUBLIC,
    "annual_public:report_docx": PUBLIC,
    "annual_public:young_people": PUBLIC,
    "annual_public:young_people_pdf": PUBLIC,
    "annual_public:young_people_docx": PUBLIC,
    # The API: each caller's own partnerships' reports (empty where they may not read them)
    "api:annual_reports_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
}

"""The authorisation matrix rows of what the partnership makes public: the business unit makes
a practice review or an audit's summary public and withdraws it; the scrutineer reads the
list. The public home and each page made public are public: anyone, signed in or not,
whatever their partnership."""

from assurance.annualreport.publications.models import Publication
from assurance.core.tests.matrix import ALLOW, BU, SCRUTINEER, expect

N = "northfield"

LOOKUPS = {
    "annual_publication": lambda: (
        Publication.unscoped.filter(partnership__slug=N, withdrawn_at=None)
        .order_by("pk")
        .first()
        .pk
    ),
}

PUBLIC = expect(
    northfield=ALLOW,
    southvale=ALLOW,
    anonymous=ALLOW,
    kwargs={"slug": "annual_slug", "pk": "annual_publication"},
)

EXPECTED = {
    "annualreport:publication_list": expect(allow=BU | SCRUTINEER),
    "annualreport:publication_review": expect(allow=BU),
    "annualreport:publication_audit": expect(allow=BU),
    "annualreport:publication_withdraw": expect(allow=BU, kwargs={"pk": "annual_publication"}),
    "annual_public:home": expect(
        northfield=ALLOW, southvale=ALLOW, anonymous=ALLOW, kwargs={"slug": "annual_slug"}
    ),
    "annual_public:publication": PUBLIC,
    "annual_public:publication_pdf": PUBLIC,
}

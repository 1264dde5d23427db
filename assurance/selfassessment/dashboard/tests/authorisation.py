"""The authorisation matrix rows of the completion dashboard (Northfield's demo Section 175/157
round): the business unit and the scrutineer read it and download it; only the business unit
chases. The API: the list holds what each caller may see (Southvale's own rounds for its
business unit; an empty list for those without the permission)."""

from assurance.core.tests.matrix import ALLOW, BU, SCRUTINEER, UNAUTHENTICATED, expect

EXPECTED = {
    "selfassessment:round_completion": expect(allow=BU | SCRUTINEER, kwargs={"pk": "sa_round"}),
    "selfassessment:round_completion_export": expect(
        allow=BU | SCRUTINEER, kwargs={"pk": "sa_round"}
    ),
    "selfassessment:round_chase": expect(allow=BU, kwargs={"pk": "sa_round"}),
    "api:self_assessment_rounds": expect(
        northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED
    ),
    "api:self_assessment_round_completion": expect(
        allow=BU | SCRUTINEER, anonymous=UNAUTHENTICATED, kwargs={"pk": "sa_round"}
    ),
}

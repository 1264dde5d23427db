"""The authorisation matrix rows of a round's standards, heat map and standards API (Northfield's
demo Section 175/157 round): the business unit and the scrutineer read them."""

from assurance.core.tests.matrix import BU, SCRUTINEER, UNAUTHENTICATED, expect

EXPECTED = {
    "selfassessment:round_standards": expect(allow=BU | SCRUTINEER, kwargs={"pk": "sa_round"}),
    "selfassessment:round_heat_map": expect(allow=BU | SCRUTINEER, kwargs={"pk": "sa_round"}),
    "api:self_assessment_round_standards": expect(
        allow=BU | SCRUTINEER, anonymous=UNAUTHENTICATED, kwargs={"pk": "sa_round"}
    ),
}

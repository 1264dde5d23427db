"""The authorisation matrix rows of the rounds' pages (Northfield's demo Section 175/157 round)
and of a setting's page, which shows the rounds it takes part in: Northfield Primary School,
whose safeguarding lead is the matrix's school user (her school's page only)."""

from assurance.core.tests.matrix import BU, SCRUTINEER, SETTING_USERS, expect
from assurance.selfassessment.rounds.models import Round

LOOKUPS = {
    "sa_round": lambda: (
        Round.unscoped.filter(partnership__slug="northfield", audience="settings").first().pk
    ),
}

EXPECTED = {
    "selfassessment:round_list": expect(allow=BU | SCRUTINEER),
    "selfassessment:round_open": expect(allow=BU),
    "selfassessment:round_detail": expect(allow=BU | SCRUTINEER, kwargs={"pk": "sa_round"}),
    "selfassessment:round_history": expect(allow=BU | SCRUTINEER, kwargs={"pk": "sa_round"}),
    "selfassessment:setting_detail": expect(
        allow=BU | SCRUTINEER | SETTING_USERS, kwargs={"pk": "setting"}
    ),
}

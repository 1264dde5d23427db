"""The authorisation matrix rows of what staff say, on Northfield's demo Section 11 round of
2024/25: its surveys' pages and the staff-survey API (the business unit and the scrutineer;
starting and closing them, the business unit), the police's survey (also the police's lead;
another agency's lead or a school's user finds it missing) and the practitioners' survey by
its open link, which is public (no sign-in: everyone, anonymous included, reaches it; that
link's survey has closed with the round's deadline, so everyone gets its closed page, answered
410 Gone as every closed open link is, ADR 045)."""

from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    GONE,
    LEADS,
    SCRUTINEER,
    SETTING_USERS,
    UNAUTHENTICATED,
    expect,
)
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.surveys.models import StaffSurvey


def _police_survey() -> StaffSurvey:
    return StaffSurvey.unscoped.get(
        partnership__slug="northfield",
        participant__round__year=2024,
        participant__agency__name="Northshire Police",
    )


LOOKUPS = {
    "sa_survey_round": lambda: (
        Round.unscoped.get(
            partnership__slug="northfield", year=2024, framework__name__startswith="Section 11"
        ).pk
    ),
    "sa_survey": lambda: _police_survey().pk,
    "sa_survey_token": lambda: _police_survey().token,
}

POLICE = {"police-lead"}
OPEN_LINK = expect(
    northfield=ALLOW, southvale=ALLOW, anonymous=ALLOW, kwargs={"token": "sa_survey_token"}
)
CLOSED_LINK = expect(
    northfield=GONE, southvale=GONE, anonymous=GONE, kwargs={"token": "sa_survey_token"}
)
SURVEY = {"pk": "sa_survey"}

EXPECTED = {
    "selfassessment:round_surveys": expect(allow=BU | SCRUTINEER, kwargs={"pk": "sa_survey_round"}),
    "selfassessment:surveys_start": expect(allow=BU, kwargs={"pk": "sa_survey_round"}),
    "selfassessment:surveys_close": expect(allow=BU, kwargs={"pk": "sa_survey_round"}),
    "selfassessment:survey_list": expect(allow=BU | SCRUTINEER | LEADS | SETTING_USERS),
    "selfassessment:survey_detail": expect(
        allow=BU | SCRUTINEER | POLICE,
        hidden=(LEADS - POLICE) | SETTING_USERS,
        kwargs=SURVEY,
    ),
    "selfassessment:survey_qr": expect(
        allow=BU | SCRUTINEER | POLICE,
        hidden=(LEADS - POLICE) | SETTING_USERS,
        kwargs=SURVEY,
    ),
    "api:self_assessment_round_staff_survey": expect(
        allow=BU | SCRUTINEER, anonymous=UNAUTHENTICATED, kwargs={"pk": "sa_survey_round"}
    ),
    "staff_survey:form": CLOSED_LINK,
    "staff_survey:thanks": OPEN_LINK,
}

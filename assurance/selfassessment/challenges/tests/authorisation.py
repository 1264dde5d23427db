"""The authorisation matrix rows of the challenge: the demo's first challenged return (a school
of the 2025/26 Section 175/157 round, challenged by the business unit with an action raised),
whose panel is the education group (ELRAG). No matrix role sits on ELRAG, so a group member (and
every lead and the scrutineer, who are group members too) is "not found" where recording needs
a seat on it; the scrutineer reads every challenge and the files of the challenged return. The
school's lead of another school, an agency's lead: "not found"."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, SCRUTINEER, SETTING_USERS, expect
from assurance.selfassessment.challenges.models import ChallengeAction
from assurance.selfassessment.returns.models import ReturnEvidence


def _challenged() -> int:
    return (
        ChallengeAction.unscoped.filter(partnership__slug="northfield")
        .order_by("pk")
        .first()
        .challenge.sa_return.participant_id
    )


LOOKUPS = {
    "sa_challenged": _challenged,
    # the file the challenged school's return holds (the panel reads it through the challenge)
    "sa_challenged_evidence": lambda: (
        ReturnEvidence.unscoped.filter(sa_return__participant_id=_challenged())
        .exclude(file="")
        .get()
        .pk
    ),
}

OWN = {"pk": "sa_challenged"}

EXPECTED = {
    "selfassessment:challenge_list": expect(allow=BU | SCRUTINEER | MEMBER | LEADS | SETTING_USERS),
    "selfassessment:challenge_detail": expect(
        allow=BU | SCRUTINEER, hidden=MEMBER | LEADS | SETTING_USERS, kwargs=OWN
    ),
    "selfassessment:challenge_history": expect(
        allow=BU | SCRUTINEER, hidden=MEMBER | LEADS | SETTING_USERS, kwargs=OWN
    ),
    "selfassessment:challenge_evidence": expect(
        allow=BU | SCRUTINEER,
        hidden=MEMBER | LEADS | SETTING_USERS,
        kwargs={**OWN, "evidence_pk": "sa_challenged_evidence"},
    ),
    "selfassessment:challenge_record": expect(
        allow=BU, hidden=MEMBER | LEADS | SCRUTINEER, kwargs=OWN
    ),
    "selfassessment:challenge_action_add": expect(allow=BU, kwargs=OWN),
    "selfassessment:challenge_panel": expect(allow=BU, kwargs={"pk": "sa_round"}),
}

"""The one place that says which role may do what.

Each permission maps roles to a *scope*:

* ``ALL`` – everything of that kind in the partnership;
* ``OWN_AGENCY`` – only what belongs to the person's own agency ("associated");
* ``NAMED`` – only the records the person is named on (the panel of a serious incident review:
  its papers are restricted to the people on it).

Querysets are filtered with the same scope names (see ``assurance.partnerships.access``), so the
check and the filter cannot drift apart. Add a permission here, use it in the view's
``permission`` attribute, and add the view's URL to the authorisation matrix test.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

from assurance.core.roles import Role


class Scope(enum.Enum):
    ALL = "all"
    OWN_AGENCY = "own_agency"
    NAMED = "named"


ALL, OWN, NAMED = Scope.ALL, Scope.OWN_AGENCY, Scope.NAMED
BU, LEAD, AUDITOR, MEMBER, SCRUTINEER, VIEWER, SETTING_USER = (
    Role.BUSINESS_UNIT,
    Role.AGENCY_LEAD,
    Role.AUDITOR,
    Role.GROUP_MEMBER,
    Role.SCRUTINEER,
    Role.VIEWER,
    Role.SETTING_USER,
)
EVERYONE = (BU, LEAD, AUDITOR, MEMBER, SCRUTINEER, VIEWER)
PRACTITIONERS = (BU, LEAD, AUDITOR, MEMBER, SCRUTINEER)


def _all(*roles: Role) -> dict[Role, Scope]:
    return dict.fromkeys(roles, ALL)


PERMISSIONS: Mapping[str, Mapping[Role, Scope]] = {
    # The partnership itself
    "partnership.view": _all(*EVERYONE),
    "partnership.manage": _all(BU),
    # Agencies
    "agency.view": _all(*PRACTITIONERS),
    "agency.manage": _all(BU),
    # Groups and their terms of reference
    "group.view": _all(*PRACTITIONERS),
    "group.manage": _all(BU),
    # Priorities are published in the annual report, so everyone may read them
    "priority.view": _all(*EVERYONE),
    "priority.manage": _all(BU),
    # People: contact details, so only those who organise work see them
    "person.view": {BU: ALL, SCRUTINEER: ALL, LEAD: OWN},
    "person.manage": _all(BU),
    # The access log: who opened which case or return page (partnerships.access_log)
    "access_log.view": _all(BU),
    # Frameworks (audit tools and other assessment frameworks)
    "framework.view": _all(*PRACTITIONERS),
    "framework.manage": _all(BU),
    # Multi-agency case file audits. OWN = audits and cases the person's agency takes part in.
    "audit.view": {BU: ALL, SCRUTINEER: ALL, MEMBER: ALL, LEAD: OWN, AUDITOR: OWN},
    "audit.manage": _all(BU),
    "audit_report.view": _all(*EVERYONE),  # closed audits' reports only for viewers (selector)
    "case.view": {BU: ALL, SCRUTINEER: ALL, LEAD: OWN, AUDITOR: OWN},
    "case.propose": {BU: ALL, LEAD: OWN},
    # The link from a case to an agency's own record: also checked per assignment in services
    "record_number.view": {BU: ALL, LEAD: OWN, AUDITOR: OWN},
    # Agency returns: drafts never leave the agency (selectors hide them from ALL scopes)
    "return.view": {BU: ALL, SCRUTINEER: ALL, LEAD: OWN, AUDITOR: OWN},
    "return.edit": {LEAD: OWN, AUDITOR: OWN},
    "return.assign": {BU: ALL, LEAD: OWN},
    "return.sign_off": {LEAD: OWN},
    "moderation.record": _all(BU),
    "findings.view": {BU: ALL, SCRUTINEER: ALL, MEMBER: ALL, LEAD: ALL, AUDITOR: ALL},
    # The action log (extended by the learning cycle)
    "action.view": _all(*PRACTITIONERS),
    "action.manage": _all(BU),
    # Progress, evidence and completion: the business unit, or the owner agency's lead
    "action.update": {BU: ALL, LEAD: OWN},
    # A recorded judgement of an action's impact (automatic assessments need no one)
    "impact.record": _all(BU),
    # The learning cycle: learning items, themes, recommendations, meetings, decisions
    "learning.view": _all(*PRACTITIONERS),
    "learning.manage": _all(BU),
    "meeting.view": _all(*PRACTITIONERS),
    "meeting.manage": _all(BU),
    "decision.view": _all(*PRACTITIONERS),
    "decision.record": _all(BU),
    # Independent scrutiny: the scrutineer challenges; the challenged agency answers
    "challenge.view": {BU: ALL, SCRUTINEER: ALL, MEMBER: ALL, LEAD: OWN},
    "challenge.record": _all(SCRUTINEER),
    "challenge.answer": {BU: ALL, LEAD: OWN},
    # The multi-agency data set: the catalogue and published benchmarks are public information
    "indicator.view": _all(*EVERYONE),
    # Targets, tolerances and which indicators report under which priority
    "indicator.manage": _all(BU),
    # Quarterly collection: unpublished values stay with their agency and the business unit
    "collection.view": {BU: ALL, LEAD: OWN},
    "collection.submit": {LEAD: OWN},
    "collection.manage": _all(BU),
    # Self-assessments: the schools and colleges (settings) loaded from the DfE's register. A
    # setting's own users (its safeguarding lead, deputy and head; ADR 027) see only the setting
    # they are named on, and nothing else of the partnership but that setting's staff survey
    # (sa_survey.view, below): no other permission names them.
    "setting.list": _all(BU, SCRUTINEER),
    "setting.view": {BU: ALL, SCRUTINEER: ALL, SETTING_USER: NAMED},
    "setting.own": {SETTING_USER: NAMED},
    "setting.manage": _all(BU),
    # Rounds of self-assessment (a framework, a year, its participants and deadline)
    "self_assessment.view": _all(BU, SCRUTINEER),
    "self_assessment.manage": _all(BU),
    # A round's report (completion, the standards with their intervals and change, the heat
    # map's table, what staff say, organisations to look at): also for the members of the
    # partnership's groups, the executive and the education group among them
    "sa_report.view": _all(BU, SCRUTINEER, MEMBER),
    # A participant's return: read by the organisation (a school's users, named through their
    # membership; an agency's leads), the business unit and the scrutineer; filled in by the
    # school's lead and deputies or the agency's leads; signed off by the school's head or an
    # agency lead (the services check which member may do what); unlocked by the business unit
    "sa_return.view": {BU: ALL, SCRUTINEER: ALL, LEAD: OWN, SETTING_USER: NAMED},
    "sa_return.edit": {LEAD: OWN, SETTING_USER: NAMED},
    "sa_return.sign_off": {LEAD: OWN, SETTING_USER: NAMED},
    "sa_return.unlock": _all(BU),
    # The challenge of a submitted return: the panel is the business unit and the members of
    # the group that oversees the round (its ``ChallengePanel``, such as the education group for
    # schools' returns: NAMED = seated on that group). The scrutineer reads every challenge; the
    # organisation reads its own once the panel has recorded it. Actions raised at a challenge
    # go into the action log, which the business unit keeps (action.manage).
    "sa_challenge.view": {
        BU: ALL,
        SCRUTINEER: ALL,
        MEMBER: NAMED,
        LEAD: OWN,
        SETTING_USER: NAMED,
    },
    "sa_challenge.record": {BU: ALL, MEMBER: NAMED},
    # What staff say: an organisation's practitioners' survey, its link and its results
    "sa_survey.view": {BU: ALL, SCRUTINEER: ALL, LEAD: OWN, SETTING_USER: NAMED},
    "sa_survey.manage": _all(BU),
    # The voice of children and families: what they said (never a possible disclosure, which
    # only the business unit's duty inbox reads), the form's links and the duty inbox
    "voice.view": {BU: ALL, SCRUTINEER: ALL, MEMBER: ALL, LEAD: ALL},
    "voice.manage": _all(BU),
    "voice.duty": _all(BU),
    # Feedback an agency gathered, uploaded as a spreadsheet: the business unit, or the lead
    # of the agency that gathered it
    "voice.upload": {BU: ALL, LEAD: OWN},
    # Serious incidents, rapid reviews and practice reviews: a review's record and papers are
    # for the people named on it (its panel), the business unit and the scrutineer; everyone
    # else in the partnership sees only anonymised counts, stages and lateness (the summary).
    "review.summary": _all(*PRACTITIONERS),
    "review.view": {BU: ALL, SCRUTINEER: ALL, LEAD: NAMED, MEMBER: NAMED, AUDITOR: NAMED},
    "review.manage": _all(BU),
    # A rapid review's information request to an agency: read by that agency's people, and
    # (through review.view) by the review's panel, the business unit and the scrutineer;
    # answered by that agency's people only
    "review_information.view": {BU: ALL, SCRUTINEER: ALL, LEAD: OWN, AUDITOR: OWN},
    "review_information.answer": {LEAD: OWN, AUDITOR: OWN},
    # The scrutineer's review of the safeguarding partners' decision (seed 002)
    "review.scrutinise": _all(SCRUTINEER),
    # Multi-agency training: the offer is public; bookings hold practitioners' names and
    # e-mails, so only the business unit (and an agency's lead, for their agency) sees them
    "training.view": _all(*EVERYONE),
    "training.manage": _all(BU),
    "booking.view": {BU: ALL, LEAD: OWN},
    "booking.manage": _all(BU),
    "attendance.record": _all(BU),
    # Its evaluation: figures of pseudonymous answers (no names) for those who plan and
    # scrutinise the offer; the answers themselves, to recompute every figure, for the business
    # unit and the scrutineer
    "evaluation.view": _all(*PRACTITIONERS),
    "evaluation.responses": _all(BU, SCRUTINEER),
    # The annual report: the business unit drafts it and records the executive's approval; the
    # scrutineer reads the draft (their view is a section of it). Once published it is public
    # (its public pages need no sign-in and no permission).
    "annual_report.view": _all(BU, SCRUTINEER),
    "annual_report.manage": _all(BU),
}


def scope_for(permission: str, roles: Iterable[Role]) -> Scope | None:
    """The widest scope any of ``roles`` grants for ``permission`` (None: not allowed)."""
    try:
        grants = PERMISSIONS[permission]
    except KeyError as exc:
        raise KeyError(f"Unknown permission {permission!r}: add it to PERMISSIONS.") from exc
    scopes = {grants[role] for role in roles if role in grants}
    if ALL in scopes:
        return ALL
    if OWN in scopes:
        return OWN
    if NAMED in scopes:
        return NAMED
    return None

"""The authorisation matrix rows of the partnership's pages and its API.

The records are Northfield's demo records; the person is Priya, the police auditor, so the
agency leads of other agencies (OWN_AGENCY scope for people) must not find her (404).
"""

from assurance.core.business_year import current_business_year
from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    LEADS,
    NORTHFIELD,
    PRACTITIONERS,
    REDIRECT,
    SCRUTINEER,
    SETTING_USERS,
    UNAUTHENTICATED,
    expect,
)
from assurance.partnerships.models import Agency, Group, GroupMember, Person, Priority

PEOPLE_ALL = BU | SCRUTINEER
POLICE_LEAD = frozenset({"police-lead"})


def _northfield(model, **filters):  # type: ignore[no-untyped-def]
    return model.unscoped.get(partnership__slug="northfield", **filters).pk


LOOKUPS = {
    "partnership_slug": lambda: "northfield",
    "agency": lambda: _northfield(Agency, name="Northshire Police"),
    "group": lambda: _northfield(Group, short_name="ARG"),
    "seat": lambda: _northfield(
        GroupMember, group__short_name="ARG", position="Public Protection lead"
    ),
    "priority": lambda: _northfield(
        Priority, title="Neglect", business_year=current_business_year()
    ),
    "person": lambda: _northfield(Person, email="police-auditor@northfield.example"),
}

AGENCY = {"pk": "agency"}
GROUP = {"pk": "group"}
PRIORITY = {"pk": "priority"}
PERSON = {"pk": "person"}

EXPECTED = {
    # The front page sends someone with one partnership straight to it.
    "home": expect(northfield=REDIRECT, southvale=REDIRECT),
    # A school's user lands on their school's page (ADR 027)
    "partnerships:partnership_home": expect(allow=NORTHFIELD, redirect=SETTING_USERS),
    "partnerships:settings": expect(allow=BU),
    "partnerships:partnership_history": expect(allow=BU),
    # Agencies
    "partnerships:agency_list": expect(allow=PRACTITIONERS),
    "partnerships:agency_create": expect(allow=BU),
    "partnerships:agency_detail": expect(allow=PRACTITIONERS, kwargs=AGENCY),
    "partnerships:agency_update": expect(allow=BU, kwargs=AGENCY),
    "partnerships:agency_history": expect(allow=PRACTITIONERS, kwargs=AGENCY),
    # Groups and their seats
    "partnerships:group_list": expect(allow=PRACTITIONERS),
    "partnerships:group_create": expect(allow=BU),
    "partnerships:group_detail": expect(allow=PRACTITIONERS, kwargs=GROUP),
    "partnerships:group_update": expect(allow=BU, kwargs=GROUP),
    "partnerships:group_history": expect(allow=PRACTITIONERS, kwargs=GROUP),
    "partnerships:group_seat_create": expect(allow=BU, kwargs=GROUP),
    "partnerships:group_seat_update": expect(allow=BU, kwargs={"pk": "group", "seat_pk": "seat"}),
    # Priorities: everyone in the partnership reads them
    "partnerships:priority_list": expect(allow=NORTHFIELD),
    "partnerships:priority_create": expect(allow=BU),
    "partnerships:priority_update": expect(allow=BU, kwargs=PRIORITY),
    "partnerships:priority_history": expect(allow=NORTHFIELD, kwargs=PRIORITY),
    # People: the business unit and scrutineer see all; agency leads their own agency's
    "partnerships:person_list": expect(allow=PEOPLE_ALL | LEADS),
    "partnerships:person_create": expect(allow=BU),
    "partnerships:person_detail": expect(
        allow=PEOPLE_ALL | POLICE_LEAD, hidden=LEADS - POLICE_LEAD, kwargs=PERSON
    ),
    "partnerships:person_update": expect(allow=BU, kwargs=PERSON),
    "partnerships:person_history": expect(
        allow=PEOPLE_ALL | POLICE_LEAD, hidden=LEADS - POLICE_LEAD, kwargs=PERSON
    ),
    # The API: the same permission layer; no credentials is 401/403
    "api:partnership_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:agency_list": expect(allow=PRACTITIONERS, anonymous=UNAUTHENTICATED),
}

"""core.permissions.scope_for: the one table of who may do what, read as a table."""

from __future__ import annotations

import pytest

from assurance.core.permissions import ALL, NAMED, OWN, PERMISSIONS, Scope, scope_for
from assurance.core.roles import Role

BU, LEAD, AUD, MEM, SCR, VIEW = (
    Role.BUSINESS_UNIT,
    Role.AGENCY_LEAD,
    Role.AUDITOR,
    Role.GROUP_MEMBER,
    Role.SCRUTINEER,
    Role.VIEWER,
)


@pytest.mark.parametrize(
    ("permission", "roles", "scope"),
    [
        ("partnership.view", {VIEW}, ALL),
        ("partnership.manage", {BU}, ALL),
        ("partnership.manage", {SCR}, None),
        ("partnership.manage", {LEAD, AUD, MEM, SCR, VIEW}, None),
        ("agency.view", {AUD}, ALL),
        ("agency.view", {VIEW}, None),
        ("agency.manage", {LEAD}, None),
        ("group.view", {MEM}, ALL),
        ("group.manage", {BU}, ALL),
        ("priority.view", {VIEW}, ALL),
        ("priority.manage", {LEAD}, None),
        # People: agency leads see only their own agency's
        ("person.view", {LEAD}, OWN),
        ("person.view", {AUD}, None),
        ("person.view", {MEM}, None),
        ("person.view", {SCR}, ALL),
        ("person.view", {BU}, ALL),
        ("person.manage", {SCR}, None),
        # The widest scope wins when a person holds several roles
        ("person.view", {LEAD, SCR}, ALL),
        ("person.view", {LEAD, AUD}, OWN),
        # Reviews: the people named on one, the business unit and the scrutineer
        ("review.view", {BU}, ALL),
        ("review.view", {SCR}, ALL),
        ("review.view", {LEAD}, NAMED),
        ("review.view", {MEM, AUD}, NAMED),
        ("review.view", {VIEW}, None),
        ("review.view", {LEAD, SCR}, ALL),
        ("review.summary", {AUD}, ALL),
        ("review.summary", {VIEW}, None),
        ("review.manage", {LEAD}, None),
        ("review.scrutinise", {SCR}, ALL),
        ("review.scrutinise", {BU}, None),
        # A school's user: their own setting (the one they are named on), nothing else
        ("setting.view", {Role.SETTING_USER}, NAMED),
        ("setting.own", {Role.SETTING_USER}, NAMED),
        ("setting.list", {Role.SETTING_USER}, None),
        ("setting.manage", {Role.SETTING_USER}, None),
        ("partnership.view", {Role.SETTING_USER}, None),
        ("priority.view", {Role.SETTING_USER}, None),
        ("setting.own", {BU}, None),
        # What staff say: an organisation's survey for its own lead or its own school's users
        ("sa_survey.view", {BU}, ALL),
        ("sa_survey.view", {SCR}, ALL),
        ("sa_survey.view", {LEAD}, OWN),
        ("sa_survey.view", {Role.SETTING_USER}, NAMED),
        ("sa_survey.view", {AUD}, None),
        ("sa_survey.view", {VIEW}, None),
        ("sa_survey.manage", {SCR}, None),
        ("sa_survey.manage", {LEAD}, None),
        # No roles, no access
        ("partnership.view", set(), None),
    ],
)
def test_scope_for(permission: str, roles: set[Role], scope: Scope | None) -> None:
    assert scope_for(permission, roles) is scope


def test_unknown_permission_is_an_error_not_a_denial() -> None:
    with pytest.raises(KeyError, match="Unknown permission"):
        scope_for("agency.delete", {Role.BUSINESS_UNIT})


def test_the_business_unit_may_do_everything_it_manages() -> None:
    managed = [name for name in PERMISSIONS if name.endswith(".manage")]
    assert managed
    for name in managed:
        assert scope_for(name, {BU}) is ALL, name


def test_viewers_never_manage_anything() -> None:
    for name in PERMISSIONS:
        if name.endswith((".manage", ".edit", ".assign", ".sign_off", ".record")):
            assert scope_for(name, {VIEW}) is None, name


def test_every_scope_is_a_scope() -> None:
    for name, grants in PERMISSIONS.items():
        for role, scope in grants.items():
            assert isinstance(role, Role), name
            assert isinstance(scope, Scope), name

"""The roles a person can hold in a partnership (see the product brief's table of users)."""

from django.db import models


class Role(models.TextChoices):
    BUSINESS_UNIT = "business_unit", "Business unit"
    AGENCY_LEAD = "agency_lead", "Agency lead"
    AUDITOR = "auditor", "Auditor"
    GROUP_MEMBER = "group_member", "Group member"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    VIEWER = "viewer", "Viewer"
    # A school's or college's designated safeguarding lead, deputy or head: a user of one
    # setting (selfassessment), who holds no other role and sees nothing else (ADR 027)
    SETTING_USER = "setting_user", "School or college user"


PRIVILEGED_ROLES = frozenset({Role.BUSINESS_UNIT, Role.SCRUTINEER})
"""Roles for which a partnership may require two-factor sign-in."""

STAFF_ROLES = tuple(role for role in Role if role is not Role.SETTING_USER)
"""The roles of the partnership's own people, chosen on the people page: a setting user is
invited from their setting's page and holds no other role (ADR 027)."""

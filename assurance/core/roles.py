"""The roles a person can hold in a partnership (see the product brief's table of users)."""

from django.db import models


class Role(models.TextChoices):
    BUSINESS_UNIT = "business_unit", "Business unit"
    AGENCY_LEAD = "agency_lead", "Agency lead"
    AUDITOR = "auditor", "Auditor"
    GROUP_MEMBER = "group_member", "Group member"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    VIEWER = "viewer", "Viewer"


PRIVILEGED_ROLES = frozenset({Role.BUSINESS_UNIT, Role.SCRUTINEER})
"""Roles for which a partnership may require two-factor sign-in."""

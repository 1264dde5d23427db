"""Ask the permission layer from a template: ``{% if actor|can:"case.view" %}``.

Use it to hide a link the user could not follow; the view still checks the permission.
"""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def can(actor: Any, permission: str) -> bool:
    """Whether the actor (``PartnershipViewMixin`` puts it in the context) has ``permission``."""
    return bool(actor is not None and actor.can(permission))

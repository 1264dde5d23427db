"""``{% link "name" arg %}``: ``{% url %}`` for the page shell's fixed links, remembered per
process (``core.links``)."""

from __future__ import annotations

from typing import Any

from django import template

from assurance.core.links import link as shell_link

register = template.Library()


@register.simple_tag(name="link")
def link(name: str, *args: Any) -> str:
    return shell_link(name, *args)

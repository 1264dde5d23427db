"""``{% link "name" arg %}``: ``{% url %}`` for the page shell's fixed links, and
``{% asset "path" %}``: ``{% static %}`` for its files, each remembered per process
(``core.links``)."""

from __future__ import annotations

from typing import Any

from django import template

from assurance.core.links import asset as shell_asset
from assurance.core.links import link as shell_link

register = template.Library()


@register.simple_tag(name="link")
def link(name: str, *args: Any) -> str:
    return shell_link(name, *args)


@register.simple_tag(name="asset")
def asset(path: str) -> str:
    return shell_asset(path)

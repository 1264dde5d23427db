"""The service navigation of a partnership's pages, worked out and drawn once per process for
each set of roles, partnership and section.

Every signed-in page shows the headings the actor's roles open (``core.registry`` holds the
capabilities' pages), the current one marked, and the current heading's pages as a
sub-navigation. What it shows depends only on the roles, the partnership's slug and name, the
page's section and the code (the registered pages, the URLconf), never on other data: so it is
kept under exactly those (ADR 046). A role removed or a partnership renamed is another key, and
shows on the very next page on every app server.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

from assurance.core.links import link
from assurance.core.permissions import scope_for
from assurance.core.registry import navigation_items
from assurance.core.roles import Role

# Role sets × partnerships × sections of a large deployment's busy pages, with room to spare
# (each entry is a few kilobytes of HTML)
DRAWN_KEPT = 4096


class DrawnNavigation(NamedTuple):
    """The service navigation and the sub-navigation, as HTML."""

    service: SafeString
    sub: SafeString


def navigation(roles: frozenset[Role], slug: str, section: str) -> list[dict[str, Any]]:
    """The service navigation: one entry per heading, linking to its first page the roles
    open; each entry lists its pages (``items``) for the sub-navigation."""
    return [
        {**heading, "items": list(heading["items"])}
        for heading in _navigation(roles, slug, section, get_urlconf(), get_script_prefix())
    ]


@lru_cache(maxsize=DRAWN_KEPT)
def _navigation(
    roles: frozenset[Role], slug: str, section: str, urlconf: Any, prefix: str
) -> tuple[dict[str, Any], ...]:
    # ``urlconf`` and ``prefix`` are part of the key only: ``link`` reads the current ones
    headings: dict[str, dict[str, Any]] = {}
    for item in navigation_items():
        if scope_for(item.permission, roles) is None:
            continue
        page = {
            "text": item.text,
            "href": link(item.url_name, slug),
            "current": bool(item.section) and item.section == section,
        }
        heading = headings.setdefault(
            item.heading, {"text": item.heading, "href": page["href"], "items": []}
        )
        heading["items"].append(page)
    for heading in headings.values():
        heading["current"] = any(page["current"] for page in heading["items"])
        heading["items"] = tuple(heading["items"])
    return tuple(headings.values())


def drawn_navigation(roles: frozenset[Role], slug: str, name: str, section: str) -> DrawnNavigation:
    """The navigation's HTML for these roles, partnership (slug and name) and section, drawn by
    ``includes/service_navigation.html`` and ``includes/sub_navigation.html``."""
    return _drawn(roles, slug, name, section, get_urlconf(), get_script_prefix())


@lru_cache(maxsize=DRAWN_KEPT)
def _drawn(
    roles: frozenset[Role], slug: str, name: str, section: str, urlconf: Any, prefix: str
) -> DrawnNavigation:
    context = {
        "partnership": {"slug": slug, "name": name},
        "navigation": _navigation(roles, slug, section, urlconf, prefix),
    }
    return DrawnNavigation(
        service=SafeString(render_to_string("includes/service_navigation.html", context)),
        sub=SafeString(render_to_string("includes/sub_navigation.html", context)),
    )

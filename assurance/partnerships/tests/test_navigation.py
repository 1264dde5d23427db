"""The service navigation groups pages under a few headings; each heading's pages form the
sub-navigation of the pages under it."""

from __future__ import annotations

import pytest
from django.test import Client

from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db


def _navigation(client: Client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    return response.context["navigation"]


def test_headings_link_to_their_first_page_and_list_the_others(
    northfield: Tenant, amira, client_for
) -> None:
    navigation = _navigation(client_for(amira), northfield.url("agencies/"))
    headings = [heading["text"] for heading in navigation]
    assert headings[0] == "Home"
    assert len(headings) == len(set(headings)), "a heading appears once"
    partnership = next(h for h in navigation if h["text"] == "Partnership")
    assert [page["text"] for page in partnership["items"]] == [
        "Agencies",
        "Groups",
        "Priorities",
        "People",
        "Access log",
        "Annual report",
    ]
    assert partnership["href"] == northfield.url("agencies/")
    assert partnership["current"], "the agency list is under Partnership"
    assert [h["text"] for h in navigation if h["current"]] == ["Partnership"]


def test_the_current_heading_shows_its_pages_as_a_sub_navigation(
    northfield: Tenant, amira, client_for
) -> None:
    html = client_for(amira).get(northfield.url("groups/")).content.decode()
    assert 'aria-label="Partnership pages"' in html
    assert 'aria-current="true">Groups</a>' in html


def test_pages_a_role_may_not_use_are_not_offered(northfield: Tenant, dev, client_for) -> None:
    """Dev is a viewer: no agency list, no people."""
    navigation = _navigation(client_for(dev), northfield.url())
    offered = {page["text"] for heading in navigation for page in heading["items"]}
    assert "People" not in offered and "Agencies" not in offered
    assert "Access log" not in offered


def test_the_navigation_drawn_once_is_what_the_templates_draw(
    northfield: Tenant, amira, dev, client_for
) -> None:
    """The navigation's HTML is kept per roles, partnership and section: it must be exactly
    what the include templates draw from the actor's navigation on that page."""
    from django.template.loader import render_to_string

    for person, url in ((amira, "agencies/"), (amira, "audits/"), (dev, "")):
        response = client_for(person).get(northfield.url(url))
        assert response.status_code == 200
        context = {
            "partnership": response.context["partnership"],
            "navigation": response.context["navigation"],
        }
        page = response.content.decode()
        for template in ("service_navigation", "sub_navigation"):
            drawn = render_to_string(f"includes/{template}.html", context)
            assert drawn in page
            assert drawn == getattr(response.context["drawn_navigation"], template.split("_")[0])

"""The page shell's links (core.links): what ``reverse`` gives, under the script prefix of the
request, remembered per process."""

from __future__ import annotations

from django.urls import clear_script_prefix, reverse, set_script_prefix

from assurance.core.links import link


def test_a_link_is_the_reversed_address() -> None:
    assert link("home") == reverse("home")
    assert link("search:results", "northfield") == reverse("search:results", args=["northfield"])
    assert link("search:results", "southvale") == "/p/southvale/search/"


def test_a_link_follows_the_script_prefix_the_service_is_served_under() -> None:
    plain = link("partnerships:partnership_home", "northfield")
    set_script_prefix("/assurance/")
    try:
        assert link("partnerships:partnership_home", "northfield") == "/assurance" + plain
    finally:
        clear_script_prefix()
    assert link("partnerships:partnership_home", "northfield") == plain

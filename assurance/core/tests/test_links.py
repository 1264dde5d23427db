"""The page shell's links (core.links): what ``reverse`` gives, under the script prefix of the
request, remembered per process."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.urls.converters import DEFAULT_CONVERTERS, get_converters

from assurance.core.links import link, record_link


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


RECORD_PAGES = [
    "audits:audit_detail",
    "audits:report",
    "audits:case_detail",
    "audits:return_detail",
    "improvement:learning_detail",
    "improvement:recommendation_detail",
    "improvement:action_detail",
    "improvement:meeting_detail",
]


@pytest.mark.parametrize("name", RECORD_PAGES)
def test_a_record_link_is_the_reversed_address_for_any_record(name: str) -> None:
    for slug in ("northfield", "bench-007", "a1"):
        for key in (1, 7, 42, 80719263541, "0012", 2**40):
            assert record_link(name, slug, key=key) == reverse(name, args=[slug, key])


def test_a_record_link_follows_the_script_prefix() -> None:
    plain = record_link("improvement:action_detail", "northfield", key=12)
    set_script_prefix("/assurance/")
    try:
        assert record_link("improvement:action_detail", "northfield", key=12) == (
            "/assurance" + plain
        )
    finally:
        clear_script_prefix()


def test_a_key_that_is_not_digits_is_reversed_as_before() -> None:
    """An indicator's code, a key a converter refuses: ``reverse`` itself answers."""
    assert record_link("dataset:indicator_detail", "northfield", key="CSC 1.A") == reverse(
        "dataset:indicator_detail", args=["northfield", "CSC 1.A"]
    )
    with pytest.raises(NoReverseMatch):
        record_link("improvement:action_detail", "northfield", key="twelve")


def test_the_service_registers_only_django_s_own_converters() -> None:
    """``record_link`` writes a key of digits into the address as Django's converters do; a
    converter of our own might write it otherwise (then teach ``record_link`` about it)."""
    assert set(get_converters()) == set(DEFAULT_CONVERTERS)
    for converter in get_converters().values():
        assert type(converter).__module__ == "django.urls.converters"


def test_an_asset_is_the_static_files_address(settings) -> None:
    """``asset`` gives what ``{% static %}`` gives, and follows the static files' address."""
    from django.templatetags.static import static

    from assurance.core.links import asset

    assert asset("assurance.css") == static("assurance.css") == "/static/assurance.css"
    settings.STATIC_URL = "/files/"
    assert asset("assurance.css") == static("assurance.css") == "/files/assurance.css"

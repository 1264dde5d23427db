"""What may be attached as evidence: a link must be a page of the partnership's own (pure)."""

from __future__ import annotations

import pytest

from assurance.improvement.actions.evidence import platform_path

SLUG = "northfield"


@pytest.mark.parametrize(
    ("link", "path"),
    [
        ("/p/northfield/audits/3/", "/p/northfield/audits/3/"),
        ("  /p/northfield/audits/3/  ", "/p/northfield/audits/3/"),
        ("https://assurance.example/p/northfield/meetings/4/", "/p/northfield/meetings/4/"),
        ("http://localhost:8000/p/northfield/learning/?theme=2", "/p/northfield/learning/?theme=2"),
        ("/p/northfield/audits/3/#findings", "/p/northfield/audits/3/"),
        ("/p/northfield//audits//3/", "/p/northfield/audits/3/"),  # repeated slashes collapse
        ("/p/northfield/learning/...notes/", "/p/northfield/learning/...notes/"),
    ],
)
def test_a_page_of_the_partnership_is_kept_as_its_path(link: str, path: str) -> None:
    assert platform_path(link, partnership_slug=SLUG) == path


@pytest.mark.parametrize(
    "link",
    [
        "/p/northfield/../../admin",
        "/p/northfield/../southvale/audits/1/",
        "/p/northfield/audits/../../../accounts/",
        "/p/northfield/./audits/",
        "/p/northfield/%2e%2e/%2E%2E/admin",
        "/p/northfield/..%2f..%2fadmin",
        "https://assurance.example/p/northfield/../../accounts/",
        "/p/northfield/..",
        "/p/northfield\\..\\..\\admin",
        "/p/northfield/%5c..%5cadmin",
        "/p/northfield/audits/%0d%0aSet-Cookie:x",
        "/p/southvale/audits/1/",
        "/p/northfield-other/audits/1/",
        "/p/northfield",
        "/accounts/",
        "p/northfield/audits/3/",
        "javascript:/p/northfield/audits/3/",
        "",
    ],
)
def test_anything_outside_the_partnership_s_pages_is_refused(link: str) -> None:
    assert platform_path(link, partnership_slug=SLUG) is None

"""Each capability's pages are tried only for addresses starting with its own words
(``assurance.urls.mounted``): every page must still resolve to the same view as a plain
mounting would give, and an app whose addresses start with anything else is tried for all."""

from __future__ import annotations

import importlib

from django.urls import URLResolver, include, path, resolve
from django.urls.resolvers import URLPattern

from assurance import urls


def _addresses(patterns: list, prefix: str = "") -> list[tuple[str, str]]:
    """Every page's address (converters filled with sample values) and its name."""
    found = []
    for pattern in patterns:
        route = pattern.pattern._route
        if isinstance(pattern, URLResolver):
            found += _addresses(pattern.url_patterns, prefix + route)
        else:
            address = prefix + route
            for converter, sample in (
                ("<int:", "7"),
                ("<slug:", "a-slug"),
                ("<str:", "pdf"),
                ("<uuid:", "6f1c2f5e-8a34-4f5e-9a41-0c7d1c1e2b3a"),
                ("<path:", "a/b"),
            ):
                while converter in address:
                    start = address.index(converter)
                    address = address[:start] + sample + address[address.index(">", start) + 1 :]
            found.append((address, pattern.name))
    return found


def test_every_partnership_page_resolves_to_its_own_view() -> None:
    checked = 0
    for mount in urls.partnership_pages:
        module = mount.urlconf_name
        app = importlib.import_module(module.__name__).app_name
        for address, name in _addresses(module.urlpatterns):
            match = resolve(f"/p/northfield/{address}")
            assert match.view_name == f"{app}:{name}", address
            checked += 1
    assert checked > 250


def test_an_app_starting_with_a_converter_is_tried_for_every_address() -> None:
    pages = [path("<int:pk>/", lambda request: None, name="one")]
    assert urls.first_segments(pages) is None
    assert urls.first_segments([path("x/", include((pages, "x")))]) == {"x"}
    assert urls.first_segments([path("", lambda r: None), path("a/b/", lambda r: None)]) == {
        "",
        "a",
    }
    assert isinstance(urls.partnership_pages[0], URLResolver | URLPattern)

"""Addresses of the page shell's links, worked out once per process.

Every signed-in page links to the same pages (the service navigation, the header and the
footer). ``reverse`` walks the URL patterns each time; they never change while a process runs,
so each address is remembered under everything it depends on: the URLconf, the script prefix
the app is served under, the URL's name and its arguments (a partnership's slug). Nothing of the
data is kept, so a renamed slug is simply another key.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.urls import get_script_prefix, get_urlconf, reverse

# The shell's links (about 30) for each partnership of a large deployment, with room to spare
LINKS_KEPT = 16_384


@lru_cache(maxsize=LINKS_KEPT)
def _address(urlconf: Any, prefix: str, name: str, args: tuple[str, ...]) -> str:
    # ``prefix`` is part of the key only: reverse reads the same prefix, the current one
    return reverse(name, urlconf=urlconf, args=args)


def link(name: str, *args: Any) -> str:
    """``reverse(name, args=args)``, remembered per process (for the page shell's links)."""
    return _address(get_urlconf(), get_script_prefix(), name, tuple(str(arg) for arg in args))

"""Addresses of the page shell's links, worked out once per process.

Every signed-in page links to the same pages (the service navigation, the header and the
footer). ``reverse`` walks the URL patterns each time; they never change while a process runs,
so each address is remembered under everything it depends on: the URLconf, the script prefix
the app is served under, the URL's name and its arguments (a partnership's slug). Nothing of the
data is kept, so a renamed slug is simply another key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.templatetags.static import static
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


@lru_cache(maxsize=256)
def _asset(storage: str, prefix: str, static_url: str, path: str) -> str:
    # the storage, the prefix and the static files' address are part of the key only
    return static(path)


def asset(path: str) -> str:
    """``{% static path %}``, remembered per process (the page shell's stylesheet, scripts and
    icon: the static files and their manifest do not change while a process runs)."""
    storage = settings.STORAGES["staticfiles"]["BACKEND"]
    return _asset(storage, get_script_prefix(), settings.STATIC_URL, path)


# Two stand-in keys for a record's place in its address: digits, which every converter Django
# ships (int, str, slug, path) accepts and writes unchanged.
_STAND_INS = ("80719263541", "80719263542")
_DIGITS = re.compile(r"[0-9]+")


@lru_cache(maxsize=LINKS_KEPT)
def _around(urlconf: Any, prefix: str, name: str, args: tuple[str, ...]) -> tuple[str, str] | None:
    """The address of ``name`` for ``args`` and any record, split where the record's key goes;
    None when the key is not written as given (a converter that changes it)."""
    first, second = (reverse(name, urlconf=urlconf, args=(*args, key)) for key in _STAND_INS)
    if first.count(_STAND_INS[0]) != 1 or second != first.replace(*_STAND_INS):
        return None
    before, after = first.split(_STAND_INS[0])
    return before, after


def record_link(name: str, *args: Any, key: Any) -> str:
    """``reverse(name, args=[*args, key])`` for one record of many (a list of search results):
    the address around the key is worked out once per process and the key written into it.
    Exact for a key of digits (a primary key) under Django's own converters, the only ones the
    service uses (a test checks); any other key is reversed as before."""
    text = str(key)
    if _DIGITS.fullmatch(text):
        around = _around(get_urlconf(), get_script_prefix(), name, tuple(str(arg) for arg in args))
        if around is not None:
            return f"{around[0]}{text}{around[1]}"
    return reverse(name, args=[*args, key])


class QueryLinks:
    """Links to the same page with some of its query parameters changed, written as Django's
    ``{% querystring %}`` writes them (``?a=1&page=2``; a changed parameter last), with the
    parameters that stay encoded once for all the links: the tag copies and encodes the whole
    query for each link, which cost a page of results with its pagination and filters half a
    millisecond."""

    def __init__(self, query: QueryDict, *changed: str) -> None:
        """``query``: the request's; ``changed``: the parameters the links set or leave out."""
        self._kept = urlencode(
            [
                (key, value)
                for key, values in query.lists()
                if key not in changed
                for value in values
            ]
        )

    def to(self, **params: Any) -> str:
        """The link with ``params`` set (a None value leaves the parameter out)."""
        extra = urlencode([(key, str(value)) for key, value in params.items() if value is not None])
        return "?" + "&".join(part for part in (self._kept, extra) if part)

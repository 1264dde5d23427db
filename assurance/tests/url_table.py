"""The service's URL table, walked for the project-wide tests: every URL pattern (recursively
through ``include()``) with its namespaced name and arguments, and every app's authorisation rows
and lookups (``assurance/<app>/tests/authorisation.py``) to fill those arguments from the demo
data. Used by ``test_authorisation_matrix.py`` and ``test_isolation.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from assurance.core.tests.matrix import Expected, Lookup


@dataclass(frozen=True)
class UrlPattern:
    name: str  # namespaced, e.g. "partnerships:agency_detail"
    route: str
    arguments: tuple[str, ...]
    view: Any = None


def _arguments(pattern: Any) -> list[str]:
    if isinstance(pattern, RoutePattern):
        # Read from the route itself: Django shares (and extends) the converters of equal routes,
        # so an include at "" elsewhere would seem to take the partnership's argument too.
        return re.findall(r"<(?:\w+:)?(\w+)>", str(pattern))
    if isinstance(pattern, RegexPattern):
        return list(pattern.regex.groupindex)
    return []


def walk(
    resolvers: list[Any], namespace: str = "", prefix: str = "", arguments: tuple[str, ...] = ()
) -> Iterator[UrlPattern]:
    """Every URL pattern, recursively through include()."""
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        args = (*arguments, *_arguments(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner, route, args)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else f"(unnamed) {route}"
            yield UrlPattern(name=name, route=route, arguments=args, view=entry.callback)


def all_patterns() -> list[UrlPattern]:
    return list(walk(get_resolver().url_patterns))


def authorisation_modules() -> list[str]:
    """Every ``tests/authorisation.py`` of an app of ours or of one of its sub-packages."""
    names: list[str] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("assurance."):
            continue
        for module in pkgutil.walk_packages([config.path], prefix=f"{config.name}."):
            if module.name.endswith(".tests.authorisation"):
                names.append(module.name)
    return sorted(names)


def matrix() -> tuple[dict[str, Expected], dict[str, Lookup], list[str]]:
    """Every app's rows and lookups, merged; and any name that two apps both claim."""
    expected: dict[str, Expected] = {}
    lookups: dict[str, Lookup] = {}
    clashes: list[str] = []
    for module_name in authorisation_modules():
        module = importlib.import_module(module_name)
        for name, row in getattr(module, "EXPECTED", {}).items():
            if name in expected:
                clashes.append(f"{name} (again in {module_name})")
            expected[name] = row
        for name, lookup in getattr(module, "LOOKUPS", {}).items():
            if name in lookups:
                clashes.append(f"lookup {name!r} (again in {module_name})")
            lookups[name] = lookup
    return expected, lookups, clashes


def url_for(
    pattern: UrlPattern,
    expected: dict[str, Expected],
    lookups: dict[str, Lookup],
    **overrides: Any,
) -> str:
    """The pattern's URL with each argument filled by its lookup (the row's ``kwargs`` name the
    lookup where the argument's name does not), or by ``overrides``. Raises if it cannot."""
    row = expected[pattern.name]
    kwargs = {
        argument: overrides[argument]
        if argument in overrides
        else lookups[row.kwargs.get(argument, argument)]()
        for argument in pattern.arguments
    }
    return reverse(pattern.name, kwargs=kwargs)

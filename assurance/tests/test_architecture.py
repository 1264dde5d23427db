"""The shape of the code is checked, not just described (ARCHITECTURE.md).

* Every app and every sub-package of an app is a container of the import contract that layers
  views/API → forms → services → selectors → models: a new sub-package must be added to it in
  ``pyproject.toml`` (``lint-imports`` then checks its layers).
* The contracts allow no exceptions (``ignore_imports``).
* No module in an app's root is named with a sub-domain prefix (``learning_views.py``): a noun
  with several modules is a sub-package.
* No Python file outside migrations is over 600 lines.
* API endpoints resolve their actor one way (``partnerships.api``), which checks two-factor
  sign-in: no other ``api.py`` calls ``access.actor_for``.
* E-mails are written one way (``core.emails``, words in templates): nothing else calls Django's
  mail functions.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import assurance

ROOT = Path(assurance.__file__).parent
PYPROJECT = ROOT.parent / "pyproject.toml"
LAYERS = ("urls", "views", "api", "forms", "services", "selectors", "models")
NOT_DOMAIN = {"tests", "migrations", "management", "templatetags", "templates", "static", "data"}
PREFIXES = ("learning_", "action_", "meeting_", "challenge_", "collection_", "scorecard_")
PREFIXES += ("target_", "exception_")


def _contracts() -> list[dict]:
    return tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]


def _packages(path: Path, name: str) -> list[str]:
    """``name`` and its sub-packages that hold code, leaving out tests, migrations and the
    like, and the packages of a layer (``views/``, ``interchange/``) inside a container."""
    found = [name]
    for child in sorted(path.iterdir()):
        if not child.is_dir() or child.name in NOT_DOMAIN or child.name.startswith("__"):
            continue
        if not (child / "__init__.py").exists():
            continue
        if any((child / f"{layer}.py").exists() for layer in LAYERS):
            found += _packages(child, f"{name}.{child.name}")
    return found


def test_every_app_and_sub_package_is_layered() -> None:
    apps = [
        p
        for p in sorted(ROOT.iterdir())
        if p.is_dir() and (p / "apps.py").exists() and p.name not in {"bench"}
    ]
    expected = {pkg for app in apps for pkg in _packages(app, f"assurance.{app.name}")}
    [within] = [c for c in _contracts() if c.get("containers")]
    missing = expected - set(within["containers"])
    assert not missing, (
        f"Add these to the containers of the contract {within['name']!r} in pyproject.toml: "
        f"{sorted(missing)}"
    )


def test_no_contract_has_exceptions() -> None:
    assert all(not c.get("ignore_imports") for c in _contracts())


def test_no_module_in_an_app_root_is_named_with_a_sub_domain_prefix() -> None:
    named = [str(p.relative_to(ROOT)) for p in ROOT.glob("*/*.py") if p.name.startswith(PREFIXES)]
    assert not named, f"Make a sub-package of the noun instead: {named}"


def test_no_python_file_is_over_600_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in ROOT.rglob("*.py")
        if "migrations" not in p.parts and (n := len(p.read_text().splitlines())) > 600
    }
    assert not long, f"Split these by what they do: {long}"


def test_api_endpoints_resolve_their_actor_through_partnerships_api() -> None:
    """``actor_for`` knows nothing of two-factor sign-in; the pages check it in
    ``PartnershipViewMixin`` and the API in ``partnerships.api.partnership_actor`` (and
    ``partnership_actors``). An endpoint that called ``actor_for`` itself read a partnership
    that requires two-factor with a password-only session."""
    one_way = ROOT / "partnerships" / "api.py"
    callers = sorted(
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("api.py")
        if path != one_way and "actor_for(" in path.read_text()
    )
    assert not callers, f"Use partnerships.api.partnership_actor(s) instead, in: {callers}"


def test_every_email_is_written_in_templates() -> None:
    """One way to write an e-mail (``core.emails``): nothing else calls Django's mail API."""
    senders = {
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*.py")
        if "tests" not in p.parts
        and p.name != "emails.py"
        and re.search(
            r"\b(send_mail|send_mass_mail|EmailMessage|EmailMultiAlternatives)\(", p.read_text()
        )
    }
    assert not senders, f"Send these through core.emails.send_email, words in templates: {senders}"

"""Fixtures for the browser tests: Debian Chromium through Playwright against a live server of
the demo data, with axe-core and full-page screenshots.

Only tests that ask for these fixtures start a browser; every test in this package is marked
``browser`` so that ``pytest -m "not browser"`` never starts one.

axe-core and the Content-Security-Policy: ``page.add_script_tag(path=...)`` would inline the
script, which our CSP (no 'unsafe-inline') rightly blocks. Instead each browser context gets
axe-core as a Playwright *init script* (``context.add_init_script``): the browser itself evaluates
it in every new document through the DevTools protocol, which the page's CSP does not govern.
The production CSP stays exactly as it is and is enforced on everything the page loads (a CSP
violation on any page fails the test); nothing test-only is added to the settings, the URLs or
the static files, and no ``bypass_csp`` is needed. (Routing a same-origin URL to the file with
``context.route`` works too, but costs a round trip through Python for 0.5 MB on every page.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from assurance.browser_tests.browsing import AXE_JS, Browse, late_forms_script

# Playwright's sync API runs an event loop in this thread; Django must still let the test code
# touch the database from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "screenshots"
STATIC_BUILD = settings.BASE_DIR / "assurance" / "static_build"
VIEWPORT = {"width": 1280, "height": 800}


def _missing(what: str) -> None:
    """No browser here: fail on CI (nothing may be skipped there), skip loudly elsewhere."""
    message = f"BROWSER TESTS NOT RUN: {what}"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def static_build() -> Path:
    """The compiled CSS and GOV.UK assets that the live server serves."""
    if not (STATIC_BUILD / "assurance.css").exists():
        subprocess.run(  # noqa: S603 - a fixed script of this repository
            ["bash", str(settings.BASE_DIR / "scripts" / "build_static.sh")],  # noqa: S607
            check=True,
            cwd=settings.BASE_DIR,
        )
    # WhiteNoise warns about a missing STATIC_ROOT; collectstatic is for production only.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    return STATIC_BUILD


@pytest.fixture(scope="session")
def browser(static_build: Path) -> Iterator[Any]:
    """One headless Chromium for the whole run."""
    if not CHROMIUM.exists():
        _missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE_JS.exists():
        _missing(f"no axe-core at {AXE_JS} (npm install)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        _missing("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """test-artifacts/screenshots/, emptied at the start of the run (by one xdist worker)."""
    if os.environ.get("PYTEST_XDIST_WORKER", "gw0") == "gw0":
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="module")
def demo_server(
    django_db_setup: None, django_db_blocker: Any, demo_database: Any, static_build: Path
) -> Iterator[Any]:
    """The demo partnerships, served by a live server, for one test module.

    pytest-django's ``live_server`` fixture forces ``transactional_db``, which empties the
    database after every test, so the demo would be reloaded for every test. Instead the demo is
    put in once per module, committed (so the server thread sees it; on in-memory SQLite a copy
    of the demo this process loaded once, ``assurance/tests/demo_database.py``), served by
    pytest-django's own ``LiveServer`` helper (which shares an in-memory SQLite connection with
    the server thread), and taken away when the module ends so that no other test sees it.
    Module scope keeps this safe under pytest-randomly, which shuffles modules but keeps each
    module's tests together.

    Each test is marked ``django_db`` (not transactional): pytest-django then creates the test
    database, and wraps the test in a transaction that is rolled back (on SQLite the server
    thread shares that connection, so what the test adds through the browser goes too; on
    PostgreSQL the server commits, and the flush at the end removes it).
    """
    from pytest_django.live_server_helper import LiveServer

    _refuse_unless_test_database()
    # The database stays open for the module: the server's thread reads it on every request,
    # and module-scoped fixtures (a phone signed in once) make requests outside any test
    with django_db_blocker.unblock():
        demo_database.load_committed()
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            demo_database.remove_committed()


def _refuse_unless_test_database() -> None:
    """The fixture flushes the database: make sure it is the test database. (pytest-django only
    creates one when a collected test is marked ``django_db``; the test modules here are.)"""
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if not in_memory and "test" not in name.rsplit("/", 1)[-1]:
        pytest.fail(f"refusing to load the demo into {name!r}: it is not a test database")


@pytest.fixture
def browse(browser: Any, demo_server: Any, screenshot_dir: Path) -> Iterator[Callable[..., Browse]]:
    """``browse(name, viewport=None)``: a fresh browser context and page (no one signed in yet);
    screenshots go to ``test-artifacts/screenshots/<name>/``."""
    contexts: list[Any] = []
    axe_js = AXE_JS.read_text(encoding="utf-8")
    late_forms = late_forms_script()

    def make(role: str, viewport: dict[str, int] | None = None) -> Browse:
        context = browser.new_context(viewport=viewport or VIEWPORT, locale="en-GB")
        contexts.append(context)
        context.add_init_script(script=axe_js)
        if late_forms:
            context.add_init_script(script=late_forms)
        page = context.new_page()
        page.set_default_timeout(10_000)
        b = Browse(
            page=page,
            base_url=demo_server.url,
            role=role,
            screenshot_dir=screenshot_dir,
            late_forms=bool(late_forms),
        )
        b.watch()
        return b

    yield make
    for context in contexts:
        context.close()

"""Fixtures for the browser tests: Debian Chromium through Playwright against pytest-django's
live server, the demo data, axe-core and full-page screenshots.

Only tests that ask for these fixtures start a browser; every test in this package is marked
``browser`` so that ``pytest -m "not browser"`` never starts one.

axe-core and the Content-Security-Policy: ``page.add_script_tag(path=...)`` would inline the
script, which our CSP (no 'unsafe-inline') rightly blocks. Instead each browser context routes
one same-origin URL, ``/__browser-tests__/axe.min.js``, to the file in ``node_modules``, and the
page loads it with an ordinary ``<script src>``. The production CSP stays exactly as it is and is
enforced during the tests (a CSP violation on any page fails the test), and nothing test-only is
added to the settings, the URLs or the static files.
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

from assurance.browser_tests.browsing import AXE_JS, AXE_PATH, Browse

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
    if os.environ.get("CI"):
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


@pytest.fixture
def demo_data(transactional_db: None) -> None:
    """The demo partnerships, loaded into the test database for each test (about 0.2 s).

    ``live_server`` needs ``transactional_db``, which empties the tables after every test, so
    the data cannot be shared between tests; keep the number of test functions small.
    """
    from django.core.management import call_command

    call_command("demo", quiet_logins=True)


@pytest.fixture
def browse(
    browser: Any, live_server: Any, demo_data: None, screenshot_dir: Path
) -> Iterator[Callable[..., Browse]]:
    """``browse(name, viewport=None)``: a fresh browser context and page (no one signed in yet);
    screenshots go to ``test-artifacts/screenshots/<name>/``."""
    contexts: list[Any] = []
    axe_js = AXE_JS.read_text(encoding="utf-8")

    def make(role: str, viewport: dict[str, int] | None = None) -> Browse:
        context = browser.new_context(viewport=viewport or VIEWPORT, locale="en-GB")
        contexts.append(context)
        context.route(
            f"{live_server.url}{AXE_PATH}",
            lambda route: route.fulfill(status=200, content_type="text/javascript", body=axe_js),
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        b = Browse(page=page, base_url=live_server.url, role=role, screenshot_dir=screenshot_dir)
        b.watch()
        return b

    yield make
    for context in contexts:
        context.close()

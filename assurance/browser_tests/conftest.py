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
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; Django must still let the test code
# touch the database from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_JS = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__browser-tests__/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
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
    """test-artifacts/screenshots/, emptied at the start of the run."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture
def demo_data(transactional_db: None) -> None:
    """The demo partnerships, loaded into the test database for each test (about 0.2 s).

    ``live_server`` needs ``transactional_db``, which empties the tables after every test, so
    the data cannot be shared between tests; keep the number of test functions small.
    """
    from django.core.management import call_command

    call_command("demo", quiet_logins=True)


# --- the page helper ----------------------------------------------------------------------------


@dataclass
class Visit:
    """What the helper saw on one page."""

    url: str
    name: str
    title: str


@dataclass
class Browse:
    """One browser context (one signed-in role) with the checks every page gets."""

    page: Any
    base_url: str
    role: str
    screenshot_dir: Path
    visited: list[Visit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def goto(self, path: str, *, status: int = 200) -> Any:
        response = self.page.goto(self.url(path) if path.startswith("/") else path)
        assert response is not None, f"{path}: no response"
        assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"
        return response

    def sign_in(self, email: str, password: str | None = None) -> None:
        """Through the real sign-in form."""
        self.goto("/accounts/sign-in/")
        self.page.get_by_label("E-mail address").fill(email)
        self.page.get_by_label("Password").fill(password or settings.DEMO_PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_load_state()

    def check(self, name: str) -> Visit:
        """Screenshot the current page and run axe-core on it; record any problem."""
        visit = Visit(url=self.page.url, name=name, title=self.page.title())
        self.visited.append(visit)
        path = self.screenshot_dir / self.role / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
        violations = run_axe(self.page)
        if violations:
            self.problems.append(f"{name} ({visit.url}):\n{format_violations(violations)}")
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            self.problems.append(
                f"{name} ({visit.url}): the page scrolls sideways, {overflow}px wider than the "
                f"{self.page.viewport_size['width']}px window (a table or long word overflows)"
            )
        return visit

    def assert_clean(self) -> None:
        problems = list(self.problems)
        problems += [f"browser console: {message}" for message in self.console_errors]
        assert not problems, (
            f"{self.role}: {len(problems)} page(s) with problems\n\n" + "\n\n".join(problems)
        )

    @property
    def console_errors(self) -> list[str]:
        return self.page.context.console_errors  # type: ignore[no-any-return]


def run_axe(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
    result = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return {
                passes: results.passes.length,
                violations: results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary})),
                })),
            };
        }""",
        AXE_TAGS,
    )
    assert result["passes"] > 0, f"axe-core checked nothing on {page.url}"
    return list(result["violations"])


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            summary = " ".join(str(node["summary"] or "").split())
            lines.append(f"      at {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.fixture
def browse(
    browser: Any, live_server: Any, demo_data: None, screenshot_dir: Path
) -> Iterator[Callable[..., Browse]]:
    """``browse(name, viewport=None)``: a fresh browser context and page (no one signed in yet);
    screenshots go to ``test-artifacts/screenshots/<name>/``."""
    contexts: list[Any] = []
    axe_source = AXE_JS.read_text(encoding="utf-8")

    def make(role: str, viewport: dict[str, int] | None = None) -> Browse:
        context = browser.new_context(viewport=viewport or VIEWPORT, locale="en-GB")
        contexts.append(context)
        context.console_errors = []
        context.route(
            f"{live_server.url}{AXE_PATH}",
            lambda route: route.fulfill(
                status=200, content_type="text/javascript", body=axe_source
            ),
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on(
            "console",
            lambda msg: (
                context.console_errors.append(f"{page.url}: {msg.text}")
                if msg.type == "error" and not _expected_console_error(msg.text)
                else None
            ),
        )
        page.on("pageerror", lambda exc: context.console_errors.append(f"{page.url}: {exc}"))
        page.on(
            "response",
            lambda response: (
                context.console_errors.append(
                    f"{page.url}: {response.request.resource_type} {response.url} "
                    f"answered HTTP {response.status}"
                )
                if response.status >= 400 and response.request.resource_type != "document"
                else None
            ),
        )
        return Browse(page=page, base_url=live_server.url, role=role, screenshot_dir=screenshot_dir)

    yield make
    for context in contexts:
        context.close()


def _expected_console_error(text: str) -> bool:
    """Chromium logs every 4xx response; the tests that expect them assert the status."""
    return bool(
        re.search(r"Failed to load resource: the server responded with a status of 40[34]", text)
    )

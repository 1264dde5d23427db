"""The page helper of the browser tests: one browser context, and the checks every page gets
(a full-page screenshot, axe-core, one <h1>, a page title, no sideways scrolling, no browser
errors)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

AXE_JS = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Pages checked in this run: hash of (window width, HTML) → (screenshot, findings).
_CHECKED: dict[str, tuple[Path, list[str]]] = {}
_CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def late_forms_script() -> str:
    """With ``BROWSER_LATE_FORMS=<milliseconds>``, a script that sends every form that long after
    it is submitted: a test that goes on with the page it is leaving (instead of
    ``Browse.click_through`` or an ``expect`` of the next page) then fails every time. Off by
    default; run the browser tests with it after changing them."""
    late = os.environ.get("BROWSER_LATE_FORMS", "")
    if not late:
        return ""
    if not late.isdigit():
        pytest.fail(f"BROWSER_LATE_FORMS={late!r}: give a number of milliseconds, e.g. 400")
    script = (Path(__file__).parent / "late_forms.js").read_text(encoding="utf-8")
    return script.replace("LATE_MS", late)


# Chromium logs every 4xx answer to a page load; the tests that expect one assert the status.
_EXPECTED_CONSOLE = re.compile(
    r"Failed to load resource: the server responded with a status of 4(0[349]|10)"
)


@dataclass
class Browse:
    """One browser context (one role) and the checks every page gets."""

    page: Any
    base_url: str
    role: str
    screenshot_dir: Path
    visited: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reused: int = 0
    late_forms: bool = False  # its context sends forms late (late_forms_script)

    def watch(self) -> None:
        """Record browser errors: script errors, CSP violations, failed sub-resources."""
        page = self.page

        def on_console(message: Any) -> None:
            if message.type == "error" and not _EXPECTED_CONSOLE.search(message.text):
                self.errors.append(f"{page.url}: {message.text}")

        def on_response(response: Any) -> None:
            if response.status >= 400 and response.request.resource_type != "document":
                self.errors.append(
                    f"{page.url}: {response.request.resource_type} {response.url} "
                    f"answered HTTP {response.status}"
                )

        page.on("console", on_console)
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        page.on("response", on_response)

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
        self.click_through(self.page.get_by_role("button", name="Sign in"))

    def click_through(self, target: Any) -> None:
        """Click ``target`` (a button that sends a form, a link) and wait until the page it
        leads to has loaded.

        A click waits for a navigation that it sees begin, but a form is sent a moment after
        the click (the browser queues it): on a loaded machine the click can return first, and
        ``wait_for_load_state()`` then answers for the page being left, already loaded. What the
        test read or filled next was that page, lost as the next one arrived (seen on CI: a
        return's page saved empty, so the return could not be submitted).
        """
        # The target being there means any page it is on has arrived; its load is awaited so
        # that the navigation expected is the click's, not the one before it.
        target.wait_for()
        self.page.wait_for_load_state()
        with self.page.expect_navigation():
            target.click()

    def check(self, name: str) -> None:
        """Screenshot the current page as ``<role>/<name>.png``, run axe-core on it and check
        that it has one <h1>, a title naming the page and the service, and does not scroll
        sideways; problems are collected for ``assert_clean``.

        A page exactly like one already checked in this run (same HTML but for CSRF tokens, same
        window width; often so for roles with the same permissions) gets a copy of that
        screenshot and the same findings instead of being rendered and checked again.
        """
        # A click on a link returns once the next page has started loading: its document may not
        # even have a root element yet (seen on CI). Wait for it, as a person would.
        self.page.wait_for_load_state()
        url = self.page.url
        if self.late_forms and self._form_being_sent():
            self.problems.append(
                f"{name} ({url}): checked while a form of the page was still being sent; "
                "wait for the next page (Browse.click_through)"
            )
        self.visited.append(name)
        path = self.screenshot_dir / self.role / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        width = self.page.viewport_size["width"]
        html = _CSRF_TOKEN.sub("", self.page.content())
        key = hashlib.sha256(f"{width}\n{html}".encode()).hexdigest()
        try:
            shot, findings = _CHECKED[key]
            shutil.copyfile(shot, path)
            self.reused += 1
        except (KeyError, FileNotFoundError):  # new, or another run emptied the folder
            self._screenshot(path)
            findings = page_findings(self.page)
            _CHECKED[key] = (path, findings)
        self.problems += [f"{name} ({url}): {finding}" for finding in findings]

    def _form_being_sent(self) -> bool:
        """Whether late_forms.js holds a form of this page, still to be sent (or has just sent
        it: the page is going)."""
        from playwright.sync_api import Error

        try:
            return bool(self.page.evaluate("() => window.assuranceFormLate === true"))
        except Error:  # the page went while being asked
            return True

    def _screenshot(self, path: Path) -> None:
        """A full-page screenshot, at most ``_TALLEST_SHOT`` pixels of it. Chromium refuses to
        capture a very tall page in one image ("Unable to capture screenshot", seen on CI with a
        page of the business unit's walk), and can refuse once when the machine is busy: the
        second try takes the visible window only, so the page's checks still run."""
        from playwright.sync_api import Error

        width = self.page.viewport_size["width"]
        height = self.page.evaluate("() => document.documentElement.scrollHeight")
        clip = {"x": 0, "y": 0, "width": width, "height": min(height, _TALLEST_SHOT)}
        try:
            self.page.screenshot(path=str(path), full_page=True, clip=clip)
        except Error:
            self.page.wait_for_timeout(500)
            self.page.screenshot(path=str(path))

    def assert_clean(self) -> None:
        problems = self.problems + [f"browser error: {error}" for error in self.errors]
        assert not problems, f"{self.role}: {len(problems)} problem(s)\n\n" + "\n\n".join(problems)


# Taller pages are photographed down to here only (Chromium's largest capture is 16,384 px).
_TALLEST_SHOT = 12_000

PHONE = {"width": 375, "height": 800}  # the narrowest window every page must fit

# How far the page reaches beyond the window, and what reaches out furthest (so a failure names
# the table or word to fix).
_SIDEWAYS_JS = """() => {
    const width = window.innerWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const culprits = [];
    if (overflow > 0) {
        for (const el of document.querySelectorAll("body *")) {
            const right = el.getBoundingClientRect().right + window.scrollX;
            if (right > width + 1 && !el.closest("[role=region], .app-table-container")) {
                const id = el.id ? "#" + el.id : "";
                const cls = el.classList.length ? "." + [...el.classList].join(".") : "";
                culprits.push(`${el.tagName.toLowerCase()}${id}${cls} (to ${Math.round(right)}px)`);
            }
        }
    }
    return {overflow, width, culprits: culprits.slice(0, 5)};
}"""


def sideways_scroll(page: Any) -> str:
    """ "" when the page fits its window (``document.documentElement.scrollWidth <=
    window.innerWidth``), else what is wrong: how far it overflows and the elements that reach
    furthest. A wide table is fine inside its own scrolling region (``app-table-container``)."""
    facts = page.evaluate(_SIDEWAYS_JS)
    if facts["overflow"] <= 0:
        return ""
    return (
        f"the page scrolls sideways, {facts['overflow']}px wider than the {facts['width']}px "
        f"window (a table or a long word overflows): {', '.join(facts['culprits'])}"
    )


def assert_fits_window(page: Any) -> None:
    """The page does not scroll sideways at the window's width (use it at 375 px: ``PHONE``)."""
    problem = sideways_scroll(page)
    assert not problem, f"{page.url}: {problem}"


def page_findings(page: Any) -> list[str]:
    """What is wrong with the page as it is now: axe-core violations, the number of <h1>s, the
    title, sideways scrolling."""
    findings = []
    violations = run_axe(page)
    if violations:
        findings.append("axe-core violations:\n" + format_violations(violations))
    facts = page.evaluate(
        """() => ({h1s: document.querySelectorAll("h1").length, title: document.title})"""
    )
    if facts["h1s"] != 1:
        findings.append(f"{facts['h1s']} <h1> headings, expected exactly one")
    title = facts["title"]
    if not title.endswith(f"– {settings.SERVICE_NAME}") or title.startswith(" –"):
        findings.append(f"page title {title!r} does not say what it is")
    sideways = sideways_scroll(page)
    if sideways:
        findings.append(sideways)
    return findings


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.x A and AA violations on the page as it is now."""
    assert page.evaluate("typeof window.axe !== 'undefined'"), "axe-core is not loaded"
    result = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
            });
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
    """Rule, impact, help and the first few elements of each violation, one per line."""
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            summary = " ".join(str(node["summary"] or "").split())
            lines.append(f"      at {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)

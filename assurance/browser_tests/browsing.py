"""The page helper of the browser tests: one browser context, and the checks every page gets
(a full-page screenshot, axe-core, one <h1>, a page title, no sideways scrolling, no browser
errors)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

AXE_JS = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Same-origin, so the CSP's script-src 'self' allows it; each context routes it to AXE_JS.
AXE_PATH = "/__browser-tests__/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Chromium logs every 4xx answer to a page load; the tests that expect one assert the status.
_EXPECTED_CONSOLE = re.compile(
    r"Failed to load resource: the server responded with a status of 40[34]"
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
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_load_state()

    def check(self, name: str) -> None:
        """Screenshot the current page as ``<role>/<name>.png``, run axe-core on it and check
        that it has one <h1>, a title naming the page and the service, and does not scroll
        sideways; problems are collected for ``assert_clean``."""
        url = self.page.url
        self.visited.append(name)
        path = self.screenshot_dir / self.role / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
        violations = run_axe(self.page)
        if violations:
            self.problems.append(f"{name} ({url}):\n{format_violations(violations)}")
        h1s = self.page.locator("h1").count()
        if h1s != 1:
            self.problems.append(f"{name} ({url}): {h1s} <h1> headings, expected exactly one")
        title = self.page.title()
        if not title.endswith(f"– {settings.SERVICE_NAME}") or title.startswith(" –"):
            self.problems.append(f"{name} ({url}): page title {title!r} does not say what it is")
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            self.problems.append(
                f"{name} ({url}): the page scrolls sideways, {overflow}px wider than the "
                f"{self.page.viewport_size['width']}px window (a table or long word overflows)"
            )

    def assert_clean(self) -> None:
        problems = self.problems + [f"browser error: {error}" for error in self.errors]
        assert not problems, f"{self.role}: {len(problems)} problem(s)\n\n" + "\n\n".join(problems)


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.x A and AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
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

"""Every main page of the demo on a phone (375 px wide): it fits the window, so the page never
scrolls sideways (wide tables scroll inside their own labelled, focusable region), and it passes
axe-core, as the business unit of Northfield sees it.

One signed-in browser page serves the whole module; each page is its own test so that a failure
names the page. A page that needs a record finds it in the demo by its title."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from assurance.audits.models import Audit
from assurance.browser_tests.browsing import AXE_JS, PHONE, Browse, assert_fits_window
from assurance.partnerships.models import Priority

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

P = "/p/northfield/"


def _audit() -> str:
    audit = Audit.unscoped.get(partnership__slug="northfield", title="Neglect deep dive 2025/26")
    return f"{P}audits/{audit.pk}/"


def _scorecard() -> str:
    priority = Priority.unscoped.filter(partnership__slug="northfield", title="Neglect").first()
    assert priority is not None, "the demo has no Neglect priority"
    return f"{P}data-set/scorecards/{priority.pk}/"


PAGES: dict[str, Callable[[], str]] = {
    "home": lambda: P,
    "audit-programme": lambda: f"{P}audits/",
    "audit-detail": _audit,
    "audit-findings": lambda: _audit() + "findings/",
    "action-log": lambda: f"{P}actions/",
    "action-plans": lambda: f"{P}actions/plans/",
    "learning": lambda: f"{P}learning/",
    "learning-themes": lambda: f"{P}learning/themes/",
    "recommendations": lambda: f"{P}recommendations/",
    "meetings": lambda: f"{P}meetings/",
    "decision-log": lambda: f"{P}decisions/",
    "challenges": lambda: f"{P}challenges/",
    "frameworks": lambda: f"{P}frameworks/",
    "data-set": lambda: f"{P}data-set/",
    "targets": lambda: f"{P}data-set/targets/",
    "collection-rounds": lambda: f"{P}data-set/collection/",
    "scorecards": lambda: f"{P}data-set/scorecards/",
    "scorecard-table": _scorecard,
    "scorecard-cards": lambda: _scorecard() + "?view=cards",
    "exception-report": lambda: f"{P}data-set/exceptions/",
    "indicator-national": lambda: f"{P}data-set/WF-TURNOVER/",
    "indicator-own-returns": lambda: f"{P}data-set/CSC-REF/",
    "agencies": lambda: f"{P}agencies/",
    "groups": lambda: f"{P}groups/",
    "priorities": lambda: f"{P}priorities/",
    "people": lambda: f"{P}people/",
    "settings": lambda: f"{P}settings/",
}


@pytest.fixture(scope="module")
def phone(browser: Any, demo_server: Any, screenshot_dir: Path) -> Iterator[Browse]:
    """The business unit signed in once, in a 375 px wide window, for every page."""
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    context.add_init_script(script=AXE_JS.read_text(encoding="utf-8"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    b = Browse(page=page, base_url=demo_server.url, role="phone", screenshot_dir=screenshot_dir)
    b.watch()
    b.sign_in("business-unit@northfield.example", settings.DEMO_PASSWORD)
    yield b
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_fits_a_phone(phone: Browse, name: str) -> None:
    phone.problems.clear()
    phone.errors.clear()
    phone.goto(PAGES[name]())
    assert_fits_window(phone.page)
    phone.check(name)
    phone.assert_clean()

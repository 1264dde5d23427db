"""Every demo role signs in through the real form and walks every page it can reach.

For each role the test starts at the home page (the to-do list) and follows every link inside the
partnership, breadth first, visiting one page per URL shape (``agencies/<id>/history/`` once,
not once per agency). Each page must answer 200 (a link the role cannot follow is a bug), gets a
full-page screenshot in ``test-artifacts/screenshots/<role>/`` and an axe-core run with zero
WCAG 2.x A/AA violations allowed, and must log no browser error (a CSP violation, a missing
stylesheet). New capabilities' pages are walked as soon as they are linked from the navigation.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from assurance.browser_tests.browsing import Browse
from assurance.partnerships.models import Agency, Group, Partnership, Person

# django_db: the test database must exist (the demo is loaded into it once per module).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARTNERSHIP = "/p/northfield/"
MAX_PAGES = 300  # a guard against a walk that never ends (the business unit reaches ~210 kinds)

# The pages each role must have reached (by URL shape), and shapes it must never be offered.
READ = {"home", "priorities", "account"}
PRACTITIONER = READ | {"agencies", "agencies-id", "groups", "groups-id"}
PEOPLE = {"people", "people-id"}
FORMS = {
    "agencies-new",
    "agencies-id-change",
    "groups-new",
    "groups-id-change",
    "groups-id-members-new",
    "groups-id-members-id-change",
    "priorities-new",
    "priorities-id-change",
    "people-new",
    "people-id-change",
    "settings",
}
HISTORY = {
    "agencies-id-history",
    "groups-id-history",
    "priorities-id-history",
    "people-id-history",
    "settings-history",
}

ROLES: dict[str, tuple[set[str], set[str]]] = {
    # role: (must reach, must not be offered)
    "business-unit": (PRACTITIONER | PEOPLE | FORMS | HISTORY, set()),
    "scrutineer": (PRACTITIONER | PEOPLE, FORMS),
    "viewer": (READ, {"agencies", "groups", "people"} | FORMS),
    "group-member": (PRACTITIONER, PEOPLE | FORMS),
    "la-lead": (PRACTITIONER | PEOPLE, FORMS),
    "la-auditor": (PRACTITIONER, PEOPLE | FORMS),
    "police-lead": (PRACTITIONER | PEOPLE, FORMS),
    "police-auditor": (PRACTITIONER, PEOPLE | FORMS),
    "health-lead": (PRACTITIONER | PEOPLE, FORMS),
    "hospital-lead": (PRACTITIONER | PEOPLE, FORMS),
}

# Account pages beyond "Your account" are the same for everyone: walk them once.
ACCOUNT_PAGES_FOR = "business-unit"


def _shape(part: str) -> str:
    """A path segment that names one record (a number, or a code such as ``CSC-CIN``) → "id"."""
    return "id" if part.isdigit() or part != part.lower() else part


def page_name(path: str) -> str:
    """``/p/northfield/agencies/12/history/`` → ``agencies-id-history``: one name per kind of
    page, so that the walk visits one agency (or indicator) rather than all of them."""
    if path.startswith(PARTNERSHIP):
        parts = [_shape(part) for part in path[len(PARTNERSHIP) :].split("/") if part]
        return "-".join(parts) or "home"
    parts = [_shape(part) for part in path.split("/") if part]
    if parts and parts[0] == "accounts":
        parts[0] = "account"
    return "-".join(parts) or "root"


def in_scope(path: str, role: str) -> bool:
    if path.startswith(PARTNERSHIP):
        return True
    if path == "/accounts/":
        return True
    if role == ACCOUNT_PAGES_FOR:
        return path in {
            "/accounts/password/",
            "/accounts/two-factor/",
            "/accessibility/",
            "/privacy/",
        }
    return False


def is_download(path: str) -> bool:
    """A file (report, export), not a page: it has an extension."""
    return "." in path.rstrip("/").rsplit("/", 1)[-1]


def walk(b: Browse) -> dict[str, str]:
    """Breadth-first over the links of the partnership; returns {page name: path}.

    Files (``a[download]``, a path with an extension, an answer that is not HTML or that the
    browser downloads) are requested but not checked as pages.
    """
    queue = [urlsplit(b.page.url).path]
    seen: dict[str, str] = {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        name = page_name(path)
        if name in seen:
            continue
        seen[name] = path
        if b.page.url != b.url(path):
            try:
                response = b.goto(path)
            except PlaywrightError as exc:
                if "Download is starting" in str(exc):
                    continue
                raise
            if "text/html" not in response.headers.get("content-type", ""):
                continue
        b.check(name)
        hrefs = b.page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(a => a.href)"
        )
        for href in hrefs:
            parts = urlsplit(href)
            if parts.netloc != urlsplit(b.base_url).netloc or not in_scope(parts.path, b.role):
                continue
            if is_download(parts.path):
                continue
            if page_name(parts.path) not in seen:
                queue.append(parts.path)
    left = sorted({page_name(path) for path in queue} - seen.keys())
    assert not left, f"the walk stopped at {MAX_PAGES} kinds of page; not visited: {left}"
    return seen


@pytest.mark.parametrize("role", list(ROLES))
def test_role_walks_every_page_it_can_use(browse, role: str) -> None:
    b = browse(role)
    b.sign_in(f"{role}@northfield.example")
    assert b.page.url == b.url(PARTNERSHIP), f"{role} landed on {b.page.url}"
    assert b.page.get_by_role("heading", level=1).count() == 1
    assert b.page.locator("#main-content").get_by_text("to do", exact=False).count() > 0, (
        "the home page shows no to-do list"
    )

    seen = walk(b)

    must_reach, must_not = ROLES[role]
    missing = sorted(must_reach - seen.keys())
    offered = sorted(seen.keys() & must_not)
    assert not missing, f"{role} could not reach {missing}; reached {sorted(seen)}"
    assert not offered, f"{role} was offered {offered}"

    # A page the role may not use, typed in: the GOV.UK-styled 403 page.
    if "agencies" in must_not:
        b.goto(PARTNERSHIP + "agencies/", status=403)
        expect(b.page.get_by_role("heading", level=1)).to_have_text(
            "You do not have permission to see this page"
        )
        b.check("agencies-forbidden")
    b.assert_clean()


MOBILE = {"width": 375, "height": 812}
MOBILE_PAGES = [
    "",
    "agencies/",
    "agencies/{agency}/",
    "agencies/{agency}/history/",
    "agencies/new/",
    "groups/",
    "groups/{group}/",
    "priorities/",
    "people/",
    "people/{person}/",
]


def test_business_unit_pages_fit_a_phone(browse) -> None:
    """The widest pages at 375px: nothing may make the page scroll sideways."""
    northfield = Partnership.unscoped.get(slug="northfield")
    ids = {
        "agency": Agency.objects_for(northfield).get(name="Northfield Borough Council").pk,
        "group": Group.objects_for(northfield).get(short_name="LSCP").pk,
        "person": Person.objects_for(northfield).get(email="business-unit@northfield.example").pk,
    }
    b = browse("business-unit-phone", viewport=MOBILE)
    b.sign_in("business-unit@northfield.example")
    # Your account and Sign out stay in the header; the sections fold into a Menu button.
    expect(b.page.get_by_role("button", name="Sign out")).to_be_in_viewport()
    menu = b.page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    section = b.page.locator("#navigation").get_by_role("link", name="Partnership", exact=True)
    expect(section).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(section).to_be_visible()
    b.check("home-menu-open")
    for page in MOBILE_PAGES:
        path = PARTNERSHIP + page.format(**ids)
        b.goto(path)
        b.check(page_name(path))
    b.assert_clean()

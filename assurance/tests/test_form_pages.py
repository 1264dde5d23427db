"""Every form page of the service, as someone allowed to use it, empty and then submitted empty:
its labels, page title and error summary must tell the truth.

* no label says "(optional)" twice (a label written with "(optional)" and the shared field
  template adding it again);
* the page title starts "Error: " at most once;
* every link in the error summary leads to an element of the page (GOV.UK: each error links to
  its field), and a field that is not required is not refused as missing.

If this fails after adding a form page, fix the page through the shared form rendering
(``core.forms``, ``templates/forms/``, ``core/form_page.html``), not by special-casing it here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from assurance.core.tests.matrix import ALLOW, ANONYMOUS, SOUTHVALE
from assurance.partnerships.viewmixins import FormPageView
from assurance.tests.url_table import all_patterns, matrix, url_for


class _Page(HTMLParser):
    """The ids of a page, the targets of its error summary's links, its title and labels."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.summary_targets: list[str] = []
        self.title = ""
        self.labels: list[str] = []
        self._in_summary = 0
        self._stack: list[str] = []
        self._label: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        classes = str(attributes.get("class") or "")
        if tag == "div":
            self._stack.append(classes)
            if "govuk-error-summary" in classes.split():
                self._in_summary += 1
        if tag == "a" and self._in_summary and str(attributes.get("href", "")).startswith("#"):
            self.summary_targets.append(str(attributes["href"])[1:])
        if tag in {"label", "legend"}:
            self._label = []
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._stack and "govuk-error-summary" in self._stack.pop().split():
            self._in_summary -= 1
        if tag in {"label", "legend"} and self._label is not None:
            self.labels.append(" ".join("".join(self._label).split()))
            self._label = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.append(data)
        if self._in_title:
            self.title += data


def page_problems(html: str) -> list[str]:
    """What is untrue on one rendered form page (empty: nothing)."""
    page = _Page()
    page.feed(html)
    problems = [
        f"label “{label}” says (optional) twice"
        for label in page.labels
        if len(re.findall(r"\(optional\)", label, re.IGNORECASE)) > 1
    ]
    if re.match(r"\s*Error:\s*Error:", page.title):
        problems.append(f"title “{page.title.strip()}” says Error twice")
    problems += [
        f"the error summary links to #{target}, which is not on the page"
        for target in page.summary_targets
        if target not in page.ids
    ]
    problems += [
        f"error message “{text}”"
        for text in re.findall(r"(Enter the (?:what|who|why|how|when|where|which)\b[^<]*)", html)
    ]
    return problems


def test_the_scan_finds_each_kind_of_problem() -> None:
    bad = (
        "<title>Error: Error: Plan an audit</title>"
        "<div class='govuk-error-summary'><div><a href='#id_lead'>Choose</a></div></div>"
        "<label for='id_x'>Where (optional) (optional)</label>"
        "<p>Enter the what this shows</p>"
    )
    assert len(page_problems(bad)) == 4
    good = (
        "<title>Error: Plan an audit</title>"
        "<div class='govuk-error-summary'><a href='#id_lead'>Choose</a></div>"
        "<label for='id_lead'>Lead (optional)</label><select id='id_lead'></select>"
    )
    assert page_problems(good) == []


def _form_pages() -> list[tuple[str, Any]]:
    return [
        (p.name, p)
        for p in all_patterns()
        if isinstance(getattr(p.view, "view_class", None), type)
        and issubclass(p.view.view_class, FormPageView)
    ]


def test_every_form_page_tells_the_truth(demo: None) -> None:
    expected, lookups, _ = matrix()
    users = get_user_model().objects
    wrong: list[str] = []
    pages = _form_pages()
    assert len(pages) >= 20, "is the scan finding the form pages?"
    for name, pattern in sorted(pages, key=lambda item: item[0]):
        row = expected[name]
        role = next(
            (
                r
                for r, o in sorted(row.outcomes.items())
                if o == ALLOW and r not in {ANONYMOUS, SOUTHVALE}
            ),
            None,
        )
        if role is None:
            continue
        client = Client(raise_request_exception=True)
        client.force_login(users.get(email=f"{role}@northfield.example"))
        url = url_for(pattern, expected, lookups)
        for method in ("get", "post"):
            response = getattr(client, method)(url, {})
            if response.status_code != 200:
                continue  # saved (nothing required) or redirected: nothing rendered to check
            wrong += [
                f"{method.upper()} {name} as {role}: {p}"
                for p in page_problems(response.content.decode())
            ]
    assert not wrong, "\n".join(wrong)

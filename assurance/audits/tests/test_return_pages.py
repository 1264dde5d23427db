"""Completing a return page by page (issue 9): the task list, a page per KLOE and the summary,
check your answers, and submitting; nothing typed is ever lost to a refusal; the error summary
links each problem to its own question; the returns list shows what is overdue.

Priya audits the police's records; Helen, the police lead, may edit the same return.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from assurance.audits import services
from assurance.audits.models import AgencyReturn, AuditStatus, ReturnStatus
from assurance.audits.tests.factories import add_case
from assurance.frameworks.models import Item, ScaleOption
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_return(audit: Any, northfield: Any, amira: Any, priya: Any) -> AgencyReturn:
    """The police return of a case at the auditing step, priya assigned to it."""
    case = add_case(audit, northfield, amira)
    agency_return = AgencyReturn.unscoped.get(case=case, agency=northfield.police)
    agency_return.auditors.add(priya)
    audit.status = AuditStatus.AUDITING
    audit.save()
    return agency_return


def _items(audit: Any) -> dict[str, Item]:
    return {i.code: i for i in Item.objects.filter(section__framework=audit.framework)}


def _option(item: Item, label: str) -> str:
    return str(ScaleOption.objects.get(scale=item.scale, label=label).pk)


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)" name="{name}"', html
    )
    assert found, f"no hidden {name} in the page"
    return found.group(1)


class Page:
    """A page of the return as a browser holds it: opened (GET), then posted with what was
    typed over the hidden fields it was opened with."""

    def __init__(self, client: Any, url: str) -> None:
        self.client, self.url = client, url
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        self.html = response.content.decode()

    def post(self, typed: dict[str, str], button: str = "continue") -> Any:
        names = [n for n in ("revision", "state") if f'name="{n}"' in self.html]
        hidden = {name: _hidden(self.html, name) for name in names}
        return self.client.post(self.url, {**hidden, **typed, button: button})


def _kloe_1(audit: Any, label: str = "Met", evidence: str = "Seen in the record.") -> dict:
    items = _items(audit)
    return {
        f"item_{items['1.1'].pk}": _option(items["1.1"], label),
        f"evidence_{items['1.1'].pk}": evidence,
        f"item_{items['1.2'].pk}": _option(items["1.2"], label),
    }


def _kloe_2(audit: Any) -> dict:
    items = _items(audit)
    return {
        f"item_{items['2.1'].pk}": _option(items["2.1"], "Partially met"),
        f"evidence_{items['2.1'].pk}": "Plan not reviewed.",
        f"item_{items['2.2'].pk}": _option(items["2.2"], "Met"),
    }


def _url(northfield: Any, agency_return: AgencyReturn, rest: str = "") -> str:
    return northfield.url(f"audits/returns/{agency_return.pk}/edit/{rest}")


def test_the_task_list_shows_each_section_its_status_and_how_many_are_completed(
    audit, northfield, priya, police_return, client_for
):
    client = client_for(priya)
    html = client.get(_url(northfield, police_return)).content.decode()
    assert "You have completed 0 of 3 sections" in html
    for number, title in [(1, "KLOE 1: Line of enquiry 1"), (2, "KLOE 2"), (3, "Summary")]:
        assert f'href="{_url(northfield, police_return, f"{number}/")}"' in html
        assert title in html
    assert html.count(">Not started</strong>") == 3

    Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit))
    partly = _kloe_2(audit)
    del partly[f"evidence_{_items(audit)['2.1'].pk}"]  # 2.1 needs its evidence
    Page(client, _url(northfield, police_return, "2/")).post(partly)

    html = client.get(_url(northfield, police_return)).content.decode()
    assert "You have completed 1 of 3 sections" in html
    statuses = re.findall(r'id="section-\d-status">\s*(.*?)\s*</div>', html, re.S)
    assert [re.sub(r"<[^>]+>", "", s).strip() for s in statuses] == [
        "Completed",
        "In progress",
        "Not started",
    ]


def test_save_and_continue_goes_page_by_page_to_check_your_answers(
    audit, northfield, priya, police_return, client_for
):
    client = client_for(priya)
    response = Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit))
    assert response.url == _url(northfield, police_return, "2/")
    response = Page(client, _url(northfield, police_return, "2/")).post(_kloe_2(audit))
    assert response.url == _url(northfield, police_return, "3/")
    summary = Page(client, _url(northfield, police_return, "3/"))
    assert "Evidence for" not in summary.html  # the summary page holds the summary only
    response = summary.post({"working_well": "Weekly visits."})
    assert response.url == _url(northfield, police_return, "check/")
    police_return.refresh_from_db()
    assert police_return.working_well == "Weekly visits."
    assert police_return.assessment.answers.count() == 4
    assert police_return.status == ReturnStatus.DRAFT


def test_each_save_keeps_the_answers_so_a_closed_tab_loses_nothing(
    audit, northfield, priya, police_return, client_for
):
    client = client_for(priya)
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers={},
        narrative={"working_well": "Weekly visits."},
        expected_revision=0,
    )
    response = Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit), "later")
    assert response.url == _url(northfield, police_return)
    police_return.refresh_from_db()
    # Saved, and the summary (on another page) is left as it was.
    assert police_return.working_well == "Weekly visits."
    labels = police_return.assessment.answers.values_list("option__label", flat=True)
    assert sorted(labels) == ["Met", "Met"]
    follow = client.get(response.url)
    assert "Your answers have been saved" in follow.content.decode()


def test_a_refused_submit_changes_nothing_so_the_next_save_and_submit_go_through(
    audit, northfield, priya, police_return, client_for
):
    """The issue's lost work: submit an incomplete return, edit, save, submit."""
    client = client_for(priya)
    Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit, evidence=""))
    police_return.refresh_from_db()
    revision, history = police_return.assessment.revision, police_return.history.count()
    second = Page(client, _url(northfield, police_return, "2/"))  # opened before submitting

    check = Page(client, _url(northfield, police_return, "check/"))
    refused = check.post({}, "submit")
    assert refused.status_code == 200
    assert "There is a problem" in refused.content.decode()
    police_return.refresh_from_db()
    assert police_return.status == ReturnStatus.DRAFT
    assert police_return.assessment.revision == revision  # the version did not move
    assert police_return.history.count() == history

    # The page opened before the refused submit still saves: it is not taken for a conflict.
    assert second.post(_kloe_2(audit)).status_code == 302
    assert (
        Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit)).status_code == 302
    )
    done = Page(client, _url(northfield, police_return, "check/")).post({}, "submit")
    assert done.url == northfield.url(f"audits/returns/{police_return.pk}/")
    police_return.refresh_from_db()
    assert police_return.status == ReturnStatus.SUBMITTED


def test_the_error_summary_links_each_missing_answer_to_its_own_row(
    audit, northfield, priya, police_return, client_for
):
    client = client_for(priya)
    Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit, evidence=""))
    html = Page(client, _url(northfield, police_return, "check/")).post({}, "submit")
    html = html.content.decode()
    summary = html.split('govuk-error-summary__list"')[1].split("</ul>")[0]
    links = re.findall(r'<a href="#(missing-\d+)">([^<]*)</a>', summary)
    items = _items(audit)
    assert links == [
        (f"missing-{items['1.1'].pk}", "1.1: give the evidence for your response."),
        (f"missing-{items['2.1'].pk}", "2.1: give a response."),
        (f"missing-{items['2.2'].pk}", "2.2: give a response."),
    ]
    for anchor, message in links:  # each message is on its own question, once
        assert html.count(f'id="{anchor}"') == 1
        row = html.split(f'id="{anchor}"')[1].split("</p>")[0]
        assert message in row
        assert html.split(f'id="{anchor}"')[0].rsplit("<p", 1)[1].count("govuk-error-message")
    # Each row links to its question on its own page.
    assert f'href="{_url(northfield, police_return, "2/")}#question-{items["2.2"].pk}"' in html


def test_a_sections_field_errors_each_link_to_their_own_field(
    audit, northfield, priya, police_return, client_for
):
    client = client_for(priya)
    items = _items(audit)
    typed = {
        **_kloe_1(audit, evidence="Seen at clinic, NHS number 943 476 5919."),
        f"evidence_{items['1.2'].pk}": "Postcode NF1 2AB on the referral.",
    }
    response = Page(client, _url(northfield, police_return, "1/")).post(typed)
    html = response.content.decode()
    summary = html.split('govuk-error-summary__list"')[1].split("</ul>")[0]
    hrefs = re.findall(r'href="#([^"]+)"', summary)
    assert hrefs == [f"id_evidence_{items['1.1'].pk}", f"id_evidence_{items['1.2'].pk}"]
    for anchor in hrefs:
        assert f'id="{anchor}-error"' in html  # the message is on the field itself
    assert "Seen at clinic" in html  # what was typed is still there
    assert not police_return.assessment.answers.exists()


def test_a_real_conflict_keeps_the_typed_answers_beside_what_the_other_person_saved(
    audit, northfield, priya, helen, police_return, client_for
):
    priyas = Page(client_for(priya), _url(northfield, police_return, "1/"))
    helens = Page(client_for(helen), _url(northfield, police_return, "1/"))
    assert helens.post(_kloe_1(audit, "Met", "Helen saw it.")).status_code == 302

    mine = _kloe_1(audit, "Not met", "Priya's own notes on the referral.")
    response = priyas.post(mine)
    assert response.status_code == 409
    html = response.content.decode()
    item = _items(audit)["1.1"]
    assert "Someone else saved this return after you opened this page, and changed 1.1" in html
    assert f'href="#question-{item.pk}"' in html
    assert "Priya&#x27;s own notes on the referral." in html  # her typing is kept
    assert f'value="{_option(item, "Not met")}" checked' in html
    assert "Saved by someone else meanwhile:</strong> Met. Evidence: Helen saw it." in html
    stored = police_return.assessment.answers.get(item=item)
    assert (stored.option.label, stored.evidence) == ("Met", "Helen saw it.")

    # Saving the page as it came back keeps hers, knowingly.
    priyas.html = html
    assert priyas.post(mine).status_code == 302
    stored.refresh_from_db()
    assert (stored.option.label, stored.evidence) == ("Not met", mine[f"evidence_{item.pk}"])


def test_someone_saving_another_page_meanwhile_is_not_a_conflict(
    audit, northfield, priya, helen, police_return, client_for
):
    priyas = Page(client_for(priya), _url(northfield, police_return, "1/"))
    assert (
        Page(client_for(helen), _url(northfield, police_return, "2/"))
        .post(_kloe_2(audit))
        .status_code
        == 302
    )
    assert priyas.post(_kloe_1(audit)).status_code == 302
    assert police_return.assessment.answers.count() == 4


def test_a_return_changed_since_its_answers_were_checked_is_not_submitted(
    audit, northfield, priya, helen, police_return, client_for
):
    client = client_for(priya)
    Page(client, _url(northfield, police_return, "1/")).post(_kloe_1(audit))
    Page(client, _url(northfield, police_return, "2/")).post(_kloe_2(audit))
    check = Page(client, _url(northfield, police_return, "check/"))
    Page(client_for(helen), _url(northfield, police_return, "1/")).post(_kloe_1(audit, "Not met"))
    response = check.post({}, "submit")
    assert response.url == _url(northfield, police_return, "check/")
    police_return.refresh_from_db()
    assert police_return.status == ReturnStatus.DRAFT
    assert "has not been submitted" in client.get(response.url).content.decode()


def test_a_submitted_return_cannot_be_opened_for_editing_and_pages_stop_at_the_summary(
    audit, northfield, priya, police_return, client_for
):
    client = client_for(priya)
    assert client.get(_url(northfield, police_return, "4/")).status_code == 404
    assert client.get(_url(northfield, police_return, "0/")).status_code == 404
    police_return.status = ReturnStatus.SUBMITTED
    police_return.save()
    for rest in ("", "1/", "check/"):
        response = client.get(_url(northfield, police_return, rest))
        assert response.url == northfield.url(f"audits/returns/{police_return.pk}/")


def test_your_returns_shows_what_is_overdue_and_offers_the_workbook(
    audit, northfield, priya, police_return, client_for
):
    police_return.due_date = date.today() - timedelta(days=1)
    police_return.save()
    html = client_for(priya).get(northfield.url("audits/my-returns/")).content.decode()
    assert "Overdue" in html
    assert f'href="{northfield.url(f"audits/{audit.pk}/returns.xlsx")}"' in html
    assert f'href="{northfield.url(f"audits/{audit.pk}/returns/upload/")}"' in html

    police_return.due_date = date.today()
    police_return.save()
    html = client_for(priya).get(northfield.url("audits/my-returns/")).content.decode()
    assert "Overdue" not in html

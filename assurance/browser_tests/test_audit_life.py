"""The whole life of a multi-agency case file audit, in a real browser, through the pages only.

The business unit plans a small audit (3 cases, police and health), scopes it and enters the
sample; the police and health leads assign their auditors; each auditor completes and submits
their agency's returns (neither can see the other's draft); the police lead sends one return
back with a comment and signs it off once it is resubmitted; the business unit records the
audit discussion meeting and the agreed grades, writes a key message, records the learning
event and, through the learning cycle, a recommendation resting on the audit's learning, and
closes the audit; a member of the partnership's group reads the findings; the report page and
its PDF show the figures that this test works out for itself from the answers it typed.
axe-core checks every page (see browsing.py).
"""

from __future__ import annotations

import io
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from assurance.browser_tests.browsing import Browse

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARTNERSHIP = "/p/northfield/"
TITLE = "Early help: a browser-test audit"
TOOL = "Multi-agency case file audit tool"
POLICE, HEALTH = "Northshire Police", "Northfield and Dale Integrated Care Board"
AGENCIES = {  # agency → (its lead, its auditor, the auditor's name)
    POLICE: ("police-lead", "police-auditor", "Priya Nandra"),
    HEALTH: ("health-lead", "health-auditor", "Kwame Asante"),
}
CASES = [  # age band, gender, ethnicity, why selected
    ("Under 1", "Girl", "White British", "Referred twice by the health visitor"),
    ("5 to 9", "Boy", "Asian Pakistani", "Early help plan closed then re-referred"),
    ("10 to 15", "Girl", "Black African", "Missing from school"),
]

# What the test knows about the tool's scales, independently of the code that counts them.
MEETS = {"Met", "Yes"}
NOT_APPLICABLE = {"Not applicable"}
Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal distribution


def optional(label: str) -> re.Pattern[str]:
    """A label that the form may mark "(optional)"."""
    return re.compile(rf"^{re.escape(label)}( \(optional\))?$")


def email(role: str) -> str:
    return f"{role}@northfield.example"


def wilson(successes: int, n: int) -> tuple[float, float, float]:
    """The 95% Wilson score interval (p, low, high) for successes out of n, written out here so
    that the test does not lean on the code it checks:

        centre = (p + z²/2n) / (1 + z²/n)
        half   = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
    """
    p = successes / n
    denominator = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denominator
    return p, max(0.0, centre - half), min(1.0, centre + half)


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def expected_row(labels: list[str], options: list[str], name: str) -> list[str]:
    """The row of a findings table for the answers ``labels`` (one per return)."""
    counts = Counter(labels)
    meeting = sum(1 for label in labels if label in MEETS)
    assessed = sum(1 for label in labels if label not in NOT_APPLICABLE)
    if assessed == 0:
        return [name, *(str(counts[o]) for o in options), "None assessed", "–"]
    p, low, high = wilson(meeting, assessed)
    return [
        name,
        *(str(counts[o]) for o in options),
        f"{meeting} of {assessed} ({pct(p)})",
        f"{pct(low)} to {pct(high)}",
    ]


def table_rows(table: Any) -> tuple[list[str], list[list[str]]]:
    """The header and the body rows of a table, as the text of each cell."""
    header = [" ".join(t.split()) for t in table.locator("thead th").all_inner_texts()]
    rows = []
    for row in table.locator("tbody tr").all():
        rows.append([" ".join(t.split()) for t in row.locator("th, td").all_inner_texts()])
    return header, rows


def flat(text: str) -> str:
    return " ".join(text.split())


class Walk:
    """The people of the walk, each in their own browser context, signed in once."""

    def __init__(self, browse: Any) -> None:
        self.browse = browse
        self.people: dict[str, Browse] = {}

    def __call__(self, role: str) -> Browse:
        if role not in self.people:
            b = self.browse(f"audit-life-{role}")
            b.sign_in(email(role))
            self.people[role] = b
        return self.people[role]

    def all(self) -> Iterator[Browse]:
        return iter(self.people.values())


def submit(b: Browse, name: str | re.Pattern[str]) -> None:
    b.click_through(b.page.get_by_role("button", name=name))


def success_banner(b: Browse) -> Any:
    return b.page.locator(".govuk-notification-banner--success")


def test_the_life_of_an_audit(browse, tmp_path: Path) -> None:
    walk = Walk(browse)
    today = date.today()

    # --- the business unit plans the audit -----------------------------------------------------
    bu = walk("business-unit")
    bu.page.get_by_role("link", name="Audits", exact=True).first.click()
    expect(bu.page.get_by_role("heading", level=1)).to_contain_text("Audit programme")
    bu.check("programme")
    bu.page.get_by_role("button", name="Plan an audit").click()
    expect(bu.page.get_by_role("heading", level=1)).to_have_text("Plan an audit")
    bu.check("plan-an-audit")
    page = bu.page
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Theme").select_option(label="Early help")
    page.get_by_label("Dip sample").check()
    page.get_by_label("Planned month").select_option(label="March")
    page.get_by_label("Target sample size").fill("3")
    page.get_by_label(POLICE).check()
    page.get_by_label(HEALTH).check()
    submit(bu, "Save")
    expect(success_banner(bu)).to_contain_text(TITLE)
    expect(bu.page.get_by_role("heading", level=1)).to_have_text(TITLE)
    audit_url = bu.page.url
    expect(bu.page.locator("#next-step")).to_contain_text("Name the audit's lead.")
    bu.check("audit-planned")

    # The audit page says what is missing; the plan is completed through "Change the plan".
    bu.page.get_by_role("button", name="Change the plan").click()
    page.get_by_label("Scope").fill(
        "How well agencies offered early help to children whose families asked for support."
    )
    page.get_by_label("Sample criteria").fill(
        "Children with an early help assessment opened in the last six months."
    )
    tool = page.get_by_label("Audit tool")
    tool.select_option(label=_option_label(tool, TOOL))
    audit_lead = page.get_by_label(optional("Lead"))
    audit_lead.select_option(label=_option_label(audit_lead, "Amira Holloway"))
    page.get_by_label("Returns due").fill((today + timedelta(days=21)).isoformat())
    bu.check("change-the-plan")
    submit(bu, "Save")
    expect(bu.page.locator("#next-step")).to_contain_text("Everything needed is in place.")
    submit(bu, "Move to scoping")
    expect(success_banner(bu)).to_contain_text("Scoping")
    submit(bu, "Move to sampling")
    expect(success_banner(bu)).to_contain_text("Sampling")
    expect(bu.page.locator("#next-step")).to_contain_text("Add cases to the sample.")
    bu.check("audit-sampling")

    # --- the sample: three cases entered by hand ------------------------------------------------
    bu.page.get_by_role("link", name="Case sample").click()
    bu.check("sample-empty")
    references = []
    for number, (age, gender, ethnicity, reason) in enumerate(CASES, start=1):
        bu.page.get_by_role("button", name="Add a case").click()
        if number == 1:
            bu.check("add-a-case")
        page.get_by_label("Age band").select_option(label=age)
        page.get_by_label(gender, exact=True).check()
        page.get_by_label("Ethnicity").fill(ethnicity)
        page.get_by_label("Why this case was selected").fill(reason)
        page.get_by_label(POLICE, exact=True).check()
        page.get_by_label(HEALTH, exact=True).check()
        page.get_by_label(f"{POLICE}: record number").fill(f"CRIME/2026/{number:04d}")
        page.get_by_label(f"{HEALTH}: record number").fill(f"EH-{number:05d}")
        submit(bu, "Save")
        banner = success_banner(bu)
        expect(banner).to_contain_text("has been added to the sample")
        added = re.search(r"Case (\S+) has been added", banner.inner_text())
        assert added, banner.inner_text()
        references.append(added.group(1))
    expect(bu.page.locator("#cases tbody tr")).to_have_count(3)
    expect(bu.page.locator(".govuk-warning-text")).to_contain_text("too small")
    bu.check("sample")
    for reference in references:  # pseudonymised: no record number on the page
        assert re.fullmatch(r"[A-Z]{3}-[A-Z0-9]{6}", reference), reference
    assert "CRIME/2026" not in bu.page.content()

    bu.page.goto(audit_url)
    submit(bu, "Move to auditing")
    expect(success_banner(bu)).to_contain_text("Auditing")
    bu.check("audit-auditing")

    # --- each agency lead assigns their auditor to their agency's three returns, on one page ----
    bu.page.goto(audit_url)
    expect(bu.page.locator("#still-to-assign")).to_contain_text(POLICE)
    expect(bu.page.locator("#still-to-assign")).to_contain_text(HEALTH)
    for agency, (lead_role, _auditor_role, auditor_name) in AGENCIES.items():
        lead = walk(lead_role)
        lead.goto(PARTNERSHIP)
        lead.check("home")
        expect(lead.page.get_by_role("link", name=re.compile("Assign auditors"))).to_be_visible()
        lead.page.goto(audit_url)
        lead.page.get_by_role("link", name=f"assign {agency}'s auditors").click()
        expect(lead.page.get_by_role("heading", level=1)).to_have_text(
            f"Assign {agency}'s auditors"
        )
        lead.check("assign-auditors")
        lead.page.get_by_label("One auditor for every case without one").select_option(
            label=auditor_name
        )
        lead.page.get_by_label("Due date").fill((today + timedelta(days=14)).isoformat())
        submit(lead, "Assign auditors")
        expect(success_banner(lead)).to_contain_text("assigned to 3 cases and e-mailed")
        expect(lead.page.locator("#still-to-assign", has_text=agency)).to_have_count(0)
        lead.page.goto(lead.url(PARTNERSHIP + "audits/my-returns/"))
        for reference in references:  # none of this audit's cases is still waiting
            expect(lead.page.get_by_role("link", name=reference, exact=True)).to_have_count(0)
    for reference in references:  # each auditor gets one e-mail naming their three cases
        assert sum(reference in m.body and TITLE in m.subject for m in mail.outbox) == 2, [
            m.subject for m in mail.outbox
        ]

    # --- the auditors complete their returns ----------------------------------------------------
    rng = random.Random(20260401)
    answers: dict[tuple[str, str], dict[str, str]] = {}  # (case, agency) → {standard: option}
    options_of: dict[str, list[str]] = {}  # standard → its options, in the tool's order
    return_urls: dict[tuple[str, str], str] = {}
    health_draft_url = ""
    for agency, (_lead_role, auditor_role, _name) in AGENCIES.items():
        auditor = walk(auditor_role)
        auditor.goto(PARTNERSHIP)
        auditor.page.get_by_role("link", name=re.compile("Complete your audit returns")).click()
        auditor.check("my-returns")
        for reference in references:
            auditor.click_through(auditor.page.get_by_role("link", name=reference, exact=True))
            return_urls[(reference, agency)] = auditor.page.url
            auditor.page.get_by_role("button", name="Start the return").click()
            expect(auditor.page.get_by_role("heading", level=1)).to_have_text(f"{agency}: return")
            first = reference == references[0]
            if first:
                auditor.check("return-tasks")
            given: dict[str, str] = {}
            auditor.click_through(auditor.page.locator(".govuk-task-list__link").first)
            if first:
                # One page, then back to the task list: the other agency's auditor must not be
                # able to see the draft.
                auditor.check("return-page")
                given |= _complete_page(auditor, rng, options_of)
                submit(auditor, "Save and return to the task list")
                expect(success_banner(auditor)).to_contain_text("answers have been saved")
                expect(auditor.page.locator("#progress")).to_contain_text("completed 1 of")
                if agency == HEALTH:
                    health_draft_url = return_urls[(reference, agency)]
                    other = walk("police-auditor")
                    other.goto(health_draft_url, status=404)
                    other.check("another-agencys-draft")
                auditor.click_through(auditor.page.locator(".govuk-task-list__link").nth(1))
            given |= _complete_return(auditor, rng, options_of)
            answers[(reference, agency)] = given
            if first:
                auditor.check("return-check-answers")
            submit(auditor, "Submit for sign-off")
            expect(success_banner(auditor)).to_contain_text("submitted to your agency lead")
            if first:
                auditor.check("return-submitted")
            auditor.page.goto(auditor.url(PARTNERSHIP + "audits/my-returns/"))
        for reference in references:  # nothing of this audit is left to complete
            expect(auditor.page.get_by_role("link", name=reference, exact=True)).to_have_count(0)
    assert health_draft_url

    # --- the leads sign off; the police lead first sends one back -------------------------------
    sent_back = (references[0], POLICE)
    standard = "1.2"
    for agency, (lead_role, _auditor_role, _name) in AGENCIES.items():
        lead = walk(lead_role)
        lead.goto(PARTNERSHIP + "audits/my-returns/")
        lead.check("my-returns-to-sign-off")
        for reference in references:
            lead.page.get_by_role("link", name=reference, exact=True).click()
            expect(lead.page.get_by_role("heading", name="Sign off this return")).to_be_visible()
            if (reference, agency) == sent_back:
                lead.check("return-to-sign-off")
                # The decision comes after the return it is about; a link at the top leads to it.
                lead.page.get_by_role("link", name=re.compile("sign it off or return it")).click()
                expect(lead.page.locator("#decision")).to_be_in_viewport()
                lead.page.get_by_label("What the auditor needs to change").fill(
                    f"The referral in {standard} was two weeks late: it is partially met."
                )
                submit(lead, "Return it to the auditor")
                expect(success_banner(lead)).to_contain_text("sent back")
                lead.check("return-sent-back")
            else:
                submit(lead, "Sign off the return")
                expect(success_banner(lead)).to_contain_text("signed off")
            lead.page.goto(lead.url(PARTNERSHIP + "audits/my-returns/"))

    priya = walk("police-auditor")
    priya.goto(PARTNERSHIP)
    priya.page.get_by_role("link", name=re.compile("Complete your audit returns")).click()
    priya.page.get_by_role("link", name=references[0], exact=True).click()
    priya.page.get_by_role("button", name="Continue the return").click()
    expect(priya.page.locator(".govuk-notification-banner")).to_contain_text("two weeks late")
    priya.check("return-returned")
    priya.page.get_by_role("link", name=re.compile("^KLOE 1")).click()
    fieldset = priya.page.locator("fieldset", has=priya.page.locator("legend", has_text=standard))
    fieldset.get_by_label("Partially met", exact=True).check()
    answers[sent_back][standard] = "Partially met"
    submit(priya, "Save and return to the task list")
    priya.page.get_by_role("button", name="Check your answers").click()
    submit(priya, "Submit for sign-off")
    expect(success_banner(priya)).to_contain_text("submitted")

    helen = walk("police-lead")
    helen.goto(return_urls[sent_back])
    submit(helen, "Sign off the return")
    expect(success_banner(helen)).to_contain_text("signed off")
    expect(helen.page.locator("#main-content .govuk-tag")).to_have_text("Signed off")
    helen.check("return-signed-off")

    # --- moderation: the business unit records the meeting and the agreed grades ---------------
    bu.page.goto(audit_url)
    expect(bu.page.locator("#returns-progress")).to_contain_text("3")
    submit(bu, "Move to moderation")
    expect(success_banner(bu)).to_contain_text("Moderation")
    bu.page.get_by_role("link", name="Moderation", exact=True).click()
    expect(bu.page.get_by_role("heading", level=1)).to_contain_text("Moderation")
    bu.check("moderation")
    bu.page.get_by_role("button", name="Record the meeting and attendance").click()
    bu.page.get_by_label("Date of the meeting").fill(today.isoformat())
    for person in ("Amira Holloway", "Helen Stroud", "Joanna Feld", "Elin Rowntree"):
        bu.page.get_by_label(person).check()
    bu.check("moderation-meeting")
    submit(bu, "Save")
    expect(success_banner(bu)).to_contain_text("attendance have been recorded")
    agreed: dict[str, Counter[str]] = defaultdict(Counter)
    grade_count = bu.page.locator("select[id^=grade-]").count()
    assert grade_count == len(references) * 6, grade_count  # a grade per case and KLOE
    for index in range(grade_count):
        select = bu.page.locator("select[id^=grade-]").nth(index)
        section = flat(
            bu.page.locator(f"label[for={select.get_attribute('id')}]").inner_text()
        ).removeprefix("Agreed grade for ")
        grade = rng.choice(["Met", "Partially met", "Not met"])
        select.select_option(label=grade)
        form = select.locator("xpath=ancestor::form")
        form.get_by_label("Rationale").fill(f"Agreed after discussion ({grade.lower()}).")
        bu.click_through(form.get_by_role("button"))
        expect(success_banner(bu)).to_contain_text("grade agreed")
        agreed[section][grade] += 1
    bu.check("moderation-recorded")

    bu.page.goto(audit_url)
    submit(bu, "Move to reporting")
    expect(success_banner(bu)).to_contain_text("Reporting")
    expect(bu.page.locator("#next-step")).to_contain_text("Write the key messages")
    bu.check("audit-reporting")

    # --- findings, key messages, the learning event and a recommendation ------------------------
    bu.page.get_by_role("link", name="Findings", exact=True).click()
    bu.check("findings")
    bu.page.get_by_role("link", name="Add a key message").click()
    bu.page.get_by_label(re.compile("more of", re.I)).first.check()
    bu.page.get_by_label("Aspect").fill("Voice of the child")
    bu.page.get_by_label("Text").fill("Record the child's own words at every early help review.")
    bu.check("key-message")
    submit(bu, "Save")
    expect(success_banner(bu)).to_contain_text("key message has been added")

    bu.page.goto(audit_url)
    bu.page.get_by_role("link", name="Record the learning event").click()
    bu.page.get_by_label("Date").fill(today.isoformat())
    bu.page.get_by_label(POLICE).check()
    bu.page.get_by_label(HEALTH).check()
    bu.page.get_by_label("Number of people attending").fill("23")
    bu.page.get_by_label("What was shared").fill("The findings on referrals and on drift.")
    bu.check("learning-event")
    submit(bu, "Save")
    expect(success_banner(bu)).to_contain_text("learning event has been recorded")

    # The recommendation comes through the learning cycle: learning about a standard, recorded
    # from the findings page, and the Assurance and Review Group's recommendation resting on it.
    recommendation = "Early help reviews record the child's views"
    bu.page.get_by_role("link", name="Findings", exact=True).click()
    bu.page.get_by_role("link", name=re.compile(r"^Record learning about 3\.2")).click()
    expect(bu.page.get_by_role("heading", level=1)).to_have_text("Record learning")
    bu.page.get_by_label("Title", exact=True).fill("The child's views are not recorded")
    bu.page.get_by_label("What was learned").fill(
        "Two in three returns did not record the child's views."
    )
    bu.page.get_by_label("Date learned").fill(today.isoformat())
    bu.check("learning")
    submit(bu, "Save")
    expect(success_banner(bu)).to_contain_text("learning has been recorded")
    bu.page.get_by_role("button", name="Make a recommendation").click()
    bu.page.get_by_label("Recommendation", exact=True).fill(recommendation)
    bu.page.get_by_label("What the executive is asked to agree, and why").fill(
        "Two in three returns did not record the child's views."
    )
    bu.check("recommendation")
    submit(bu, "Make the recommendation")
    expect(success_banner(bu)).to_contain_text("awaits the executive's decision")
    bu.page.goto(audit_url)
    expect(bu.page.locator("#main-content")).to_contain_text(
        f"{recommendation} (awaiting decision)"
    )

    # --- what the test expects the findings to be, from the answers it typed --------------------
    expected: dict[str, list[list[str]]] = {}
    for code, options in options_of.items():
        by_agency = [
            expected_row([answers[(r, agency)][code] for r in references], options, agency)
            for agency in sorted(AGENCIES)
        ]
        everyone = [answers[key][code] for key in sorted(answers)]
        expected[code] = [*by_agency, expected_row(everyone, options, "All agencies")]
    assert len(expected) >= 20  # every graded standard of the tool

    # --- the report page ------------------------------------------------------------------------
    bu.page.get_by_role("link", name="Report", exact=True).click()
    expect(bu.page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    bu.check("report")
    _assert_tables(bu, expected, options_of, "report page")
    report_text = flat(bu.page.locator("#main-content").inner_text())
    for section, counts in agreed.items():
        paragraph = flat(
            bu.page.locator(
                f"xpath=//h3[starts-with(normalize-space(), '{section} ')]/following-sibling::p[1]"
            ).inner_text()
        )
        assert paragraph.startswith("Grades agreed at moderation: "), paragraph
        shown = {
            label: int(n)
            for label, n in re.findall(r"([A-Z][a-z ]+?) (\d+)", paragraph.split(": ", 1)[1])
        }
        assert shown == dict(counts), f"{section}: {paragraph}"
    assert "Returns counted: " + f"{HEALTH} 3, {POLICE} 3 (6 in all)." in report_text
    assert recommendation in report_text

    # The PDF: a PDF, and its text carries the same figures.
    with bu.page.expect_download() as download:
        bu.page.get_by_role("button", name="Download PDF").click()
    pdf_path = tmp_path / "report.pdf"
    download.value.save_as(pdf_path)
    content = pdf_path.read_bytes()
    assert content.startswith(b"%PDF-"), content[:20]
    pdf_text = flat(_pdf_text(content))
    assert TITLE in pdf_text
    assert recommendation in pdf_text
    for code, rows in expected.items():
        for row in rows:
            figures = f"{row[-2]} {row[-1]}"
            assert figures in pdf_text, f"{code}: {figures!r} is not in the PDF"
    wanted = Counter(f"{row[-2]} {row[-1]}" for rows in expected.values() for row in rows)
    for figures, n in wanted.items():
        assert pdf_text.count(figures) >= n, f"{figures!r}: {pdf_text.count(figures)} of {n}"

    # --- a member of the partnership group reads the findings -----------------------------------
    member = walk("group-member")
    member.goto(audit_url.removeprefix(member.base_url))
    member.check("audit")
    member.page.get_by_role("link", name="Findings", exact=True).click()
    expect(member.page.get_by_role("heading", level=1)).to_have_text("Findings")
    member.check("findings")
    _assert_tables(member, expected, options_of, "findings page")
    expect(member.page.locator("#main-content")).to_contain_text("Voice of the child")

    # --- the business unit closes the audit -----------------------------------------------------
    bu.page.goto(audit_url)
    expect(bu.page.locator("#next-step")).to_contain_text("Everything needed is in place.")
    submit(bu, "Move to closed")
    expect(success_banner(bu)).to_contain_text("Closed")
    expect(bu.page.locator("[aria-current=step]")).to_have_text("Closed")
    bu.check("audit-closed")

    for b in walk.all():
        b.assert_clean()


def _option_label(select: Any, text: str) -> str:
    """The label of the option of ``select`` that contains ``text`` (there must be one)."""
    labels = [flat(t) for t in select.locator("option").all_inner_texts()]
    matching = [label for label in labels if text in label]
    assert len(matching) >= 1, f"no option with {text!r} in {labels}"
    return matching[-1]


def _complete_return(
    auditor: Browse, rng: random.Random, options_of: dict[str, list[str]]
) -> dict[str, str]:
    """From the page open now to the check-answers page: answer each page ("Save and
    continue"); returns {standard code: option chosen}."""
    given: dict[str, str] = {}
    while not auditor.page.get_by_role("heading", name=re.compile("^Check your answers")).count():
        given |= _complete_page(auditor, rng, options_of)
        submit(auditor, "Save and continue")
    return given


def _complete_page(
    auditor: Browse, rng: random.Random, options_of: dict[str, list[str]]
) -> dict[str, str]:
    """Answer every standard of the return's page open now (a chosen option and evidence), fill
    in its other items, or the summary; returns {standard code: option chosen}."""
    page = auditor.page
    given: dict[str, str] = {}
    for fieldset in page.locator("form fieldset.govuk-fieldset").all():
        legend = flat(fieldset.locator("legend").inner_text())
        code = legend.split(" ", 1)[0]
        options = [flat(t) for t in fieldset.locator("label").all_inner_texts()]
        options_of.setdefault(code, options)
        # Mostly met, sometimes not, now and then not applicable.
        weights = [6 if o in MEETS else 1 if o in NOT_APPLICABLE else 3 for o in options]
        choice = rng.choices(options, weights)[0]
        fieldset.get_by_label(choice, exact=True).check()
        page.get_by_label(f"Evidence for {code}", exact=False).fill(
            f"Seen in the record ({choice.lower()})."
        )
        given[code] = choice
    for label in page.locator("label.govuk-label--s").all():
        text = flat(label.inner_text())
        if not re.match(r"^\d+\.\d+ ", text) or text.startswith("Evidence"):
            continue
        field = page.locator(f"#{label.get_attribute('for')}")
        kind = field.get_attribute("type") or "textarea"
        field.fill({"number": "3", "date": "2026-09-14"}.get(kind, "Nothing further."))
    if page.get_by_role("heading", level=1, name="Summary").count():
        page.get_by_label("What is working well").fill(
            "The health visitor kept the family engaged."
        )
        page.get_by_label("What we are worried about").fill("Drift after the plan closed.")
        page.get_by_label("What needs to happen").fill("Review early help plans at three months.")
        page.get_by_label("The child's views").fill("She said she likes her new school.")
    return given


def _assert_tables(
    b: Browse,
    expected: dict[str, list[list[str]]],
    options_of: dict[str, list[str]],
    where: str,
) -> None:
    """Every standard's table on the page (caption "Responses to CODE by agency") shows the
    expected rows, each count under its option's heading."""
    for code, rows in expected.items():
        table = b.page.locator(
            "table",
            has=b.page.locator(
                "caption", has_text=re.compile(rf"^Responses to {re.escape(code)} by agency$")
            ),
        )
        expect(table).to_have_count(1)
        header, shown = table_rows(table)
        assert header == ["Agency", *options_of[code], "Meeting the standard", "95% interval"]
        assert shown == rows, f"{where}, {code}: {shown} != {rows} (columns {header})"


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)

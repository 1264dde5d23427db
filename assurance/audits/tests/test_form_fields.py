"""What the audit pages show a user, found by the browser test of an audit's life: dates the
browser can display, no "(optional)" on what submitting a return needs, the lead's decision
after the return it is about, and the report's sentences."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.utils import translation

from assurance.audits import services
from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.report import audit_report
from assurance.audits.tests.factories import add_case
from assurance.core.forms import DateInput
from assurance.frameworks.models import Item
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def _police_return(audit: Any, northfield: Any, amira: Any, priya: Any) -> AgencyReturn:
    """A case involving the police and health, at the auditing step, with priya assigned."""
    case = add_case(audit, northfield, amira, record_numbers={})
    police_return = AgencyReturn.unscoped.get(case=case, agency=northfield.police)
    police_return.auditors.add(priya)
    audit.status = AuditStatus.AUDITING
    audit.save()
    return police_return


@pytest.mark.parametrize("language", ["en-gb", "en-us", "en"])
def test_a_date_picker_gets_its_date_in_the_one_format_browsers_read(language: str) -> None:
    with translation.override(language):
        html = DateInput().render("due", date(2026, 9, 14))
    assert 'type="date"' in html
    assert 'value="2026-09-14"' in html


def test_changing_an_audit_shows_its_dates_so_saving_does_not_clear_them(
    audit: Any, amira: Any, northfield: Any, client_for: Any
) -> None:
    audit.returns_due = date(2027, 1, 31)
    audit.save()
    html = client_for(amira).get(northfield.url(f"audits/{audit.pk}/change/")).content.decode()
    assert 'value="2027-01-31"' in html


def test_the_return_form_does_not_call_what_submitting_needs_optional(
    audit: Any, northfield: Any, amira: Any, priya: Any, client_for: Any
) -> None:
    police_return = _police_return(audit, northfield, amira, priya)
    pages = northfield.url(f"audits/returns/{police_return.pk}/edit/")
    text = client_for(priya).get(pages + "1/").content.decode()
    # 1.1 needs evidence (unless not applicable); 1.2 does not.
    assert ">Evidence for 1.1</label>" in text
    assert "Needed before you submit, unless you answer Not applicable." in text
    assert ">Evidence for 1.2 (optional)</label>" in text
    summary = client_for(priya).get(pages + "3/").content.decode()
    assert ">What is working well (optional)</label>" in summary


def test_the_lead_reads_the_return_before_the_sign_off_buttons(
    audit: Any, northfield: Any, amira: Any, priya: Any, helen: Any, client_for: Any
) -> None:
    police_return = _police_return(audit, northfield, amira, priya)
    answers = {
        item.pk: {"option": item.scale.options.get(label="Met").pk, "evidence": "Seen."}
        for item in Item.objects.filter(section__framework=audit.framework)
    }
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers=answers,
        narrative={},
        expected_revision=0,
    )
    services.return_submit(actor=actor_for_person(priya), agency_return=police_return)

    text = client_for(helen).get(northfield.url(f"audits/returns/{police_return.pk}/")).content
    page = text.decode()
    assert 'href="#decision"' in page
    # The answers and the summary come first, then the decision.
    assert (
        page.index("Standard 2.2") < page.index("The family's views") < page.index('id="decision"')
    )
    assert page.index('id="decision"') < page.index("Sign off the return</button>")
    assert (
        page.index("Sign off the return</button>")
        < page.index("Or return it to the auditor")
        < page.index("What the auditor needs to change")
    )


def test_the_report_does_not_double_the_full_stop_of_the_sample_criteria(audit: Any) -> None:
    audit.sample_criteria = "Children open to early help in March."
    audit.save()
    text = " ".join(
        " ".join(block.items)
        for block in audit_report(audit=audit).blocks
        if block.kind == "bullets"
    )
    assert "Sample criteria: Children open to early help in March." in text
    assert "March.." not in text


def test_the_findings_page_links_each_standard_to_recording_learning_for_the_business_unit(
    audit: Any, northfield: Any, amira: Any, priya: Any, client_for: Any
) -> None:
    url = northfield.url(f"audits/{audit.pk}/findings/")
    page = client_for(amira).get(url).content.decode()
    item = Item.objects.get(section__framework=audit.framework, code="1.2")
    learning = f"/p/northfield/learning/new/?audit={audit.pk}"
    assert f'href="{learning}"' in page
    assert f'href="{learning}&amp;standard={item.pk}">Record learning about 1.2' in page
    assert "Record learning" not in client_for(priya).get(url).content.decode()


def test_the_plan_does_not_call_optional_what_later_blocks_the_audit(
    audit, northfield, amira, client_for
) -> None:
    """The lead, tool, scope, criteria and agencies may be saved blank, but the audit cannot
    move on without them: no "(optional)", and each says when it is needed."""
    page = client_for(amira).get(f"/p/northfield/audits/{audit.pk}/change/").content.decode()
    for label in ("Lead", "Framework", "Scope", "Sample criteria"):
        assert f">{label} (optional)<" not in page.replace("\n", "")
    assert "Needed before the audit moves to scoping." in page
    assert page.count("Needed before cases are sampled.") == 4


def test_each_blocker_links_to_the_field_that_resolves_it(
    audit, northfield, amira, client_for
) -> None:
    audit.lead = None
    audit.status = AuditStatus.PLANNED
    audit.save()
    page = client_for(amira).get(f"/p/northfield/audits/{audit.pk}/").content.decode()
    assert (
        f'href="/p/northfield/audits/{audit.pk}/change/#id_lead">Name the audit&#x27;s lead.</a>'
        in page
    )

"""What the audit forms show a user: dates the browser can display, and no "(optional)" on what
submitting a return needs (both found by the browser test of an audit's life)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.utils import translation

from assurance.audits import services
from assurance.audits.forms import GovukDateInput
from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.tests.conftest import actor_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en-gb", "en-us", "en"])
def test_a_date_picker_gets_its_date_in_the_one_format_browsers_read(language: str) -> None:
    with translation.override(language):
        html = GovukDateInput().render("due", date(2026, 9, 14))
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
    case = services.case_add(
        actor=actor_of(amira),
        audit=audit,
        age_band="5-9",
        gender="girl",
        agencies=[northfield.police, northfield.health],
        record_numbers={},
    )
    police_return = AgencyReturn.unscoped.get(case=case, agency=northfield.police)
    police_return.auditors.add(priya)
    audit.status = AuditStatus.AUDITING
    audit.save()

    html = client_for(priya).get(northfield.url(f"audits/returns/{police_return.pk}/edit/"))
    text = html.content.decode()
    # 1.1 needs evidence (unless not applicable); 1.2 does not.
    assert ">Evidence for 1.1</label>" in text
    assert "Needed before you submit, unless you answer Not applicable." in text
    assert ">Evidence for 1.2 (optional)</label>" in text
    assert ">What is working well (optional)</label>" in text

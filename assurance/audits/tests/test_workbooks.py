"""Returns completed offline in Excel; a bad upload stores nothing and says where the problems
are; the workbook of everything about an audit."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from assurance.audits import services
from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.tests.factories import add_case, answers_for
from assurance.audits.workbooks import (
    UploadProblem,
    audit_workbook,
    return_workbook,
    upload_return_workbook,
)
from assurance.frameworks.models import Answer
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditing(audit, northfield, amira, priya):
    cases = [add_case(audit, northfield, amira) for _ in range(2)]
    for case in cases:
        AgencyReturn.unscoped.get(case=case, agency=northfield.police).auditors.add(priya)
    audit.status = AuditStatus.AUDITING
    audit.save()
    return cases


def _fill(content: bytes, edit) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _complete(workbook):
    answers = workbook["Answers"]
    for row in range(2, answers.max_row + 1):
        answers[f"H{row}"] = "Met"
        answers[f"I{row}"] = "Seen in the record."
    workbook["Summary"]["C2"] = "Prompt information sharing."


def test_an_auditor_downloads_her_returns_fills_them_in_and_uploads(audit, auditing, priya):
    content = return_workbook(actor=actor_for_person(priya), audit=audit)
    sheet = load_workbook(io.BytesIO(content))["Answers"]
    assert sheet.max_row == 1 + 2 * 4  # two cases × four standards
    assert {sheet[f"C{r}"].value for r in range(2, 10)} == {c.reference for c in auditing}
    saved = upload_return_workbook(
        actor=actor_for_person(priya), audit=audit, content=_fill(content, _complete)
    )
    assert saved == 2
    police = AgencyReturn.unscoped.filter(case__audit=audit, agency__name__endswith="Police")
    assert {r.status for r in police} == {"draft"}
    assert (
        Answer.objects.filter(assessment__agency_return__in=police, option__label="Met").count()
        == 8
    )
    assert police.filter(working_well="Prompt information sharing.").count() == 1


def test_a_bad_upload_names_sheet_row_and_column_and_stores_nothing(audit, auditing, priya):
    content = return_workbook(actor=actor_for_person(priya), audit=audit)

    def spoil(workbook):
        _complete(workbook)
        workbook["Answers"]["H3"] = "Brilliant"
        workbook["Answers"]["I4"] = "Mum's mobile is 07700 900123"
        workbook["Answers"]["A5"] = 999999

    with pytest.raises(UploadProblem) as problem:
        upload_return_workbook(
            actor=actor_for_person(priya), audit=audit, content=_fill(content, spoil)
        )
    text = " | ".join(problem.value.problems)
    assert "Sheet Answers, row 3, column H (Response): “Brilliant” is not one of Met" in text
    assert "Sheet Answers, row 4, column I (Evidence): this looks like it contains a phone" in text
    assert "Sheet Answers, row 5, column A (Return (do not change)): return 999999" in text
    assert not Answer.objects.filter(assessment__agency_return__case__audit=audit).exists()


def test_an_upload_never_overwrites_a_save_made_on_the_web_since_the_download(
    audit, auditing, priya
):
    content = return_workbook(actor=actor_for_person(priya), audit=audit)
    police_return = AgencyReturn.unscoped.get(case=auditing[0], agency__name__endswith="Police")
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers=answers_for(audit, ["Not met"] * 4),
        narrative={},
        expected_revision=0,
    )
    with pytest.raises(UploadProblem, match="someone saved this return"):
        upload_return_workbook(
            actor=actor_for_person(priya), audit=audit, content=_fill(content, _complete)
        )
    assert set(police_return.assessment.answers.values_list("option__label", flat=True)) == {
        "Not met"
    }


def test_an_auditor_of_another_agency_gets_none_of_these_returns(audit, auditing, kwame):
    content = return_workbook(actor=actor_for_person(kwame), audit=audit)
    assert load_workbook(io.BytesIO(content))["Answers"].max_row == 1  # not assigned yet


def test_the_audit_workbook_keeps_drafts_with_their_agency(audit, auditing, priya, amira):
    police_return = AgencyReturn.unscoped.get(case=auditing[0], agency__name__endswith="Police")
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers=answers_for(audit, ["Met"] * 4),
        narrative={"worried_about": "Private draft note"},
        expected_revision=0,
    )
    workbook = load_workbook(io.BytesIO(audit_workbook(audit=audit)))
    assert workbook.sheetnames == [
        "Audit",
        "Audit tool",
        "Sample",
        "Returns",
        "Answers",
        "Moderation",
        "Findings",
        "Key messages",
    ]
    values = [c for row in workbook["Returns"].iter_rows(values_only=True) for c in row]
    assert "Private draft note" not in values
    assert workbook["Answers"].max_row == 1  # draft answers are not shared

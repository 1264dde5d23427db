"""The sample's writes and reads below the pages: an uploaded file's cases are added all or none;
a file may name an agency by its short or full name; a record number is asked for by an
involvement of the case itself."""

from __future__ import annotations

import pytest
from django.http import Http404

from assurance.audits import sample, selectors
from assurance.audits.models import AgencyReturn, AuditCase, CaseAgency
from assurance.audits.sampling import Candidate
from assurance.audits.services import AuditRuleError
from assurance.audits.tests.factories import add_case
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def test_a_files_agencies_by_short_and_full_name(audit, northfield):
    names = selectors.audit_agency_names(audit=audit)
    for agency in (northfield.council, northfield.police, northfield.health):
        assert names[agency.short_name.lower()] == agency
        assert names[agency.name.lower()] == agency
    assert northfield.school.name.lower() not in names  # not taking part


def test_uploaded_cases_are_added_with_the_record_agency_first(audit, northfield, amira):
    names = selectors.audit_agency_names(audit=audit)
    police = northfield.police.name.lower()
    added = sample.cases_upload(
        actor=actor_for_person(amira),
        audit=audit,
        candidates=[
            Candidate("LA0001", age_band="1-4", gender="girl", agencies=(police,), reason="Plan"),
            Candidate("LA0002", age_band="5-9", gender="boy"),
        ],
        record_agency=northfield.council,
        agency_names=names,
    )
    assert [(c.source, c.selection_reason) for c in added] == [
        ("uploaded", "Plan"),
        ("uploaded", ""),
    ]
    involved = CaseAgency.unscoped.filter(case=added[0])
    assert {i.agency for i in involved} == {northfield.council, northfield.police}
    council = involved.get(agency=northfield.council)
    assert (
        sample.record_number_reveal(actor=actor_for_person(amira), involvement=council) == "LA0001"
    )
    assert AgencyReturn.unscoped.filter(case__in=added).count() == 3


def test_an_upload_adds_every_case_or_none(audit, northfield, amira):
    names = selectors.audit_agency_names(audit=audit)
    # The school is not taking part: the second case is refused, so the first is not kept.
    names["learning trust"] = northfield.school
    with pytest.raises(AuditRuleError, match="is not taking part in this audit"):
        sample.cases_upload(
            actor=actor_for_person(amira),
            audit=audit,
            candidates=[
                Candidate("LA0001", age_band="1-4", gender="girl"),
                Candidate("LA0002", age_band="5-9", gender="boy", agencies=("learning trust",)),
            ],
            record_agency=northfield.council,
            agency_names=names,
        )
    assert not AuditCase.unscoped.filter(audit=audit).exists()


def test_a_record_number_is_asked_for_by_an_involvement_of_the_case(audit, northfield, amira):
    case, other = add_case(audit, northfield, amira), add_case(audit, northfield, amira)
    police = case.involvements.get(agency=northfield.police)
    assert selectors.get_involvement(case=case, pk=police.pk) == police
    with pytest.raises(Http404):
        selectors.get_involvement(case=other, pk=police.pk)

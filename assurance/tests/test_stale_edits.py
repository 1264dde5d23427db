"""A save made from a stale copy is refused on every record form (ADR 012).

Two people open the same record's form. Bea saves first: that works. Amira, still looking at
the page as it was, saves her own change: nothing is saved, Bea's change stays, and Amira's
page answers 409 showing Bea's value and hers, with her typed value still in the form. Saving
again from that page, having seen Bea's change, works.

If this fails after adding a record form, the form page is not built on ``FormPageView`` and
``core/form_page.html`` (or does not say which records it changes: ``get_revision_records``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from assurance.audits.models import Audit
from assurance.audits.tests.factories import AuditFactory
from assurance.core.concurrency import REVISION_FIELD
from assurance.core.roles import Role
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.catalogue.tests.factories import LocalIndicatorFactory
from assurance.dataset.collection.models import IndicatorValue
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.frameworks.models import Framework
from assurance.frameworks.tests.factories import FrameworkFactory
from assurance.improvement.learning.models import LearningItem, LearningTheme
from assurance.improvement.learning.tests.factories import (
    LearningItemFactory,
    LearningThemeFactory,
)
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.tests.factories import MeetingFactory
from assurance.improvement.scrutiny.models import Challenge
from assurance.improvement.scrutiny.tests.factories import ChallengeFactory
from assurance.partnerships.models import Agency, Group, Partnership, Person, Priority
from assurance.partnerships.tests.factories import (
    GroupFactory,
    PersonFactory,
    PriorityFactory,
    Tenant,
)


def posted(form: forms.BaseForm) -> dict[str, Any]:
    """What a browser would send for an unbound form as shown (every field as it is)."""
    data: dict[str, Any] = {}
    for field in form:
        value = field.value()
        widget = field.field.widget
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(v) for v in value]
        elif isinstance(value, date | datetime):
            data[field.html_name] = widget.format_value(value)
        else:
            data[field.html_name] = "" if value is None else str(value)
    return data


def open_form(client: Client, url: str) -> dict[str, Any]:
    """Open the form page; what it would send back unchanged, with its revision token."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = posted(response.context["form"])
    token = response.context["revision_token"]
    assert token, "The page carries no revision token"
    data[REVISION_FIELD] = token
    return data


@dataclass(frozen=True)
class Case:
    """One record form: how to make its record and find its page, who edits it (two people of
    the same role), the field changed and how to read that field as stored."""

    name: str
    make: Callable[[Tenant], Any]
    url: Callable[[Any], str]
    editors: Role
    field: str
    stored: Callable[[Any], Any]
    theirs: str = "Changed by Bea"
    yours: str = "Changed by Amira"


def _url(name: str, *args: Any) -> str:
    return reverse(name, args=["northfield", *args])


def _stored(model: type, attribute: str) -> Callable[[Any], Any]:
    return lambda record: getattr(model._base_manager.get(pk=record.pk), attribute)


def _round(tenant: Tenant) -> Any:
    catalogue_load()
    return CollectionRoundFactory(partnership=tenant.partnership, start=date(2026, 4, 1))


def _police_value(round: Any) -> Any:
    row = IndicatorValue.unscoped.filter(round=round, indicator__code="POL-MISSING").first()
    return None if row is None else str(int(row.numerator))


CASES = [
    Case(
        "local indicator",
        lambda t: LocalIndicatorFactory(partnership=t.partnership, owner=t.council),
        lambda i: _url("dataset:local_indicator_edit", i.code),
        Role.BUSINESS_UNIT,
        "title",
        _stored(Indicator, "title"),
    ),
    Case(
        "settings",
        lambda t: t.partnership,
        lambda p: _url("partnerships:settings"),
        Role.BUSINESS_UNIT,
        "local_authority_name",
        _stored(Partnership, "local_authority_name"),
    ),
    Case(
        "agency",
        lambda t: t.school,
        lambda a: _url("partnerships:agency_update", a.pk),
        Role.BUSINESS_UNIT,
        "name",
        _stored(Agency, "name"),
    ),
    Case(
        "group",
        lambda t: GroupFactory(partnership=t.partnership),
        lambda g: _url("partnerships:group_update", g.pk),
        Role.BUSINESS_UNIT,
        "purpose",
        _stored(Group, "purpose"),
    ),
    Case(
        "priority",
        lambda t: PriorityFactory(partnership=t.partnership),
        lambda p: _url("partnerships:priority_update", p.pk),
        Role.BUSINESS_UNIT,
        "description",
        _stored(Priority, "description"),
    ),
    Case(
        "person",
        lambda t: PersonFactory(partnership=t.partnership, agency=t.school, job_title="Teacher"),
        lambda p: _url("partnerships:person_update", p.pk),
        Role.BUSINESS_UNIT,
        "job_title",
        _stored(Person, "job_title"),
    ),
    Case(
        "audit",
        lambda t: AuditFactory(partnership=t.partnership, agencies=[t.police, t.council]),
        lambda a: _url("audits:audit_update", a.pk),
        Role.BUSINESS_UNIT,
        "scope",
        _stored(Audit, "scope"),
    ),
    Case(
        "framework",
        lambda t: FrameworkFactory(partnership=t.partnership),
        lambda f: _url("frameworks:update", f.pk),
        Role.BUSINESS_UNIT,
        "description",
        _stored(Framework, "description"),
    ),
    Case(
        "learning item",
        lambda t: LearningItemFactory(partnership=t.partnership),
        lambda i: _url("improvement:learning_update", i.pk),
        Role.BUSINESS_UNIT,
        "what_was_learned",
        _stored(LearningItem, "what_was_learned"),
    ),
    Case(
        "theme",
        lambda t: LearningThemeFactory(partnership=t.partnership),
        lambda th: _url("improvement:theme_update", th.pk),
        Role.BUSINESS_UNIT,
        "description",
        _stored(LearningTheme, "description"),
    ),
    Case(
        "meeting",
        lambda t: MeetingFactory(group=GroupFactory(partnership=t.partnership)),
        lambda m: _url("improvement:meeting_update", m.pk),
        Role.BUSINESS_UNIT,
        "minutes",
        _stored(Meeting, "minutes"),
    ),
    Case(
        "challenge answer",
        lambda t: ChallengeFactory(partnership=t.partnership, agency=t.police),
        lambda c: _url("improvement:challenge_answer", c.pk),
        Role.AGENCY_LEAD,
        "answer",
        _stored(Challenge, "answer"),
    ),
    Case(
        "data-set values",
        _round,
        lambda r: _url("dataset:collection_values", r.pk),
        Role.AGENCY_LEAD,
        "POL-MISSING-numerator",
        _police_value,
        theirs="84",
        yours="91",
    ),
]


def _editors(tenant: Tenant, role: Role, client_for: Any) -> tuple[Client, Client]:
    """Amira and Bea, both of the role, at the police (whose values and challenges these are)."""
    amira, bea = (
        PersonFactory(
            partnership=tenant.partnership,
            agency=tenant.police,
            full_name=name,
            email=f"{name.lower()}@northfield.test",
            roles=[role],
        )
        for name in ("Amira", "Bea")
    )
    return client_for(amira), client_for(bea)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_stale_save_is_refused_and_overwrites_nothing(
    case: Case, northfield: Tenant, client_for: Any
) -> None:
    record = case.make(northfield)
    url = case.url(record)
    amira, bea = _editors(northfield, case.editors, client_for)
    amira_copy = open_form(amira, url)
    bea_copy = open_form(bea, url)

    response = bea.post(url, {**bea_copy, case.field: case.theirs})
    assert response.status_code == 302, response.context["form"].errors
    assert case.stored(record) == case.theirs

    response = amira.post(url, {**amira_copy, case.field: case.yours})
    assert response.status_code == 409
    assert case.stored(record) == case.theirs, "Bea's change was overwritten"
    html = response.content.decode()
    assert "Bea changed this after you opened it" in html
    assert case.theirs in html and case.yours in html
    assert response.context["form"][case.field].value() == case.yours, "Amira's typing was lost"

    # Having seen Bea's change, Amira saves again from the page she was given.
    again = posted(response.context["form"])
    again[REVISION_FIELD] = response.context["revision_token"]
    assert amira.post(url, again).status_code == 302
    assert case.stored(record) == case.yours


def test_a_change_she_did_not_make_is_kept_in_the_form(northfield: Tenant, client_for: Any) -> None:
    """Bea renamed the agency; Amira, from her stale copy, changed only its short name. Her save
    is refused (her copy still has the old name); the form she is given has Bea's name and her
    short name, so saving it keeps both changes."""
    agency = northfield.school
    url = _url("partnerships:agency_update", agency.pk)
    amira, bea = _editors(northfield, Role.BUSINESS_UNIT, client_for)
    amira_copy, bea_copy = open_form(amira, url), open_form(bea, url)
    old_name = bea_copy["name"]
    assert bea.post(url, {**bea_copy, "name": "Northfield Academy Trust"}).status_code == 302

    response = amira.post(url, {**amira_copy, "short_name": "NAT"})
    assert response.status_code == 409
    conflict = response.context["stale_edit"].conflicts
    assert [(c.label, c.theirs, c.yours, c.you_changed) for c in conflict] == [
        ("Name", "Northfield Academy Trust", old_name, False)
    ]
    assert "You had not changed this, so their value is now in the form" in (
        response.content.decode()
    )
    form = response.context["form"]
    assert (form["name"].value(), form["short_name"].value()) == ("Northfield Academy Trust", "NAT")
    assert Agency.unscoped.get(pk=agency.pk).short_name != "NAT"

    again = {**posted(form), REVISION_FIELD: response.context["revision_token"]}
    assert amira.post(url, again).status_code == 302
    agency.refresh_from_db()
    assert (agency.name, agency.short_name) == ("Northfield Academy Trust", "NAT")


def test_changes_to_other_fields_or_the_same_change_do_not_conflict(
    northfield: Tenant, client_for: Any
) -> None:
    group = GroupFactory(partnership=northfield.partnership, purpose="Old purpose")
    url = _url("partnerships:group_update", group.pk)
    amira, bea = _editors(northfield, Role.BUSINESS_UNIT, client_for)
    amira_copy, bea_copy = open_form(amira, url), open_form(bea, url)
    assert bea.post(url, {**bea_copy, "purpose": "Same new purpose"}).status_code == 302
    assert amira.post(url, {**amira_copy, "purpose": "Same new purpose"}).status_code == 302


def test_a_second_stale_save_from_the_refused_page_is_refused_again(
    northfield: Tenant, client_for: Any
) -> None:
    """The page Amira is given carries the revision she has now seen, not a licence to save:
    if Bea changes the record again meanwhile, Amira is told again."""
    priority = PriorityFactory(partnership=northfield.partnership)
    url = _url("partnerships:priority_update", priority.pk)
    amira, bea = _editors(northfield, Role.BUSINESS_UNIT, client_for)
    amira_copy, bea_copy = open_form(amira, url), open_form(bea, url)
    assert bea.post(url, {**bea_copy, "description": "First"}).status_code == 302
    refused = amira.post(url, {**amira_copy, "description": "Mine"})
    assert refused.status_code == 409
    bea_again = open_form(bea, url)
    assert bea.post(url, {**bea_again, "description": "Second"}).status_code == 302
    again = {**posted(refused.context["form"]), REVISION_FIELD: refused.context["revision_token"]}
    assert amira.post(url, again).status_code == 409
    assert Priority.unscoped.get(pk=priority.pk).description == "Second"


def test_a_post_without_a_valid_token_is_saved_unchecked(
    northfield: Tenant, client_for: Any
) -> None:
    """A post without a (valid) token is saved as before: pages opened before the check
    existed keep working. Every page the service draws carries one."""
    theme = LearningThemeFactory(partnership=northfield.partnership)
    url = _url("improvement:theme_update", theme.pk)
    amira, _ = _editors(northfield, Role.BUSINESS_UNIT, client_for)
    data = open_form(amira, url)
    data[REVISION_FIELD] = "not-a-token"
    assert amira.post(url, {**data, "description": "Saved"}).status_code == 302
    assert LearningTheme.unscoped.get(pk=theme.pk).description == "Saved"


def test_a_form_that_only_makes_records_carries_no_token(
    northfield: Tenant, client_for: Any
) -> None:
    amira, _ = _editors(northfield, Role.BUSINESS_UNIT, client_for)
    response = amira.get(_url("partnerships:priority_create"))
    assert response.status_code == 200
    assert not response.context["revision_token"]
    assert f'name="{REVISION_FIELD}"' not in response.content.decode()

"""The access log's rules, pages and retention, with agencies standing for logged records (the
audit pages that log are tested in assurance/tests/test_access_log.py).

Amira runs Northfield's business unit and reads the log; Priya audits for the police and may
not; Tamsin runs Southvale's business unit and sees nothing of Northfield's log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.access_log import selectors, services
from assurance.partnerships.access_log.models import AccessLogEntry
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db


def log_view(person: Person, record: Any, days_ago: int = 0) -> AccessLogEntry:
    entry = services.access_log_record(
        actor=actor_for_person(person), record=record, page=f"/somewhere/{record.pk}/"
    )
    if days_ago:
        entry.viewed_at = timezone.now() - timedelta(days=days_ago)
        entry.save()
    return entry


def test_an_entry_names_who_what_and_when(northfield: Tenant, priya: Person) -> None:
    entry = log_view(priya, northfield.police)
    assert entry.person == priya
    assert entry.user == priya.user
    assert entry.viewer == priya.full_name
    assert (entry.record_type, entry.record_id) == ("partnerships.agency", northfield.police.pk)
    assert entry.reference == str(northfield.police)
    assert entry.partnership == northfield.partnership
    assert timezone.now() - entry.viewed_at < timedelta(minutes=1)


def test_a_record_of_another_partnership_is_not_logged_here(
    northfield: Tenant, southvale: Tenant, priya: Person
) -> None:
    with pytest.raises(ValueError, match="another partnership"):
        log_view(priya, southvale.police)


def test_pruning_removes_only_entries_past_retention(
    northfield: Tenant, amira: Person, priya: Person, settings: Any
) -> None:
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    old = log_view(priya, northfield.police, days_ago=31)
    kept = log_view(priya, northfield.police, days_ago=29)
    out = StringIO()
    call_command("prune_access_log", stdout=out)
    assert "Removed 1 access log entries older than 30 days" in out.getvalue()
    assert not AccessLogEntry.unscoped.filter(pk=old.pk).exists()
    assert AccessLogEntry.unscoped.filter(pk=kept.pk).exists()
    call_command("prune_access_log", stdout=out)  # again: nothing more to remove
    assert AccessLogEntry.unscoped.count() == 1
    call_command("prune_access_log", "--days", "7", stdout=StringIO())
    assert AccessLogEntry.unscoped.count() == 0


def test_pruning_refuses_to_keep_nothing() -> None:
    with pytest.raises(CommandError, match="at least one day"):
        call_command("prune_access_log", "--days", "0", stdout=StringIO())


def test_the_business_unit_filters_the_partnerships_log(
    northfield: Tenant,
    amira: Person,
    priya: Person,
    kwame: Person,
    client_for: Callable[[Any], Client],
) -> None:
    log_view(priya, northfield.police, days_ago=10)
    log_view(kwame, northfield.health)
    client = client_for(amira)
    url = northfield.url("access-log/")

    page = client.get(url)
    assert page.status_code == 200
    assert page.context["total"] == 2
    text = page.content.decode()
    assert "Priya" in text and "Kwame" in text

    assert client.get(url, {"person": priya.pk}).context["total"] == 1
    assert client.get(url, {"reference": "integrated care"}).context["total"] == 1
    assert client.get(url, {"record_type": "partnerships.agency"}).context["total"] == 2
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    only_recent = client.get(url, {"viewed_from": since})
    assert [e.viewer for e in only_recent.context["rows"]] == [kwame.full_name]


def test_a_backwards_date_range_says_what_is_wrong(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(amira).get(
        northfield.url("access-log/"), {"viewed_from": "2026-05-02", "viewed_to": "2026-05-01"}
    )
    assert page.status_code == 200
    assert "The last day must be the same as or after the first day" in page.content.decode()


def test_a_records_log_lists_only_that_record(
    northfield: Tenant, amira: Person, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    log_view(priya, northfield.police)
    log_view(priya, northfield.health)
    page = client_for(amira).get(
        northfield.url(f"access-log/partnerships.agency/{northfield.police.pk}/")
    )
    assert page.status_code == 200
    assert page.context["total"] == 1
    assert f"Who has looked at agency {northfield.police}" in page.content.decode()


@pytest.mark.parametrize(
    "record_type", ["accounts.user", "nothing.here", "not-a-label", "partnerships.agency"]
)
def test_a_records_log_is_missing_unless_a_record_of_the_partnership(
    northfield: Tenant,
    southvale: Tenant,
    amira: Person,
    client_for: Callable[[Any], Client],
    record_type: str,
) -> None:
    """Another partnership's agency, a kind of record that is not a partnership's, or no kind."""
    pk = southvale.police.pk if record_type == "partnerships.agency" else amira.user.pk
    page = client_for(amira).get(northfield.url(f"access-log/{record_type}/{pk}/"))
    assert page.status_code == 404


def test_another_partnerships_log_is_never_shown(
    northfield: Tenant,
    southvale: Tenant,
    priya: Person,
    tamsin: Person,
    client_for: Callable[[Any], Client],
) -> None:
    log_view(priya, northfield.police)
    client = client_for(tamsin)
    assert client.get(southvale.url("access-log/")).context["total"] == 0
    assert client.get(northfield.url("access-log/")).status_code == 404


def test_only_the_business_unit_reads_the_log(
    northfield: Tenant, priya: Person, corinne: Person, client_for: Callable[[Any], Client]
) -> None:
    for person in (priya, corinne):
        assert client_for(person).get(northfield.url("access-log/")).status_code == 403


def test_the_kinds_of_record_are_named_for_people(northfield: Tenant, amira: Person) -> None:
    log_view(amira, northfield.police)
    kinds = selectors.record_types(actor=actor_for_person(amira))
    assert kinds == [("partnerships.agency", "agency")]

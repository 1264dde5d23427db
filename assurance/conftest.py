"""Fixtures shared by every app's tests: the people of two small partnerships, and the demo.

The personas are the same people the product brief talks about, so a test reads like a story:

* **amira** runs the Northfield business unit: she manages everything in the partnership;
* **priya** audits for Northfield's police; she must not see other agencies' people;
* **helen** leads for Northfield's police (an agency lead: her own agency's people only);
* **farah** leads for Northfield's council; **joanna** leads for Northfield's health board;
* **kwame** audits for Northfield's health board;
* **corinne** is Northfield's independent scrutineer; **dev** only views;
* **tamsin** runs the *Southvale* business unit and must see nothing of Northfield.

``demo`` loads the full demo deployment (``manage.py demo``); ``demo_user("police-auditor")`` is a
demo user of Northfield, ``demo_user("business-unit", "southvale")`` one of Southvale.

The partnerships are ``Tenant``s built by ``TenantFactory`` (``partnerships/tests/factories.py``);
each app's own conftest adds the records its tests need, from its factories and lower apps'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings

from assurance.core.roles import Role
from assurance.partnerships.models import Agency, Person
from assurance.partnerships.tests.factories import PersonFactory, Tenant, TenantFactory
from assurance.tests.demo_database import DemoDatabase


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Files the tests store (evidence, the demo's papers) go to a folder of this test process,
    never to the deployment's own media folder; the demo loaded once per process keeps its files
    there for every test that reads it."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Every test starts with an empty cache: the data set's pages keep drawn rows there (ADR
    032), and a rolled-back test's keys can come back in the next test of the same worker."""
    cache.clear()


def pytest_report_header(config: pytest.Config) -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"assurance: ASSURANCE_ENV={settings.ENVIRONMENT}, database {engine}"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.postgres_only`` tests run in the PostgreSQL pass of ``make test`` only."""
    if item.get_closest_marker("postgres_only"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("PostgreSQL only (make test runs the suite on PostgreSQL too)")


@pytest.fixture
def northfield(db: None) -> Tenant:
    """Northfield: the partnership most tests happen in."""
    return TenantFactory(slug="northfield", name="Northfield")


@pytest.fixture
def southvale(db: None) -> Tenant:
    """Southvale: another partnership in the same deployment, which must stay invisible."""
    return TenantFactory(slug="southvale", name="Southvale")


def _person(tenant: Tenant, agency: Agency, name: str, login: str, *roles: Role) -> Person:
    return PersonFactory(
        partnership=tenant.partnership,
        agency=agency,
        full_name=name,
        email=f"{login}@{tenant.slug}.test",
        roles=roles,
    )


@pytest.fixture
def amira(northfield: Tenant) -> Person:
    """amira: the Northfield business unit (she works for the council)."""
    return _person(northfield, northfield.council, "Amira Holloway", "amira", Role.BUSINESS_UNIT)


@pytest.fixture
def priya(northfield: Tenant) -> Person:
    """priya: a police auditor in Northfield; she must not see the health people."""
    return _person(northfield, northfield.police, "Priya Nandra", "priya", Role.AUDITOR)


@pytest.fixture
def helen(northfield: Tenant) -> Person:
    """helen: the police agency lead in Northfield (people of her own agency only)."""
    return _person(
        northfield, northfield.police, "Helen Stroud", "helen", Role.AGENCY_LEAD, Role.GROUP_MEMBER
    )


@pytest.fixture
def farah(northfield: Tenant) -> Person:
    """farah: the council's agency lead in Northfield."""
    return _person(northfield, northfield.council, "Farah Quinlan", "farah", Role.AGENCY_LEAD)


@pytest.fixture
def joanna(northfield: Tenant) -> Person:
    """joanna: the health board's agency lead in Northfield."""
    return _person(northfield, northfield.health, "Joanna Feld", "joanna", Role.AGENCY_LEAD)


@pytest.fixture
def corinne(northfield: Tenant) -> Person:
    """corinne: Northfield's independent scrutineer."""
    return _person(northfield, northfield.school, "Corinne Vale", "corinne", Role.SCRUTINEER)


@pytest.fixture
def dev(northfield: Tenant) -> Person:
    """dev: a Northfield viewer (priorities and published reports only)."""
    return _person(northfield, northfield.school, "Dev Marsh", "dev", Role.VIEWER)


@pytest.fixture
def kwame(northfield: Tenant) -> Person:
    """kwame: a health auditor in Northfield."""
    return _person(northfield, northfield.health, "Kwame Asante", "kwame", Role.AUDITOR)


@pytest.fixture
def tamsin(southvale: Tenant) -> Person:
    """tamsin: the Southvale business unit; Northfield does not exist for her."""
    return _person(southvale, southvale.council, "Tamsin Greaves", "tamsin", Role.BUSINESS_UNIT)


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    """``client_for(person_or_user)``: a test client signed in as them (no two-factor step)."""

    def make(who: Any) -> Client:
        user = who.user if isinstance(who, Person) else who
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture(scope="session")
def demo_database(
    _media_root: None, django_db_setup: None, django_db_blocker: Any
) -> Iterator[DemoDatabase]:
    """The demo, loaded once by this test process (``assurance/tests/demo_database.py``), its
    files in this process's media folder."""
    database = DemoDatabase(django_db_blocker.unblock)
    yield database
    database.close()


@pytest.fixture
def demo(request: pytest.FixtureRequest, demo_database: DemoDatabase) -> None:
    """The full demo deployment (Northfield, Southvale and every capability's demo data), in the
    test's own transaction like any other test data: put in before pytest-django opens that
    transaction (``pytest_collection_modifyitems`` sets this fixture up first, and the test's
    database access right after it) and taken away after it is rolled back."""
    if demo_database.enter():
        request.addfinalizer(demo_database.leave)
    else:
        request.getfixturevalue("db")
        call_command("demo", quiet_logins=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads the demo sets ``demo`` up first and its database access (``db``,
    unless it asks for another) second: pytest-django opens the test's transaction when ``db``
    is set up, or before any fixture the test names when it is marked ``django_db``."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names and "demo" in names:
            names.remove("demo")
            names.insert(0, "demo")
            if "db" not in names and "transactional_db" not in names:
                names.insert(1, "db")


@pytest.fixture
def demo_user(demo: None) -> Callable[..., Any]:
    """``demo_user("police-auditor")``: the demo user ROLE@northfield.example."""

    def get(login: str, partnership: str = "northfield") -> Any:
        return get_user_model().objects.get(email=f"{login}@{partnership}.example")

    return get

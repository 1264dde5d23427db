"""The signed-in session and its user, read by queries compiled once per process
(``accounts.sessions``, ``accounts.authentication.signed_in_user``): the same answers as
Django's own store and backend, on every request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from assurance.accounts.authentication import signed_in_user
from assurance.accounts.sessions import SessionStore
from assurance.partnerships.models import Person

pytestmark = pytest.mark.django_db

SEARCH = "/p/northfield/search/"


def test_the_store_reads_what_django_s_store_wrote() -> None:
    written = DjangoStore()
    written["colour"] = "green"
    written["count"] = 3
    written.create()
    read = SessionStore(written.session_key)
    assert read["colour"] == "green" and read["count"] == 3
    assert read.session_key == written.session_key


def test_an_expired_session_is_no_session() -> None:
    store = SessionStore()
    store["colour"] = "green"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    read = SessionStore(store.session_key)
    assert "colour" not in read
    assert read.session_key is None  # a new session is made if anything is stored


@pytest.mark.parametrize("key", ["", "short", "x" * 40, "no such key at all 12345"])
def test_an_unknown_or_malformed_key_is_no_session(key: str) -> None:
    read = SessionStore(key)
    assert read.load() == {}
    assert read.session_key is None


def test_signing_out_elsewhere_ends_the_session_on_the_next_request(
    amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert client.get(SEARCH).status_code == 200
    Session.objects.all().delete()  # as signing out (or clearsessions) on any server does
    response = client.get(SEARCH)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_deactivated_account_is_signed_out_on_the_next_request(
    amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert client.get(SEARCH).status_code == 200
    get_user_model().objects.filter(pk=amira.user_id).update(is_active=False)
    assert client.get(SEARCH).status_code == 302


def test_a_password_changed_elsewhere_ends_the_session(
    amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert client.get(SEARCH).status_code == 200
    user = get_user_model().objects.get(pk=amira.user_id)
    user.set_password("a completely new passphrase 42")
    user.save()
    assert client.get(SEARCH).status_code == 302


def test_the_user_is_read_as_the_orm_reads_them(amira: Person) -> None:
    orm = get_user_model().objects.get(pk=amira.user_id)
    read = signed_in_user(str(amira.user_id))
    assert read is not None and read.pk == orm.pk
    for field in get_user_model()._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(orm, field.attname), field.name
    assert read._state.adding is False and read._state.db == "default"


@pytest.mark.parametrize("user_id", [None, "", "abc", "999999"])
def test_no_such_user_is_none(user_id: Any) -> None:
    assert signed_in_user(user_id) is None

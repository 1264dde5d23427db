"""assurance/env.py: a bad setting stops the start-up; it never becomes a silent default."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from assurance.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        (" on ", True),
        ("0", False),
        ("false", False),
        ("NO", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_reads_booleans(monkeypatch: pytest.MonkeyPatch, raw: str, value: bool) -> None:
    monkeypatch.setenv("ASSURANCE_FLAG", raw)
    assert env_bool("ASSURANCE_FLAG", default=not value) is value


@pytest.mark.parametrize("raw", ["maybe", "2", "ture", "enabled"])
def test_a_bad_boolean_is_improperly_configured(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("ASSURANCE_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="ASSURANCE_FLAG"):
        env_bool("ASSURANCE_FLAG", default=False)


def test_env_bool_default_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSURANCE_FLAG", raising=False)
    assert env_bool("ASSURANCE_FLAG", default=True) is True


def test_env_int(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSURANCE_NUMBER", "42")
    assert env_int("ASSURANCE_NUMBER", 1) == 42
    monkeypatch.setenv("ASSURANCE_NUMBER", " ")
    assert env_int("ASSURANCE_NUMBER", 7) == 7
    monkeypatch.setenv("ASSURANCE_NUMBER", "forty")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("ASSURANCE_NUMBER", 1)


def test_env_str_required_without_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSURANCE_TEXT", raising=False)
    with pytest.raises(ImproperlyConfigured, match="must be set"):
        env_str("ASSURANCE_TEXT")
    assert env_str("ASSURANCE_TEXT", "fallback") == "fallback"


def test_env_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSURANCE_HOSTS", "a.example, b.example,,")
    assert env_list("ASSURANCE_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.delenv("ASSURANCE_HOSTS")
    assert env_list("ASSURANCE_HOSTS", ["x"]) == ["x"]


def test_the_tests_run_with_the_test_profile() -> None:
    from django.conf import settings

    assert settings.TESTING
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert not settings.DEBUG

"""BROWSER_LATE_FORMS, the switch that sends every form late (browsing.py): no browser needed."""

from __future__ import annotations

import pytest

from assurance.browser_tests.browsing import late_forms_script


def test_off_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_LATE_FORMS", raising=False)
    assert late_forms_script() == ""


def test_the_delay_asked_for_goes_into_the_script(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_LATE_FORMS", "400")
    script = late_forms_script()
    assert "}, 400);" in script
    assert "LATE_MS" not in script
    assert "window.assuranceFormLate = true" in script  # what Browse.check() looks for


def test_a_delay_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_LATE_FORMS", "4x")
    with pytest.raises(pytest.fail.Exception, match="give a number of milliseconds"):
        late_forms_script()

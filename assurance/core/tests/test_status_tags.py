"""Status tags: one partial, and each vocabulary's colours registered once next to its statuses."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from assurance.core import registry
from assurance.core.registry import TAG_COLOURS, register_status_colours, status_colour


@pytest.fixture(autouse=True)
def _own_vocabularies(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests register vocabularies of their own, not the apps'."""
    monkeypatch.setattr(registry, "_STATUS_COLOURS", {})


def render(source: str, **context: object) -> str:
    return Template("{% load components %}" + source).render(Context(context))


def test_the_partial_draws_a_govuk_tag_with_its_colour_and_escapes_the_label() -> None:
    html = render(
        '{% include "core/status_tag.html" with label=label colour="red" %}', label="<Late>"
    )
    assert html == '<strong class="govuk-tag govuk-tag--red">&lt;Late&gt;</strong>'
    assert render('{% include "core/status_tag.html" with label="To do" %}') == (
        '<strong class="govuk-tag">To do</strong>'
    )


def test_a_status_takes_the_colour_of_its_vocabulary() -> None:
    register_status_colours("test", {"open": "blue", "shut": "grey"})
    html = render(
        '{% include "core/status_tag.html" with label="Shut" colour=s|tag_colour:"test" %}',
        s="shut",
    )
    assert html == '<strong class="govuk-tag govuk-tag--grey">Shut</strong>'
    assert status_colour("test", "unheard of") == ""


def test_only_govuk_tag_colours_can_be_registered() -> None:
    with pytest.raises(ValueError, match="magenta"):
        register_status_colours("test-bad", {"open": "magenta"})
    assert {"grey", "green", "blue", "red", "orange", "yellow"} <= TAG_COLOURS


def test_an_unregistered_vocabulary_is_an_error() -> None:
    with pytest.raises(KeyError):
        status_colour("action", "open")

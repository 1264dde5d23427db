"""The summary list tags draw GOV.UK summary lists through one partial."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context: object) -> str:
    html = Template("{% load components %}" + source).render(Context(context))
    return re.sub(r">\s+<", "><", html.strip())


def test_rows_with_keys_and_values_escaped_like_any_template_output() -> None:
    html = render(
        '{% summary_list %}{% summary_row "Name" %} {{ name }} {% endsummary_row %}'
        "{% if shown %}{% summary_row key %}<em>{{ value }}</em>{% endsummary_row %}{% endif %}"
        "{% endsummary_list %}",
        name="<b>Priya</b>",
        shown=True,
        key="Agency & role",
        value="Police",
    )
    assert html == (
        '<dl class="govuk-summary-list">'
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Name</dt>'
        '<dd class="govuk-summary-list__value">&lt;b&gt;Priya&lt;/b&gt;</dd></div>'
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">'
        'Agency &amp; role</dt><dd class="govuk-summary-list__value"><em>Police</em></dd></div>'
        "</dl>"
    )


def test_actions_have_visually_hidden_text_and_rows_without_them_say_so() -> None:
    html = render(
        '{% summary_list classes="govuk-summary-list--no-border" %}'
        '{% summary_row "Name" %}Amira{% endsummary_row %}'
        '{% summary_row "Password" %}********{% summary_action url "Change" "password" %}'
        "{% endsummary_row %}"
        '{% summary_row "Priority" %}Neglect{% summary_action url "Change" "Neglect" %}'
        '{% summary_action "/history/" "History" %}{% endsummary_row %}'
        "{% endsummary_list %}",
        url="/change/",
    )
    assert '<dl class="govuk-summary-list govuk-summary-list--no-border">' in html
    assert (
        '<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">'
        '<dt class="govuk-summary-list__key">Name</dt>'
    ) in html
    assert (
        '<dd class="govuk-summary-list__value">********</dd>'
        '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/change/">Change'
        '<span class="govuk-visually-hidden"> password</span></a></dd>'
    ) in html
    assert (
        '<ul class="govuk-summary-list__actions-list">'
        '<li class="govuk-summary-list__actions-list-item"><a class="govuk-link" '
        'href="/change/">Change<span class="govuk-visually-hidden"> Neglect</span></a></li>'
        '<li class="govuk-summary-list__actions-list-item"><a class="govuk-link" '
        'href="/history/">History</a></li></ul>'
    ) in html


def test_a_key_with_several_values_is_a_block_of_its_own() -> None:
    html = render(
        "{% summary_list %}{% summary_row %}{{ code }} {{ text }}{% summary_value %}Met"
        "{% endsummary_row %}{% endsummary_list %}",
        code="1.2",
        text="The child's voice is heard",
    )
    assert '<dt class="govuk-summary-list__key">1.2 The child&#x27;s voice is heard</dt>' in html
    assert '<dd class="govuk-summary-list__value">Met</dd>' in html


@pytest.mark.parametrize(
    "source",
    [
        '{% summary_row "Name" %}Amira{% endsummary_row %}',
        '{% summary_list %}{% summary_action "/" "Change" %}{% endsummary_list %}',
        '{% summary_list size="m" %}{% endsummary_list %}',
        "{% summary_list %}<div>a hand-written row</div>{% endsummary_list %}",
    ],
)
def test_the_tags_are_used_only_as_documented(source: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        render(source)

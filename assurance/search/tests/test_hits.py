"""Each result is worked out once in Python (``search.selectors._caption`` and
``_shortened``): exactly what the template's filters drew before (``date:"j F Y"`` and
``truncatechars:200``), for every kind of text."""

from __future__ import annotations

from datetime import date

import pytest
from django.template import engines

from assurance.search import display
from assurance.search.selectors import Hit, _caption, _shortened

FILTERS = engines["django"].from_string(
    '{% autoescape off %}{{ label }}{% if when %} · {{ when|date:"j F Y" }}{% endif %}|'
    "{{ text|truncatechars:200 }}{% endautoescape %}"
)

TEXTS = [
    "",
    "Short",
    "x" * 199,
    "x" * 200,
    "x" * 201,
    "Neglect seen late. " * 40,
    "Café " * 50,  # not ASCII, composed
    "Cafe\u0301 " * 50,  # a combining accent: the filter counts it as nothing, and normalises
    "Cafe\u0301",  # short, but normalised by the filter
    "a" * 198 + "é" + "b" * 5,
    "😀" * 250,
    "line one\nline two " * 30,
]

DATES = [None, date(2026, 3, 1), date(2025, 12, 31), date(999, 5, 9)]


@pytest.mark.parametrize("text", TEXTS)
def test_a_summary_is_cut_as_truncatechars_cuts_it(text: str) -> None:
    drawn = FILTERS.render({"label": "", "when": None, "text": text}).split("|", 1)[1]
    assert _shortened(text) == drawn


@pytest.mark.parametrize("when", DATES)
def test_a_caption_is_the_label_and_the_date_as_the_date_filter_writes_it(
    when: date | None,
) -> None:
    drawn = FILTERS.render({"label": "Learning item", "when": when, "text": ""}).split("|")[0]
    assert _caption("Learning item", when) == drawn


def test_the_hits_are_drawn_as_the_template_drew_them_every_value_escaped() -> None:
    """``display.hits_html`` writes what the results' loop in the template wrote (the same
    markup as Django's escaping, which also escapes quotes), and no summary paragraph for a
    record without one."""
    template = engines["django"].from_string(
        '{% for hit in hits %}<li class="app-search-results__item">'
        '<span class="govuk-caption-s">{{ hit.caption }}</span>'
        '<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" '
        'href="{{ hit.href }}">{{ hit.title }}</a></h3>{% if hit.summary %}'
        '<p class="govuk-body-s govuk-!-margin-bottom-0">{{ hit.summary }}</p>{% endif %}'
        "</li>{% endfor %}"
    )
    hits = [
        Hit(
            "audit",
            "Audit",
            'Neglect <b>"deep" dive</b> & more',
            "It's <i>late</i>",
            None,
            "/p/n/audits/1/?a=1&b=2",
            _caption("Audit", date(2026, 4, 1)),
        ),
        Hit("case", "Case", "ABC-7KQ2MP", "", None, "/p/n/cases/2/", "Case"),
    ]
    assert display.hits_html(hits) == template.render({"hits": hits})
    assert "<b>" not in display.hits_html(hits)


def test_the_kinds_are_listed_as_the_template_listed_them() -> None:
    """``display.kinds_html`` writes what the kinds' loop in the template wrote: all results
    linked unless no kind is chosen, the chosen kind in bold, a kind with nothing not linked,
    every label and address escaped."""
    template = engines["django"].from_string(
        "<li>{% if not kind %}<strong>All results ({{ everything }})</strong>{% else %}<a "
        'class="govuk-link" href="{{ every_kind_href }}">All results ({{ everything }})</a>'
        "{% endif %}</li>{% for count in counts %}<li>{% if count.kind == kind %}<strong>"
        "{{ count.label }} ({{ count.count }})</strong>{% elif count.count %}<a "
        'class="govuk-link" href="{{ count.href }}">{{ count.label }} ({{ count.count }})</a>'
        "{% else %}{{ count.label }} (0){% endif %}</li>{% endfor %}"
    )
    counts = [
        {"kind": "audit", "label": "Audits", "count": 3, "href": "?q=a&amp;b&kind=audit"},
        {"kind": "case", "label": "Case <references>", "count": 0, "href": "?kind=case"},
        {"kind": "learning", "label": "Learning", "count": 12, "href": "?q=a&kind=learning"},
    ]
    for kind in ("", "learning", "audit"):
        context = {"counts": counts, "kind": kind, "everything": 15, "every_kind_href": "?q=a&b"}
        drawn = display.kinds_html(
            counts, kind=kind, everything=15, every_kind_href=context["every_kind_href"]
        )
        assert drawn == template.render(context)
    assert "<references>" not in drawn

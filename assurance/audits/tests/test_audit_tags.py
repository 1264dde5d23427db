"""The findings chart and table are built as strings for speed: every text in them is escaped,
and an agency that assessed nothing says so."""

from __future__ import annotations

from types import SimpleNamespace

from assurance.audits.findings import OptionInfo, Tally, compare
from assurance.audits.templatetags.audit_tags import (
    change_since,
    findings_figure,
    findings_table,
    proportion_bars,
)

OPTIONS = (
    OptionInfo(1, "Met", True, False),
    OptionInfo(2, "Not <met> & more", False, False),
    OptionInfo(3, "Not applicable", False, True),
)


def _findings() -> SimpleNamespace:
    some, none = Tally(), Tally()
    some.add(1, 2)
    some.add(2, 1)
    none.add(3, 2)
    overall = Tally({1: 2, 2: 1, 3: 2})
    return SimpleNamespace(
        item=SimpleNamespace(code="1.1 <b>"),
        options=list(OPTIONS),
        by_agency=[
            ("Police & Crime <Office>", some.summarise(OPTIONS)),
            ("Health", none.summarise(OPTIONS)),
        ],
        overall=overall.summarise(OPTIONS),
    )


def test_every_text_in_the_chart_is_escaped_and_none_assessed_is_said() -> None:
    svg = str(proportion_bars(_findings()))
    assert "Police &amp; Crime &lt;Office&gt;" in svg and "<Office>" not in svg
    assert 'aria-label="Bar chart of the proportion meeting 1.1 &lt;b&gt;' in svg
    assert svg.count("None assessed") == 1  # health: only "not applicable"
    assert svg.count("<rect") == 2  # police and all agencies
    assert ">67%</text>" in svg


def test_every_text_in_the_table_is_escaped_and_the_figures_are_right() -> None:
    html = str(findings_table(_findings()))
    assert "Not &lt;met&gt; &amp; more</th>" in html
    assert "Responses to 1.1 &lt;b&gt; by agency" in html
    assert ">Police &amp; Crime &lt;Office&gt;</th>" in html
    assert ">2 of 3 (67%)</td>" in html
    assert "None assessed</td>" in html
    # The same tables twice (the parts built once are reused, not mixed up).
    assert str(findings_table(_findings())) == html


def test_the_change_since_the_earlier_audit_reads_as_a_sentence() -> None:
    change = compare(before_meeting=5, before_assessed=20, after_meeting=18, after_assessed=20)
    html = str(change_since(change))
    assert html.startswith('<p class="govuk-body-s">Change since the earlier audit: +65 percentage')
    assert "– Improved (p < 0.001)</p>" in html, "a tiny p-value is never shown as 0.000"
    assert str(change_since(None)) == ""
    unknown = compare(before_meeting=0, before_assessed=0, after_meeting=3, after_assessed=4)
    assert str(change_since(unknown)) == (
        '<p class="govuk-body-s">Change since the earlier audit: Not comparable: one of the '
        "audits assessed no cases on this standard.</p>"
    )


def test_a_standards_figure_is_its_caption_chart_table_link_and_change() -> None:
    findings = _findings()
    findings.item = SimpleNamespace(code="1.1 <b>", text="Risk & need", pk=7)
    findings.change = compare(
        before_meeting=5, before_assessed=20, after_meeting=18, after_assessed=20
    )
    html = str(findings_figure(findings, "/p/north/learning/new/?audit=3"))
    assert html.startswith(
        '<figure class="app-figure">\n  <figcaption class="govuk-heading-s">1.1 &lt;b&gt; '
        "Risk &amp; need</figcaption>\n  <svg"
    )
    assert f"\n  {proportion_bars(findings)}\n  {findings_table(findings)}\n" in html
    assert (
        '<a class="govuk-link" href="/p/north/learning/new/?audit=3&amp;standard=7">Record '
        'learning about 1.1 &lt;b&gt;<span class="govuk-visually-hidden"> Risk &amp; need'
        "</span></a>"
    ) in html
    assert html.endswith(f"\n  {change_since(findings.change)}\n</figure>")
    # Without the permission to record learning there is no link (the line stays, empty).
    without = str(findings_figure(findings, ""))
    assert "Record learning" not in without and "</table>\n  \n  <p" in without

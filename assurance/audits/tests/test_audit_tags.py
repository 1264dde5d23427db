"""A standard's figure on the findings page: the chart's geometry and the table's rows from its
findings (``audits.figures``), drawn by templates that escape every text, and an agency that
assessed nothing says so."""

from __future__ import annotations

from types import SimpleNamespace

from django.template.loader import render_to_string

from assurance.audits.figures import FindingsRow, change_text, findings_figure
from assurance.audits.findings import OptionInfo, Tally, compare

OPTIONS = (
    OptionInfo(1, "Met", True, False),
    OptionInfo(2, "Not <met> & more", False, False),
    OptionInfo(3, "Not applicable", False, True),
)


def _findings(**extra: object) -> SimpleNamespace:
    some, none = Tally(), Tally()
    some.add(1, 2)
    some.add(2, 1)
    none.add(3, 2)
    overall = Tally({1: 2, 2: 1, 3: 2})
    return SimpleNamespace(
        item=SimpleNamespace(code="1.1 <b>", text="Risk & need", pk=7),
        options=list(OPTIONS),
        by_agency=[
            ("Police & Crime <Office>", some.summarise(OPTIONS)),
            ("Health", none.summarise(OPTIONS)),
        ],
        overall=overall.summarise(OPTIONS),
        change=None,
        **extra,
    )


def test_the_figure_has_a_bar_per_agency_and_all_agencies_and_a_row_of_figures_each() -> None:
    figure = findings_figure(_findings())
    police, health, everyone = figure.chart.rows
    assert (police.label, police.value, police.width) == ("Police & Crime <Office>", "67%", 266.7)
    assert (health.value, health.width) == ("None assessed", None)  # only "not applicable"
    assert everyone.label == "All agencies" and everyone.total
    assert figure.chart.total_bars == "M200 60h266.7v18H200z"
    assert figure.chart.description == (
        "Bar chart of the proportion meeting 1.1 <b>, by agency, with 95% intervals. The table "
        "that follows gives the figures."
    )
    table = figure.table
    assert table.caption == "Responses to 1.1 <b> by agency"
    assert table.header == (
        "Agency",
        "Met",
        "Not <met> & more",
        "Not applicable",
        "Meeting the standard",
        "95% interval",
    )
    assert table.rows == (
        FindingsRow("Police & Crime <Office>", ("2", "1", "0", "2 of 3 (67%)", "21% to 94%")),
        FindingsRow("Health", ("0", "0", "2", "None assessed", "–")),
    )
    assert table.total == FindingsRow("All agencies", ("2", "1", "2", "2 of 3 (67%)", "21% to 94%"))
    assert figure.change == ""


def test_the_change_since_the_earlier_audit_reads_as_a_phrase() -> None:
    change = compare(before_meeting=5, before_assessed=20, after_meeting=18, after_assessed=20)
    assert change_text(change) == "+65 percentage points – Improved (p < 0.001)"
    assert change_text(None) == ""
    unknown = compare(before_meeting=0, before_assessed=0, after_meeting=3, after_assessed=4)
    assert change_text(unknown) == (
        "Not comparable: one of the audits assessed no cases on this standard."
    )


def _figure_html(findings: SimpleNamespace, learning_url: str = "") -> str:
    return render_to_string(
        "audits/_findings_figure.html", {"f": findings, "learning_url": learning_url}
    )


def test_every_text_in_the_chart_is_escaped_and_none_assessed_is_said() -> None:
    html = _figure_html(_findings())
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert ">Police &amp; Crime &lt;Office&gt;</text>" in svg and "<Office>" not in svg
    assert 'aria-label="Bar chart of the proportion meeting 1.1 &lt;b&gt;, by agency' in svg
    assert svg.count(">None assessed</text>") == 1  # health
    assert '<path d="M200 4h266.7v18H200z" fill="#5694ca"/>' in svg  # police
    assert '<path d="M200 60h266.7v18H200z" fill="#1d70b8"/>' in svg  # all agencies
    assert svg.count(">67%</text>") == 2
    assert svg.count('class="app-chart__tick"') == 1 and ">100%</text>" in svg


def test_every_text_in_the_table_is_escaped_and_the_figures_are_right() -> None:
    html = _figure_html(_findings())
    table = html[html.index("<table") : html.index("</table>")]
    assert ">Not &lt;met&gt; &amp; more</th>" in table
    assert "Responses to 1.1 &lt;b&gt; by agency</caption>" in table
    assert (
        '<th scope="row" class="govuk-table__header govuk-!-font-weight-regular">Police &amp; '
        'Crime &lt;Office&gt;</th><td class="govuk-table__cell govuk-table__cell--numeric">2</td>'
    ) in table
    assert '--numeric">2 of 3 (67%)</td><td class="govuk-table__cell' in table
    assert (
        '--numeric">None assessed</td><td class="govuk-table__cell govuk-table__cell--numeric'
        in table
    )
    assert '<th scope="row" class="govuk-table__header">All agencies</th>' in table
    assert table.count("<tr ") == 4  # the header, two agencies and all agencies
    assert table.count("<td ") == 3 * 5
    # The same tables twice (nothing is carried over from one to the next).
    assert _figure_html(_findings()) == html


def test_a_standards_figure_is_its_caption_chart_table_link_and_change() -> None:
    change = compare(before_meeting=5, before_assessed=20, after_meeting=18, after_assessed=20)
    findings = _findings()
    findings.item.text = "Risk & need <script>alert(1)</script>"
    findings.change = change
    html = _figure_html(findings, "/p/north/learning/new/?audit=3")
    assert "<script>" not in html
    assert html.startswith(
        '<figure class="app-figure">\n  <figcaption class="govuk-heading-s">1.1 &lt;b&gt; '
        "Risk &amp; need &lt;script&gt;alert(1)&lt;/script&gt;</figcaption>\n  <svg"
    )
    assert html.index("</svg>") < html.index("<table") < html.index("Record learning")
    assert (
        '<a class="govuk-link" href="/p/north/learning/new/?audit=3&amp;standard=7">Record '
        'learning about 1.1 &lt;b&gt;<span class="govuk-visually-hidden"> Risk &amp; need '
        "&lt;script&gt;alert(1)&lt;/script&gt;</span></a>"
    ) in html
    assert html.rstrip().endswith(
        '<p class="govuk-body-s">Change since the earlier audit: +65 percentage points – '
        "Improved (p &lt; 0.001)</p>\n</figure>"
    )
    # Without the permission to record learning there is no link, and without an earlier audit
    # no change.
    findings.change = None
    without = _figure_html(findings)
    assert "Record learning" not in without and "Change since" not in without
    assert "<p" not in without[without.index("</table>") :]

"""Scorecards per priority and the exception report (page, PDF, Word), on the real C1 file."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from html import unescape

import pytest

from assurance.core.business_year import current_business_year
from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.benchmarks.reader import DATA_DIR
from assurance.dataset.benchmarks.services import benchmarks_import
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection.tests.factories import (
    CollectionRoundFactory,
    IndicatorValueFactory,
    RevisionFactory,
)
from assurance.dataset.targets.models import IndicatorSetting
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory
from assurance.partnerships.tests.factories import PriorityFactory

SOLIHULL = "E08000029"


@pytest.fixture
def scored(solihull):
    p = solihull.partnership
    p.exception_margin = 5
    p.save()
    benchmarks_import(path=DATA_DIR / "csww_indicators_2017_to_2025.csv")
    year = current_business_year()
    priority = PriorityFactory(partnership=p, business_year=year, title="Neglect")

    def setting(code, target=None, tolerance=None):
        return IndicatorSettingFactory(
            partnership=p,
            indicator=Indicator.objects.get(code=code),
            business_year=year,
            target=target,
            tolerance=tolerance,
            priorities=[priority],
        )

    # WF-TURNOVER: national statistics, no target; CSC-REREF: an agency return
    setting("WF-TURNOVER")
    setting("CSC-REREF", Decimal("5"), Decimal("1"))  # lower is better: missed
    solihull.priority = priority
    return solihull


def test_scorecard_shows_published_values_and_no_made_up_agency_returns(scored, dev, client_for):
    url = scored.url(f"data-set/scorecards/{scored.priority.pk}/")
    c = client_for(dev)
    page = c.get(url + "?view=cards").content.decode()
    rate = Benchmark.objects.get(
        indicator__code="WF-TURNOVER", area_code=SOLIHULL, time_period="2025"
    ).value
    england = Benchmark.objects.get(
        indicator__code="WF-TURNOVER", area_code="E92000001", time_period="2025"
    ).value
    card = page.split('id="card-WF-TURNOVER"')[1].split('id="card-')[0]
    assert f"{rate:,.1f}" in card and "in 2025" in card and f"{england:,.1f}" in card
    assert "West Midlands" in card and "statistical neighbours" in card
    assert 'aria-label="Trend of children&#x27;s social worker turnover, oldest first: 2017' in card
    # re-referrals are an agency return: nothing published by the partnership yet
    rereferrals = page.split('id="card-CSC-REREF"')[1]
    assert "No values yet" in rereferrals
    assert "Missed" not in rereferrals  # no value, no rating


def _cells(html: str, code: str) -> list[str]:
    """The text of each cell of an indicator's row in the scorecard table."""
    row = html.split(f'id="row-{code}"')[1].split("</tr>")[0]
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells]


def test_the_scorecard_is_one_table_of_every_indicator(scored, dev, client_for):
    """One row per indicator: latest value with its unit, target, the variation and assurance
    icons in words, England, statistical neighbours and which direction is better; the cards
    are a link away."""
    page = client_for(dev).get(scored.url(f"data-set/scorecards/{scored.priority.pk}/")).text
    assert 'id="scorecard"' in page and 'class="govuk-summary-card"' not in page
    assert 'role="region"' in page and 'tabindex="0"' in page
    rate, england = (
        Benchmark.objects.get(
            indicator__code="WF-TURNOVER", area_code=area, time_period="2025"
        ).value
        for area in (SOLIHULL, "E92000001")
    )
    turnover = _cells(page, "WF-TURNOVER")
    assert turnover[0].startswith("Children's social worker turnover")
    assert turnover[1] == f"{rate:,.1f}% 2025"
    assert turnover[2] == "None set"
    assert turnover[3] in {
        "Common cause variation: no significant change",
        "Special cause improving variation: significantly low",
        "Special cause concerning variation: significantly high",
    }
    assert turnover[4] == "– No assurance verdict: no target set"
    assert turnover[5] == f"{england:,.1f}%"
    assert turnover[6].endswith("%")  # the neighbours' average
    assert turnover[7] == "Lower"
    assert 'aria-label="Common cause variation' in page or 'aria-label="Special cause' in page
    rereferrals = _cells(page, "CSC-REREF")
    assert rereferrals[1] == "No values yet" and rereferrals[2] == "5.0%"
    assert 'href="?view=cards#card-WF-TURNOVER"' in page
    assert page.count('<tr class="govuk-table__row" id="row-') == 2


def test_a_scorecard_without_indicators_writes_nothing(scored, dev, client_for):
    """A priority with no indicator yet: the page says so and stores nothing (no data version
    is claimed for a table with no row)."""
    from assurance.dataset.summaries.models import SummaryVersion

    empty = PriorityFactory(partnership=scored.partnership, business_year=current_business_year())
    SummaryVersion.objects_for(scored.partnership).delete()
    response = client_for(dev).get(scored.url(f"data-set/scorecards/{empty.pk}/"))
    assert response.status_code == 200
    assert not SummaryVersion.objects_for(scored.partnership).exists()


def test_scorecard_queries_do_not_grow_with_indicators(
    scored, dev, client_for, django_assert_max_num_queries
):
    c = client_for(dev)
    url = scored.url(f"data-set/scorecards/{scored.priority.pk}/")
    c.get(url)
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # a request empties the log: count from an empty one
    with CaptureQueriesContext(connection) as captured:
        c.get(url)
    few = len(captured)  # now: the next request empties the log it reads
    assert few > 0
    _more_indicators(scored)
    c.get(url)  # the new indicators have no summary rows yet: this page computes them
    reset_queries()
    with django_assert_max_num_queries(few):
        assert c.get(url).status_code == 200


def test_the_pages_run_the_same_statements_whatever_the_number_of_indicators(
    scored, dev, client_for
):
    """The scorecard and the exception report read their settings, summary rows and what is
    collected by locality by the priority or the year, never by a list of the indicators' ids:
    the same statements for 2 indicators or 20 (so each is compiled and prepared once, and
    building a list of 150 parameters is not most of the read)."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_for(dev)
    urls = [
        scored.url(f"data-set/scorecards/{scored.priority.pk}/"),
        scored.url("data-set/exceptions/"),
    ]

    def statements() -> list[list[str]]:
        found = []
        for url in urls:
            c.get(url)  # anything missing computed first
            with CaptureQueriesContext(connection) as captured:
                assert c.get(url).status_code == 200
            found.append([re.sub(r"\d+(\.\d+)?", "N", q["sql"]) for q in captured])
        return found

    few = statements()
    assert _more_indicators(scored, 18) == 18
    assert statements() == few


def _more_indicators(scored, most: int | None = None) -> int:
    """Put the catalogue's other indicators (``most`` of them) on the priority's scorecard,
    each with a target; how many were added."""
    others = Indicator.objects.exclude(code__in=["WF-TURNOVER", "CSC-REREF"]).order_by("code")
    added = list(others[:most] if most else others)
    for indicator in added:
        IndicatorSettingFactory(
            partnership=scored.partnership,
            indicator=indicator,
            business_year=current_business_year(),
            target=Decimal(1),
            priorities=[scored.priority],
        )
    return len(added)


def test_exception_report_lists_only_exceptions_as_page_pdf_and_word(scored, dev, client_for):
    c = client_for(dev)
    turnover = {
        b.area_code: b.value
        for b in Benchmark.objects.filter(indicator__code="WF-TURNOVER", time_period="2025")
    }
    page = c.get(scored.url("data-set/exceptions/")).content.decode()
    # turnover (lower is better, no target): an exception only when worse than England by
    # more than 5% of England's value; re-referrals have no partnership value yet
    worse = turnover[SOLIHULL] - turnover["E92000001"] > turnover["E92000001"] * Decimal("0.05")
    assert ('id="exception-WF-TURNOVER"' in page) == worse
    assert 'id="exception-CSC-REREF"' not in page
    # make re-referrals a national-statistics indicator to judge Solihull's published value
    Indicator.objects.filter(code="CSC-REREF").update(source="national_statistics")
    page = c.get(scored.url("data-set/exceptions/")).content.decode()
    assert 'id="exception-CSC-REREF"' in page and "Target missed" in page
    pdf = c.get(scored.url("data-set/exceptions/pdf/"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = c.get(scored.url("data-set/exceptions/docx/"))
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert docx["Content-Disposition"] == (
        f'attachment; filename="exception-report-{current_business_year()}.docx"'
    )
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Re-referrals" in text and "Target missed" in text


def test_agency_return_rows_use_published_values_like_partnership_series(
    scored, helen, django_assert_num_queries
):
    """The scorecard's bulk read gives the same values as ``partnership_series`` (two agencies
    combined: the rate from the summed numerators and denominators), with the revision mark and
    the latest commentary; an open round's value is never shown."""
    from datetime import date, timedelta

    from assurance.dataset.collection.rules import period_containing
    from assurance.dataset.collection.selectors import partnership_series
    from assurance.dataset.performance.scorecards import partnership_values, scorecard_rows

    p = scored.partnership
    indicator = Indicator.objects.get(code="CSC-REREF")
    start, figures = date(2025, 4, 1), [(20, 100, 9, 60), (30, 100, 12, 50), (25, 100, 5, 40)]
    for n, (n1, d1, n2, d2) in enumerate(figures):
        period = period_containing("quarterly", start)
        status = "open" if n == len(figures) - 1 else "published"
        r = CollectionRoundFactory(
            partnership=p,
            start=start,
            opens_on=period.end,
            due_on=period.end + timedelta(days=20),
            status=status,
        )
        for agency, num, den, text in [
            (scored.council, n1, d1, f"Council note {n}"),
            (scored.health, n2, d2, ""),
        ]:
            v = IndicatorValueFactory(
                round=r,
                indicator=indicator,
                agency=agency,
                numerator=num,
                denominator=den,
                value=Decimal(num) * 100 / den,
                commentary=text,
                entered_by=helen,
            )
        start = period.end + timedelta(days=1)
        if n == 1:
            RevisionFactory(
                value=v,
                old_numerator=10,
                old_denominator=50,
                old_value=20,
                reason="Late returns counted.",
                revised_by=helen,
            )
    with django_assert_num_queries(2):
        ours = partnership_values(partnership=p, indicators=[indicator])[indicator.pk]
    theirs = partnership_series(partnership=p, indicator=indicator)
    assert [(o.time_period, o.value, o.revised) for o in ours] == [
        (t.time_period, t.value, t.revised) for t in theirs
    ]
    assert [o.value for o in ours] == [Decimal(29) * 100 / 160, Decimal(42) * 100 / 150]
    assert [o.revised for o in ours] == [False, True]
    setting = IndicatorSetting.objects_for(p).get(indicator=indicator)
    row = scorecard_rows(partnership=p, settings=[setting])[indicator.pk]
    assert row.value == ours[-1].value and row.revised
    assert row.commentary == [(scored.council.short_name, "Council note 1")]
    assert row.direction == "worsening"  # 18.1 % → 28.0 %, lower is better


def test_the_table_reads_only_the_columns_it_shows(scored, dev, client_for):
    """The table view reads its summary rows without their sparkline, commentary and reasons
    (JSON decoded for nothing: a third of reading 150 rows); the cards read them."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_for(dev)
    url = scored.url(f"data-set/scorecards/{scored.priority.pk}/")
    c.get(url)  # the summary rows computed and kept
    for tail, read in (("", False), ("?view=cards", True)):
        cache.clear()  # the rows read, not the table drawn before
        with CaptureQueriesContext(connection) as captured:
            assert c.get(url + tail).status_code == 200
        [summaries] = [  # the rows read (not only their versions and fingerprints)
            q["sql"] for q in captured if '"dataset_indicatorsummary"."value"' in q["sql"]
        ]
        assert ('"dataset_indicatorsummary"."trend"' in summaries) is read
        assert ('"dataset_indicatorsummary"."commentary"' in summaries) is read
